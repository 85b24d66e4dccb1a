/** Article folders on disk, as `npm run ingest` and the seed read them. */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { readArticleFiles } from '../annotations/read.js';
import type { IngestInput } from './prepare.js';

export const ANNOTATION_FILE = 'annotations.json';

/**
 * The annotation files that paths name: an `annotations.json` (or any .json) file, a folder
 * holding one, or a folder of such folders (one level down), in a stable order.
 */
export async function findAnnotationFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const full = resolve(path);
    const info = await stat(full).catch(() => null);
    if (!info) throw new Error(`${path}: no such file or folder`);
    if (info.isFile()) {
      found.push(full);
      continue;
    }
    const own = join(full, ANNOTATION_FILE);
    if (await stat(own).catch(() => null)) {
      found.push(own);
      continue;
    }
    const children = (await readdir(full, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    const inside: string[] = [];
    for (const child of children.sort()) {
      const file = join(full, child, ANNOTATION_FILE);
      if (await stat(file).catch(() => null)) inside.push(file);
    }
    if (inside.length === 0) throw new Error(`${path}: no ${ANNOTATION_FILE} in it or in its sub-folders`);
    found.push(...inside);
  }
  return [...new Set(found)];
}

/** The ingestion input of one annotation file: its JSON and the text next to it. */
export async function readIngestInput(annotationPath: string): Promise<IngestInput> {
  const { raw, text } = await readArticleFiles(annotationPath);
  return { text, annotations: raw };
}

/** A short name for messages: the article's folder. */
export const articleLabel = (annotationPath: string) =>
  basename(annotationPath) === ANNOTATION_FILE ? basename(resolve(annotationPath, '..')) : basename(annotationPath);
