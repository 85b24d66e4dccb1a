/**
 * The curated seed: the annotation files are exact, the seeded database keeps that exactness,
 * re-seeding is idempotent, loading works on an empty database, and bad input is rejected
 * without writing anything. Runs on both storages (vitest projects `pglite` and `postgres`).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
// Static imports of src/ are safe here: vitest runs the per-file setup (which points the
// configuration at this file's own database) before it imports this module.
import type { annotationSchema } from '../src/annotations/format.js';
import { type AnnotatedArticle, readAnnotatedArticle } from '../src/annotations/read.js';
import { AnnotationError } from '../src/annotations/validate.js';
import { prisma, storageKind } from '../src/db.js';
import { readIngestInput } from '../src/ingest/folder.js';
import { ingestArticle } from '../src/ingest/index.js';
import { seedDatabase } from '../src/seed/index.js';
import { seedAnnotationPaths } from '../src/seed/paths.js';
import { findDirectQuotations } from '../src/text/quotes.js';
import { freshEmptyDatabase, openPrismaClient } from './support/databases.js';
import { dumpDatabase, normalizedDump, rowCounts } from './support/dump.js';

interface SpanLike {
  start: number;
  end: number;
  text: string;
}

const isSpanLike = (value: unknown): value is SpanLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SpanLike).start === 'number' &&
  typeof (value as SpanLike).end === 'number' &&
  typeof (value as SpanLike).text === 'string';

/** Every object in `value` that has numeric start/end and a string text, with its JSON path. */
function collectSpans(value: unknown, path = '$'): { path: string; span: SpanLike }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectSpans(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const own = isSpanLike(value) ? [{ path, span: value }] : [];
  return [...own, ...Object.entries(value).flatMap(([key, child]) => collectSpans(child, `${path}.${key}`))];
}

/** An annotation file as written on disk (before zod fills in defaults). */
type AnnotationFile = z.input<typeof annotationSchema>;

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('the seed article has no item of this kind to edit');
  return item;
}

const annotationPaths = await seedAnnotationPaths();
const articles: AnnotatedArticle[] = [];

beforeAll(async () => {
  for (const path of annotationPaths) articles.push(await readAnnotatedArticle(path));
});

describe('seed annotation files', () => {
  it('exist', () => {
    expect(annotationPaths.length).toBeGreaterThan(0);
  });

  it.each(annotationPaths)('%s: every span equals its slice of the article text (independent walk)', async (path) => {
    // Deliberately not through the zod schema or findAnnotationProblems: raw JSON, raw text.
    const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
    const file = (raw as { article: { file: string; sha256: string } }).article;
    const text = await readFile(join(dirname(path), file.file), 'utf8');
    expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(file.sha256);

    const spans = collectSpans(raw);
    const wrong = spans
      .filter(({ span }) => text.slice(span.start, span.end) !== span.text || span.end > text.length)
      .map(
        ({ path: at, span }) =>
          `${at} [${span.start}, ${span.end}) is ${JSON.stringify(text.slice(span.start, span.end))}`,
      );
    expect(wrong).toEqual([]);
    // The walk really saw the annotation's spans, not an empty or renamed structure.
    expect(spans.map((s) => s.path)).toContain('$.article.title');
    expect(spans.length).toBeGreaterThan(50);
  });

  it('pass readAnnotatedArticle (schema, spans, references, quotes)', () => {
    expect(articles.map((a) => a.path)).toEqual(annotationPaths);
  });

  it('every direct quote lies inside a statement text or one of its restatements', () => {
    for (const { annotation, text, path } of articles) {
      const quotes = findDirectQuotations(text);
      expect(quotes.length, path).toBeGreaterThan(0);
      const covering = annotation.statements.flatMap((s) => [s.text, ...s.restatedIn]);
      const uncovered = quotes.filter((q) => !covering.some((span) => span.start <= q.start && q.end <= span.end));
      expect(uncovered, path).toEqual([]);
      for (const quote of quotes) {
        // The scanner itself: each quote is its text's slice, framed by quotation marks.
        expect(text.slice(quote.start, quote.end)).toBe(quote.text);
        expect(text.slice(quote.open, quote.close)).toBe(`${quote.marks[0]}${quote.text}${quote.marks[1]}`);
      }
    }
  });
});

