/** `npm run check-annotations [files or folders...]`: validates annotation files without touching a database. */
import { readAnnotatedArticle } from '../annotations/read.js';
import { findAnnotationFiles } from '../ingest/folder.js';
import { seedArticlesDir } from '../seed/paths.js';

const args = process.argv.slice(2);
const paths = await findAnnotationFiles(args.length > 0 ? args : [seedArticlesDir]);
let failed = false;
for (const path of paths) {
  try {
    const { annotation } = await readAnnotatedArticle(path);
    console.log(
      `ok ${path}: ${annotation.persons.length} persons, ${annotation.organizations.length} organizations, ` +
        `${annotation.events.length} events, ${annotation.statements.length} statements, ` +
        `${annotation.eventRelations.length} event relations`,
    );
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? error.message : error);
  }
}
process.exit(failed ? 1 : 0);
