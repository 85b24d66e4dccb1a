/** `npm run check-annotations [files...]`: validates annotation files without touching a database. */
import { readAnnotatedArticle } from '../annotations/read.js';
import { seedAnnotationPaths } from '../seed/paths.js';

const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : await seedAnnotationPaths();
let failed = false;
for (const path of paths) {
  try {
    const { annotation } = await readAnnotatedArticle(path);
    console.log(
      `ok ${path}: ${annotation.persons.length} persons, ${annotation.organizations.length} organizations, ` +
        `${annotation.events.length} events, ${annotation.statements.length} statements`,
    );
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? error.message : error);
  }
}
process.exit(failed ? 1 : 0);
