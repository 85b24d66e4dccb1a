import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAnnotationFiles } from '../ingest/folder.js';

/** The project's `seed/articles` folder, wherever the process was started from. */
export const seedArticlesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../seed/articles');

/** Every `seed/articles/<key>/annotations.json`, in a stable order. */
export function seedAnnotationPaths(dir = seedArticlesDir): Promise<string[]> {
  return findAnnotationFiles([dir]);
}
