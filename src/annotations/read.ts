/** Reads an annotated article from disk and checks it completely before anyone loads it. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Annotation } from './format.js';
import { AnnotationError, type ValidateOptions, validateAnnotation } from './validate.js';

export interface AnnotatedArticle {
  annotation: Annotation;
  /** The article text, byte for byte as in its file. */
  text: string;
  /** Where the annotation was read from, for messages. */
  path: string;
}

/** The annotation document and the text it points at, unchecked: for callers that validate later. */
export async function readArticleFiles(annotationPath: string): Promise<{ raw: unknown; text: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(annotationPath, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON: ${error.message}` : (error as Error).message;
    throw new AnnotationError([{ path: '$', message: reason }], annotationPath);
  }
  const file = (raw as { article?: { file?: unknown } } | null)?.article?.file;
  const textPath = join(dirname(annotationPath), typeof file === 'string' && file ? file : 'article.txt');
  try {
    return { raw, text: await readFile(textPath, 'utf8') };
  } catch (error) {
    throw new AnnotationError(
      [
        {
          path: '$.article.file',
          message: `cannot read ${textPath}: ${(error as NodeJS.ErrnoException).code ?? error}`,
        },
      ],
      annotationPath,
    );
  }
}

export async function readAnnotatedArticle(
  annotationPath: string,
  options?: ValidateOptions,
): Promise<AnnotatedArticle> {
  const { raw, text } = await readArticleFiles(annotationPath);
  const result = validateAnnotation(raw, text, options);
  if (!result.ok) throw new AnnotationError(result.problems, annotationPath);
  return { annotation: result.annotation, text, path: annotationPath };
}
