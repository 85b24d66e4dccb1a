/** Reads an annotated article from disk and checks it completely before anyone loads it. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isoAlpha2Codes } from '../reference/countries.js';
import { type Annotation, annotationSchema } from './format.js';
import { AnnotationError, findAnnotationProblems } from './validate.js';

export interface AnnotatedArticle {
  annotation: Annotation;
  /** The article text, byte for byte as in its file. */
  text: string;
  /** Where the annotation was read from, for messages. */
  path: string;
}

export async function readAnnotatedArticle(annotationPath: string): Promise<AnnotatedArticle> {
  const raw: unknown = JSON.parse(await readFile(annotationPath, 'utf8'));
  const parsed = annotationSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AnnotationError(
      parsed.error.issues.map((issue) => `${annotationPath}: ${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const annotation = parsed.data;
  const text = await readFile(join(dirname(annotationPath), annotation.article.file), 'utf8');
  const problems = findAnnotationProblems(annotation, text, isoAlpha2Codes);
  if (problems.length > 0) throw new AnnotationError(problems.map((p) => `${annotationPath}: ${p}`));
  return { annotation, text, path: annotationPath };
}
