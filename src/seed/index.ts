/** Seeds a database: ISO countries, then every annotated article under seed/articles, through ingestion. */
import { AnnotationError, validateAnnotation } from '../annotations/validate.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { findAnnotationFiles, readIngestInput } from '../ingest/folder.js';
import { ingestArticle, type WriteOutcome } from '../ingest/index.js';
import { describeOutcome } from '../ingest/report.js';
import { backfillNameKeys } from '../resolve/backfill.js';
import { loadCountries } from './countries.js';
import { seedArticlesDir } from './paths.js';

export async function seedDatabase(
  prisma: PrismaClient,
  options: { force?: boolean; log?: (line: string) => void; dir?: string } = {},
): Promise<WriteOutcome[]> {
  const log = options.log ?? (() => {});
  // Every file is read and checked before anything is written: one bad annotation stops
  // the whole seed instead of leaving the articles before it loaded.
  const paths = await findAnnotationFiles([options.dir ?? seedArticlesDir]);
  const inputs = await Promise.all(paths.map((path) => readIngestInput(path)));
  for (const [i, input] of inputs.entries()) {
    const result = validateAnnotation(input.annotations, input.text);
    if (!result.ok) throw new AnnotationError(result.problems, paths[i]);
  }
  const countries = await loadCountries(prisma);
  log(`countries: ${countries} added or updated (${await prisma.country.count()} in all)`);
  const named = await backfillNameKeys(prisma);
  if (named > 0) log(`name keys computed for ${named} persons and organizations that had none`);
  const results: WriteOutcome[] = [];
  for (const input of inputs) {
    const outcome = await ingestArticle(prisma, input, { actor: 'seed', force: options.force });
    log(`article ${outcome.articleKey}: ${describeOutcome(outcome)}`);
    results.push(outcome);
  }
  return results;
}
