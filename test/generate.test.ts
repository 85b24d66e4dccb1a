/**
 * The data generator (`npm run generate-data`), run as a developer runs it (a child process)
 * into this file's own database on both storages: the sizes asked for, every evidence span the
 * exact slice of its article body (checked in JavaScript, the contract's own terms), count
 * columns equal to the real counts, determinism (same seed, same rows), idempotency and reset.
 *
 * The file never opens the database through src/db.ts: PGlite allows one process per data
 * directory, so the CLI runs while no client is open here, and the checks use a client that
 * is closed again before the next run.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { openPrismaClient } from './support/databases.js';
import { normalizedDump } from './support/dump.js';
import { projectRoot } from './support/shared.js';

const execFileAsync = promisify(execFile);
const tsx = join(projectRoot, 'node_modules/.bin/tsx');

const env = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR as string };

/** Runs the CLI against this file's database; resolves with its exit code and output. */
async function generate(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(tsx, ['src/cli/generate-data.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: 'test' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** Opens a client on this file's database, runs `fn`, closes it (so the CLI can run next). */
async function withClient<T>(fn: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const { prisma, close } = await openPrismaClient(env);
  try {
    return await fn(prisma);
  } finally {
    await close();
  }
}

const sql = <T>(prisma: PrismaClient, query: string) => prisma.$queryRawUnsafe<T[]>(query);
const GEN = `starts_with(key, 'gen-')`;

/** The whole database with ids replaced by natural keys, hashed: equal iff same content. */
async function contentHash(prisma: PrismaClient): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify(await normalizedDump(prisma)))
    .digest('hex');
}

/** Rows that are not generated: the curated seed, which the generator must never touch. */
async function seedRows(prisma: PrismaClient) {
  return sql<{ statements: number; articles: number; persons: number; organizations: number }>(
    prisma,
    `SELECT (SELECT count(*)::int FROM "Statement" WHERE NOT ${GEN}) AS statements,
            (SELECT count(*)::int FROM "Article" WHERE NOT ${GEN}) AS articles,
            (SELECT count(*)::int FROM "Person" WHERE NOT ${GEN}) AS persons,
            (SELECT count(*)::int FROM "Organization" WHERE NOT ${GEN}) AS organizations`,
  );
}

const STATEMENTS = 2000;
let first: { code: number; output: string };
let firstHash: string;
let seedBefore: Awaited<ReturnType<typeof seedRows>>;

beforeAll(async () => {
  seedBefore = await withClient(seedRows);
  first = await generate('--statements', String(STATEMENTS), '--seed', '7');
  if (first.code !== 0) throw new Error(`generate-data failed:\n${first.output}`);
  firstHash = await withClient(contentHash);
}, 120_000);

describe('generate-data', () => {
  it('prints progress with rows per second', () => {
    expect(first.output).toMatch(/2,000\/2,000 statements \(100\.0%\), [\d,]+ statements\/s, [\d,]+ rows\/s/);
    expect(first.output).toMatch(/generated: .*2,000 Statement/);
  });

  it('generates the sizes asked for, by the documented ratios', async () => {
    const [counts] = await withClient((prisma) =>
      sql<Record<string, number>>(
        prisma,
        `SELECT (SELECT count(*)::int FROM "Statement" WHERE ${GEN}) AS statements,
                (SELECT count(*)::int FROM "Article" WHERE ${GEN}) AS articles,
                (SELECT count(*)::int FROM "Event" WHERE ${GEN}) AS events,
                (SELECT count(*)::int FROM "Person" WHERE ${GEN}) AS persons,
                (SELECT count(*)::int FROM "Organization" WHERE ${GEN}) AS organizations,
                (SELECT count(DISTINCT "A")::int FROM "_StatementAbout" x JOIN "Statement" s ON s.id = x."B" WHERE ${GEN.replace('key', 's.key')}) AS countries`,
      ),
    );
    expect(counts).toEqual({
      statements: STATEMENTS,
      articles: STATEMENTS / 20,
      events: STATEMENTS / 4,
      persons: 20,
      organizations: 12,
      countries: expect.any(Number),
    });
    // Zipf skew over all ISO countries: many distinct countries even at 2k statements.
    expect(counts?.countries).toBeGreaterThan(100);
  });

  it('looks like news: both kinds, both speaker types, 1-3 countries, dates mostly DAY, some MONTH, occasions, parents, participants', async () => {
    const [facts] = await withClient((prisma) =>
      sql<Record<string, number>>(
        prisma,
        `SELECT count(*) FILTER (WHERE kind = 'QUOTE')::int AS quotes,
                count(*) FILTER (WHERE kind = 'PARAPHRASE')::int AS paraphrases,
                count(*) FILTER (WHERE "speakerPersonId" IS NOT NULL)::int AS by_person,
                count(*) FILTER (WHERE "speakerOrganizationId" IS NOT NULL)::int AS by_organization,
                count(*) FILTER (WHERE "saidOnPrecision" = 'DAY')::int AS day,
                count(*) FILTER (WHERE "saidOnPrecision" = 'MONTH')::int AS month,
                count(*) FILTER (WHERE "occasionId" IS NOT NULL)::int AS with_occasion,
                min((SELECT count(*) FROM "_StatementAbout" x WHERE x."B" = s.id))::int AS min_about,
                max((SELECT count(*) FROM "_StatementAbout" x WHERE x."B" = s.id))::int AS max_about,
                (SELECT count(*)::int FROM "Event" WHERE ${GEN} AND "parentId" IS NOT NULL) AS with_parent,
                (SELECT count(*)::int FROM "EventParticipant" p JOIN "Event" e ON e.id = p."eventId" WHERE ${GEN.replace('key', 'e.key')}) AS participants,
                (SELECT count(DISTINCT kind)::int FROM "Event" WHERE ${GEN}) AS event_kinds,
                (SELECT (max("publishedOn") - min("publishedOn"))::int FROM "Article" WHERE ${GEN}) AS days
           FROM "Statement" s WHERE ${GEN.replace('key', 's.key')}`,
      ),
    );
    const f = facts as Record<string, number>;
    expect(f.quotes).toBeGreaterThan(STATEMENTS * 0.3);
    expect(f.paraphrases).toBeGreaterThan(STATEMENTS * 0.3);
    expect(f.by_person).toBeGreaterThan(f.by_organization as number);
    expect(f.by_organization).toBeGreaterThan(0);
    expect(f.day).toBeGreaterThan(STATEMENTS * 0.6);
    expect(f.month).toBeGreaterThan(0);
    expect(f.with_occasion).toBeGreaterThan(0);
    expect([f.min_about, f.max_about]).toEqual([1, 3]);
    expect(f.with_parent).toBeGreaterThan(0);
    expect(f.participants).toBeGreaterThan(0);
    expect(f.event_kinds).toBe(10);
    expect(f.days).toBeGreaterThan(900);
  });

  it('gives every span the exact text of body.slice(start, end)', async () => {
    const { bodies, spans } = await withClient(async (prisma) => {
      const articles = await sql<{ id: number; body: string }>(prisma, `SELECT id, body FROM "Article" WHERE ${GEN}`);
      const of = (table: string, start: string, end: string, text: string) =>
        sql<{ kind: string; articleId: number; start: number; end: number; text: string }>(
          prisma,
          `SELECT '${table}.${text}' AS kind, x."articleId", x.${start} AS start, x.${end} AS "end", x.${text} AS text
             FROM "${table}" x JOIN "Article" a ON a.id = x."articleId"
            WHERE ${GEN.replace('key', 'a.key')} AND x.${start} IS NOT NULL`,
        );
      const all = [
        ...(await of('Statement', '"start"', '"end"', '"text"')),
        ...(await of('Statement', '"attributionStart"', '"attributionEnd"', '"attributionText"')),
        ...(await of('Event', '"evidenceStart"', '"evidenceEnd"', '"evidenceText"')),
        ...(await of('Mention', '"start"', '"end"', '"text"')),
        ...(await of('Role', '"evidenceStart"', '"evidenceEnd"', '"evidenceText"')),
      ];
      return { bodies: new Map(articles.map((a) => [a.id, a.body])), spans: all };
    });
    const kinds = new Map<string, number>();
    for (const s of spans) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    expect(kinds.get('Statement."text"')).toBe(STATEMENTS);
    expect(kinds.get('Statement."attributionText"')).toBe(STATEMENTS);
    expect(kinds.get('Event."evidenceText"')).toBe(STATEMENTS / 4);
    expect(kinds.get('Mention."text"')).toBeGreaterThan(STATEMENTS * 2);
    expect(kinds.get('Role."evidenceText"')).toBeGreaterThan(0);
    const wrong = spans
      .filter((s) => {
        const body = bodies.get(s.articleId) as string;
        return s.end > body.length || body.slice(s.start, s.end) !== s.text || s.text.length === 0;
      })
      .map((s) => `${s.kind} of article ${s.articleId} [${s.start}, ${s.end}) ${JSON.stringify(s.text)}`);
    expect(wrong).toEqual([]);
  });

  it('leaves every count column equal to the real count (triggers off during the load, recomputed after)', async () => {
    const [wrong] = await withClient((prisma) =>
      sql<Record<string, number>>(
        prisma,
        `SELECT (SELECT count(*)::int FROM "Person" p WHERE "statementCount" <> (SELECT count(*) FROM "Statement" s WHERE s."speakerPersonId" = p.id)) AS persons,
                (SELECT count(*)::int FROM "Organization" o WHERE "statementCount" <> (SELECT count(*) FROM "Statement" s WHERE s."speakerOrganizationId" = o.id)) AS organizations,
                (SELECT count(*)::int FROM "Country" c WHERE "statementCount" <> (SELECT count(*) FROM "_StatementAbout" x WHERE x."A" = c.code)) AS country_statements,
                (SELECT count(*)::int FROM "Country" c WHERE "eventCount" <> (SELECT count(*) FROM "Event" e WHERE e."countryCode" = c.code)) AS country_events,
                (SELECT max("statementCount")::int FROM "Person" WHERE ${GEN}) AS busiest_person,
                (SELECT count(*)::int FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                  WHERE NOT t.tgisinternal AND t.tgenabled = 'D') AS disabled_triggers`,
      ),
    );
    expect(wrong).toMatchObject({
      persons: 0,
      organizations: 0,
      country_statements: 0,
      country_events: 0,
      disabled_triggers: 0,
    });
    // Zipf-like skew: the busiest speaker says far more than the average (2000 / 20 persons).
    expect(wrong?.busiest_person).toBeGreaterThan(150);
  });

  it('keeps the sequences ahead of the explicit ids (the API can still insert)', async () => {
    await withClient(async (prisma) => {
      const article = await prisma.article.findFirstOrThrow({ where: { key: { startsWith: 'gen-' } } });
      const person = await prisma.person.create({
        data: { key: 'after-generate', name: 'After Generate', aliases: [] },
      });
      const max = await sql<{ m: number }>(prisma, `SELECT max(id)::int AS m FROM "Person" WHERE ${GEN}`);
      expect(person.id).toBeGreaterThan(max[0]?.m as number);
      await prisma.person.delete({ where: { id: person.id } });
      expect(article.annotationHash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  it('is idempotent: the same options again change nothing; other options are refused', async () => {
    const again = await generate('--statements', String(STATEMENTS), '--seed', '7');
    expect(again.code).toBe(0);
    expect(again.output).toContain('nothing to do');
    const other = await generate('--statements', '3000', '--seed', '7');
    expect(other.code).toBe(1);
    expect(other.output).toContain('run with --reset');
    expect(await withClient(contentHash)).toBe(firstHash);
  });

  it('is deterministic: --reset and the same seed give the same rows; the seed data stays', async () => {
    const reset = await generate('--statements', String(STATEMENTS), '--seed', '7', '--reset');
    expect(reset.code, reset.output).toBe(0);
    expect(reset.output).toContain('removed the previous generated data (100 articles)');
    const { hash, seed } = await withClient(async (prisma) => ({
      hash: await contentHash(prisma),
      seed: await seedRows(prisma),
    }));
    expect(hash).toBe(firstHash);
    expect(seed).toEqual(seedBefore);
  });

  it('gives another seed other data (checked on the generator itself: no database needed)', async () => {
    const { ArticleStream, World, resolveOptions } = await import('../src/generate/world.js');
    const countries = [
      { code: 'KZ', name: 'Kazakhstan', capital: 'Astana' },
      { code: 'UZ', name: 'Uzbekistan', capital: 'Tashkent' },
      { code: 'BY', name: 'Belarus', capital: 'Minsk' },
    ];
    const ids = { person: 0, organization: 0, article: 0, statement: 0, event: 0, participant: 0, mention: 0, role: 0 };
    const firstArticle = (seed: number) =>
      new ArticleStream(new World(resolveOptions({ statements: 200, seed }), countries, ids)).nextArticle()?.article
        .body;
    expect(firstArticle(7)).toBe(firstArticle(7));
    expect(firstArticle(8)).not.toBe(firstArticle(7));
  });

  it('removes everything it generated with --statements 0 --reset', async () => {
    const cleared = await generate('--statements', '0', '--reset');
    expect(cleared.code, cleared.output).toBe(0);
    const rows = await withClient((prisma) =>
      sql<{ n: number }>(
        prisma,
        `SELECT ((SELECT count(*) FROM "Article" WHERE ${GEN}) + (SELECT count(*) FROM "Statement" WHERE ${GEN})
               + (SELECT count(*) FROM "Person" WHERE ${GEN}) + (SELECT count(*) FROM "Organization" WHERE ${GEN})
               + (SELECT count(*) FROM "Event" WHERE ${GEN}))::int AS n`,
      ),
    );
    expect(rows[0]?.n).toBe(0);
  });
});
