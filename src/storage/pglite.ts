/** Embedded storage: PGlite (PostgreSQL compiled to WebAssembly) with its data in a folder. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export async function openPGlite(dataDir: string): Promise<PGlite> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // pg_trgm backs case-insensitive `contains` filters with trigram indexes (as on PostgreSQL).
  return PGlite.create({ dataDir: dir, relaxedDurability: false, extensions: { pg_trgm } });
}

export async function createPGliteAdapter(dataDir: string) {
  const pglite = await openPGlite(dataDir);
  // pglite-prisma-adapter's dispose() leaves PGlite open: close it ourselves.
  return { adapter: new PrismaPGlite(pglite), pglite, close: () => pglite.close() };
}
