import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's `seed/articles` folder, wherever the process was started from. */
export const seedArticlesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../seed/articles');

/** Every `seed/articles/<key>/annotations.json`, in a stable order. */
export async function seedAnnotationPaths(dir = seedArticlesDir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => join(dir, e.name, 'annotations.json'))
    .sort();
}