describe('the seeded database', () => {
  it('is the storage this project tests', () => {
    expect(storageKind).toBe(process.env.TEST_STORAGE);
  });

  it('holds every annotated article with all its statements and events', async () => {
    for (const { annotation } of articles) {
      const article = await prisma.article.findUniqueOrThrow({
        where: { key: annotation.article.key },
        include: { _count: { select: { statements: true, events: true } } },
      });
      expect(article._count).toEqual({ statements: annotation.statements.length, events: annotation.events.length });
    }
  });

  interface StoredSpan {
    id: number | string;
    body: string;
    start: number | null;
    end: number | null;
    text: string | null;
  }

  /** Each evidence column group, read back with the body of the article it points into. */
  const evidence: [string, () => Promise<StoredSpan[]>][] = [
    [
      'Statement.text',
      async () =>
        (await prisma.statement.findMany({ include: { article: { select: { body: true } } } })).map((s) => ({
          id: s.key,
          body: s.article.body,
          start: s.start,
          end: s.end,
          text: s.text,
        })),
    ],
    [
      'Statement.attribution',
      async () =>
        (await prisma.statement.findMany({ include: { article: { select: { body: true } } } }))
          .filter((s) => s.attributionStart !== null || s.attributionEnd !== null || s.attributionText !== null)
          .map((s) => ({
            id: s.key,
            body: s.article.body,
            start: s.attributionStart,
            end: s.attributionEnd,
            text: s.attributionText,
          })),
    ],
    [
      'Event.evidence',
      async () =>
        (await prisma.event.findMany({ include: { article: { select: { body: true } } } })).map((e) => ({
          id: e.key,
          body: e.article.body,
          start: e.evidenceStart,
          end: e.evidenceEnd,
          text: e.evidenceText,
        })),
    ],
    [
      'Role.evidence',
      async () =>
        (await prisma.role.findMany({ include: { article: { select: { body: true } } } })).map((r) => ({
          id: r.id,
          body: r.article.body,
          start: r.evidenceStart,
          end: r.evidenceEnd,
          text: r.evidenceText,
        })),
    ],
    [
      'Mention',
      async () =>
        (await prisma.mention.findMany({ include: { article: { select: { body: true } } } })).map((m) => ({
          id: m.id,
          body: m.article.body,
          start: m.start,
          end: m.end,
          text: m.text,
        })),
    ],
    [
      'Organization.leadCountryEvidence',
      async () => {
        const organizations = await prisma.organization.findMany({
          include: { leadCountryArticle: { select: { body: true } } },
        });
        // Evidence columns without their article would be unverifiable: none may exist.
        const orphaned = organizations.filter((o) => !o.leadCountryArticle && o.leadCountryEvidenceText !== null);
        expect(orphaned.map((o) => o.key)).toEqual([]);
        return organizations.flatMap((o) =>
          o.leadCountryArticle
            ? [
                {
                  id: o.key,
                  body: o.leadCountryArticle.body,
                  start: o.leadCountryEvidenceStart,
                  end: o.leadCountryEvidenceEnd,
                  text: o.leadCountryEvidenceText,
                },
              ]
            : [],
        );
      },
    ],
  ];

  it.each(evidence)('%s equals Article.body.slice(start, end) in every row', async (_name, load) => {
    const rows = await load();
    expect(rows.length).toBeGreaterThan(0);
    const wrong = rows
      .filter((r) => r.start === null || r.end === null || r.text === null || r.body.slice(r.start, r.end) !== r.text)
      .map((r) => ({
        id: r.id,
        start: r.start,
        end: r.end,
        stored: r.text,
        body: r.body.slice(r.start ?? 0, r.end ?? 0),
      }));
    expect(wrong).toEqual([]);
  });

  it('has all 249 ISO 3166-1 countries with unique alpha-3 codes', async () => {
    const countries = await prisma.country.findMany({ select: { code: true, alpha3: true } });
    expect(countries).toHaveLength(249);
    expect(new Set(countries.map((c) => c.alpha3)).size).toBe(249);
    for (const c of countries) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
    }
    const alpha3 = Object.fromEntries(countries.map((c) => [c.code, c.alpha3]));
    expect(alpha3.UZ).toBe('UZB');
    expect(alpha3.KZ).toBe('KAZ');
  });
});

describe('re-seeding', () => {
  it('changes nothing when the annotations are unchanged', async () => {
    const before = await dumpDatabase(prisma);
    const results = await seedDatabase(prisma);
    expect(results.map((r) => r.status)).toEqual(annotationPaths.map(() => 'UNCHANGED'));
    expect(await dumpDatabase(prisma)).toEqual(before);
  });

  it('with force, replaces the articles’ rows with the same content', async () => {
    const before = await dumpDatabase(prisma);
    const beforeContent = await normalizedDump(prisma);
    const results = await seedDatabase(prisma, { force: true });
    expect(results.map((r) => r.status)).toEqual(annotationPaths.map(() => 'REPLACED'));

    // Really replaced: the article row is updated in place, its facts are new rows...
    const after = await dumpDatabase(prisma);
    expect(after.Article?.map((row) => row.id)).toEqual(before.Article?.map((row) => row.id));
    for (const table of ['Statement', 'Role', 'Mention', 'EventReport', 'Resolution']) {
      const oldIds = new Set(before[table]?.map((row) => row.id));
      expect(after[table]?.length).toBe(before[table]?.length);
      expect(after[table]?.filter((row) => oldIds.has(row.id))).toEqual([]);
    }
    // ...holding exactly what was there, generated ids and timestamps aside.
    expect(await normalizedDump(prisma)).toEqual(beforeContent);
  });
});

