/** Embedded storage: PGlite (PostgreSQL compiled to WebAssembly) with its data in a folder. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export async function openPGlite(dataDir: string): Promise<PGlite> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  return PGlite.create({ dataDir: dir, relaxedDurability: false });
}

export async function createPGliteAdapter(dataDir: string) {
  const pglite = await openPGlite(dataDir);
  // pglite-prisma-adapter's dispose() leaves PGlite open: close it ourselves.
  return { adapter: new PrismaPGlite(pglite), pglite, close: () => pglite.close() };
}
