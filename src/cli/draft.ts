/**
 * `npm run draft -- <article.txt>... --published YYYY-MM-DD [--source KEY] [--url URL] [--out FOLDER] [--print] [--force] [--resolve]`
 *
 * `--resolve` compares the proposed persons, organizations and events with the graph of the
 * configured database (DATABASE_URL or DATA_DIR, read only), through the resolution ingestion
 * uses: matches become `resolve` hints, ambiguities flags.
 * Drafts a `kg-annotation/1` file for each text: `annotations.json` next to an `article.txt`
 * (`<name>.annotations.json` next to any other `<name>.txt`), or `<FOLDER>/<article key>/`
 * with a copy of the text, plus a review report (`draft-review.md`, or `<name>.review.md`).
 * `--print` writes the document to standard output instead (one text only). Without
 * `--published`, a date YYYY-MM-DD in the text's path is used. A file that exists and is not
 * an unedited draft is never overwritten without `--force`: it may hold a curator's work.
 * One progress line per text goes to standard error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DraftInputError, draftArticle } from '../draft/draft.js';
import {
  type DocumentResolver,
  type Draft,
  draftArticleResolved,
  isUneditedDraft,
  reviewMarkdown,
} from '../draft/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    published: { type: 'string' },
    source: { type: 'string' },
    url: { type: 'string' },
    out: { type: 'string' },
    print: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    resolve: { type: 'boolean', default: false },
  },
});

if (positionals.length === 0) {
  console.error(
    'usage: npm run draft -- <article.txt>... --published YYYY-MM-DD [--source KEY] [--url URL] [--out FOLDER] [--print] [--resolve]',
  );
  process.exit(2);
}
if (values.print && positionals.length > 1) {
  console.error('--print takes one text');
  process.exit(2);
}

interface Target {
  annotations: string;
  review: string;
  /** The text's file name as the annotation names it, relative to the annotation file. */
  file: string;
  /** Where the text must be copied to, with --out. */
  copyTo: string | null;
}

function targetFor(textPath: string, key: string | null): Target {
  const name = basename(textPath);
  if (values.out) {
    const folder = join(values.out, key ?? name.replace(/\.txt$/, ''));
    return {
      annotations: join(folder, 'annotations.json'),
      review: join(folder, 'draft-review.md'),
      file: 'article.txt',
      copyTo: join(folder, 'article.txt'),
    };
  }
  const folder = dirname(textPath);
  if (name === 'article.txt')
    return {
      annotations: join(folder, 'annotations.json'),
      review: join(folder, 'draft-review.md'),
      file: name,
      copyTo: null,
    };
  const stem = name.replace(/\.txt$/, '');
  return {
    annotations: join(folder, `${stem}.annotations.json`),
    review: join(folder, `${stem}.review.md`),
    file: name,
    copyTo: null,
  };
}

function publishedOn(textPath: string): string {
  const date = values.published ?? /\d{4}-\d{2}-\d{2}/.exec(textPath)?.[0];
  if (!date) throw new DraftInputError('no --published date, and none (YYYY-MM-DD) in the path');
  return date;
}

/** A file holding a curator's work, or anything but this tool's unedited output, is not replaced. */
function mayReplace(path: string): boolean {
  if (values.force || !existsSync(path)) return true;
  try {
    return isUneditedDraft(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
  } catch {
    return false;
  }
}

const summary = (d: Draft) => {
  const doc = d.document as Record<string, unknown[]>;
  const n = (k: string) => (doc[k] as unknown[]).length;
  return `${n('persons')} persons, ${n('organizations')} organizations, ${n('countries')} countries, ${n('statements')} statements, ${n('events')} events; ${d.review.flaggedCount} flagged`;
};

// The database is opened only when asked for: drafting alone needs none.
let resolver: DocumentResolver | undefined;
let closeDatabase: () => Promise<void> = async () => {};
if (values.resolve) {
  const db = await import('../db.js');
  const { graphResolver } = await import('../draft/graph-resolver.js');
  resolver = graphResolver(db.prisma);
  closeDatabase = db.closeDatabase;
}

let failed = 0;
const started = performance.now();
for (const [i, textPath] of positionals.entries()) {
  const at = `[${i + 1}/${positionals.length}] ${textPath}`;
  try {
    const text = await readFile(textPath, 'utf8');
    const t0 = performance.now();
    const first = targetFor(textPath, null);
    const input = {
      text,
      publishedOn: publishedOn(textPath),
      source: values.source ?? null,
      url: values.url ?? null,
      file: first.file,
    };
    const draft = resolver ? await draftArticleResolved(input, { resolver }) : draftArticle(input);
    const ms = (performance.now() - t0).toFixed(0);
    if (values.print) {
      process.stdout.write(`${JSON.stringify(draft.document, null, 2)}\n`);
      console.error(`${at}: ${summary(draft)} (${ms} ms)`);
      continue;
    }
    const key = (draft.document.article as { key: string }).key;
    const target = targetFor(textPath, key);
    if (!mayReplace(target.annotations))
      throw new Error(`${target.annotations} exists and is not an unedited draft: not replaced (--force replaces it)`);
    await mkdir(dirname(target.annotations), { recursive: true });
    if (target.copyTo) await copyFile(textPath, target.copyTo);
    await writeFile(target.annotations, `${JSON.stringify(draft.document, null, 2)}\n`);
    await writeFile(target.review, reviewMarkdown(draft.review, key));
    console.error(`${at}: ${summary(draft)} (${ms} ms) → ${relative('.', target.annotations)}`);
  } catch (error) {
    failed++;
    console.error(`${at}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (positionals.length > 1) {
  console.error(
    `${positionals.length - failed} of ${positionals.length} drafted in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
await closeDatabase();
process.exit(failed > 0 ? 1 : 0);