describe('loading into an empty migrated database', () => {
  it('loads the same graph as the seed CLI did', async () => {
    const empty = await freshEmptyDatabase();
    const client = await openPrismaClient(empty.env);
    try {
      const counts = rowCounts(await dumpDatabase(client.prisma));
      expect(Object.keys(counts)).toContain('Statement');
      expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((table) => [table, 0])));
      const results = await seedDatabase(client.prisma);
      expect(results.map((r) => r.status)).toEqual(annotationPaths.map(() => 'CREATED'));
      // This file's database was seeded by the CLI in the global setup.
      expect(await normalizedDump(client.prisma)).toEqual(await normalizedDump(prisma));
    } finally {
      await client.close();
      await empty.cleanup();
    }
  });
});

describe('bad input', () => {
  let workDir: string;
  const source = annotationPaths[0] as string;

  /** A copy of the first seed article (annotation + text) in a temporary folder, edited. */
  async function editedCopy(edit: (annotation: AnnotationFile) => void): Promise<string> {
    const annotation = JSON.parse(await readFile(source, 'utf8')) as AnnotationFile;
    const dir = await mkdtemp(join(workDir, 'article-'));
    await copyFile(
      join(dirname(source), annotation.article.file ?? 'article.txt'),
      join(dir, annotation.article.file ?? 'article.txt'),
    );
    edit(annotation);
    const path = join(dir, 'annotations.json');
    await writeFile(path, JSON.stringify(annotation, null, 2));
    return path;
  }

  /** Reading and ingesting, as the seed does it. */
  const readAndLoad = async (path: string) => {
    await readAnnotatedArticle(path);
    return ingestArticle(prisma, await readIngestInput(path), { actor: 'test' });
  };

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'kg-seed-test-'));
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('rejects an annotation with one altered span, naming it, and writes nothing', async () => {
    let statementKey = '';
    let altered = '';
    const path = await editedCopy((annotation) => {
      const statement = first(annotation.statements);
      statementKey = statement.key;
      // Same length, so the zod schema (text length = end - start) accepts it and the
      // span-against-text check has to catch it.
      const original: string = statement.text.text;
      altered = `${original[0] === 'X' ? 'Y' : 'X'}${original.slice(1)}`;
      statement.text.text = altered;
      // A new article key: if this were loaded, it would add rows rather than replace them.
      annotation.article.key = `${annotation.article.key}-corrupted`;
    });

    const before = await dumpDatabase(prisma);
    const error = await readAndLoad(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AnnotationError);
    const { problems, message } = error as AnnotationError;
    expect(problems).toHaveLength(1);
    expect(message).toContain(`$.statements[0].text`);
    expect(statementKey).not.toBe('');
    expect(message).toContain(JSON.stringify(altered));
    expect(rowCounts(await dumpDatabase(prisma))).toEqual(rowCounts(before));
    expect(await dumpDatabase(prisma)).toEqual(before);
  });

  it('rolls back everything when loading fails inside the transaction', async () => {
    // The database itself refuses the last writes of one article (a trigger on Resolution,
    // written after every other row), so the failure comes after persons, organizations,
    // events, statements and mentions have been written in the transaction.
    const key = 'rollback-probe';
    await prisma.$executeRawUnsafe(`CREATE FUNCTION kg_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."articleId" = (SELECT id FROM "Article" WHERE key = '${key}') THEN
          RAISE EXCEPTION 'refused by the rollback test';
        END IF;
        RETURN NEW;
      END $$`);
    await prisma.$executeRawUnsafe(
      'CREATE TRIGGER kg_test_refuse BEFORE INSERT ON "Resolution" FOR EACH ROW EXECUTE FUNCTION kg_test_refuse()',
    );
    try {
      const input = await readIngestInput(source);
      // Another text (one more line at the end: every span still holds) under another key.
      const text = `${input.text}\n`;
      const annotations = JSON.parse(JSON.stringify(input.annotations)) as AnnotationFile;
      annotations.article.key = key;
      annotations.article.sha256 = createHash('sha256').update(text).digest('hex');
      first(annotations.persons).aliases = ['An alias only this test adds'];
      const before = await dumpDatabase(prisma);
      await expect(ingestArticle(prisma, { text, annotations }, { actor: 'test' })).rejects.toThrow(
        /refused by the rollback test/,
      );
      expect(await dumpDatabase(prisma)).toEqual(before);
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER kg_test_refuse ON "Resolution"');
      await prisma.$executeRawUnsafe('DROP FUNCTION kg_test_refuse()');
    }
  });
});
