/** Seeds a database: ISO countries, then every annotated article under seed/articles. */
import { readAnnotatedArticle } from '../annotations/read.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { loadCountries } from './countries.js';
import { type LoadResult, loadAnnotatedArticle } from './load-article.js';
import { seedAnnotationPaths } from './paths.js';

export async function seedDatabase(
  prisma: PrismaClient,
  options: { force?: boolean; log?: (line: string) => void; dir?: string } = {},
): Promise<LoadResult[]> {
  const log = options.log ?? (() => {});
  // Every file is read and checked before anything is written: one bad annotation stops
  // the whole seed instead of leaving the articles before it loaded.
  const articles = await Promise.all(
    (await seedAnnotationPaths(options.dir)).map((path) => readAnnotatedArticle(path)),
  );
  const countries = await loadCountries(prisma);
  log(`countries: ${countries} added (${await prisma.country.count()} in all)`);
  const results: LoadResult[] = [];
  for (const article of articles) {
    const result = await loadAnnotatedArticle(prisma, article, options);
    log(
      result.status === 'unchanged'
        ? `article ${result.key}: unchanged`
        : `article ${result.key}: ${result.status} (${Object.entries(result.counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')})`,
    );
    results.push(result);
  }
  return results;
}
