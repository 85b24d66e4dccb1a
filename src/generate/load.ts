/**
 * Bulk loading of generated data: one transaction, user triggers off, multi-row INSERTs of
 * a few thousand rows each, counts recomputed with kg_refresh_counts() at the end, then
 * VACUUM ANALYZE so the planner sees the new sizes (and index-only scans work).
 *
 * The whole load is one transaction: a failure (or Ctrl-C) leaves the database as it was,
 * triggers included, since ALTER TABLE ... DISABLE TRIGGER is transactional too.
 */
import { type ColumnSpec, insertRows, type SqlDriver } from './driver.js';
import {
  type ArticleRows,
  ArticleStream,
  type CountryInfo,
  describeOptions,
  GENERATED_KEY_PREFIX,
  type GenerateOptions,
  type IdBases,
  parametersHash,
  World,
} from './world.js';

const int = (name: string): ColumnSpec => ({ name, type: 'int' });
const text = (name: string): ColumnSpec => ({ name, type: 'text' });
const typed = (name: string, type: string): ColumnSpec => ({ name, type });

export const COLUMNS = {
  Person: [int('id'), text('key'), text('name'), typed('aliases', 'text[]'), typed('nameKeys', 'text[]')],
  Organization: [
    int('id'),
    text('key'),
    text('name'),
    text('acronym'),
    typed('aliases', 'text[]'),
    typed('kind', '"OrganizationKind"'),
    int('parentId'),
    text('countryCode'),
    typed('nameKeys', 'text[]'),
  ],
  Article: [
    int('id'),
    text('key'),
    text('title'),
    text('body'),
    text('language'),
    text('dateline'),
    int('sourceId'),
    typed('publishedOn', 'date'),
    typed('publishedOnPrecision', '"DatePrecision"'),
    text('publishedOnBasis'),
    text('contentHash'),
    text('annotationHash'),
    typed('synthetic', 'boolean'),
  ],
  Event: [
    int('id'),
    text('key'),
    int('articleId'),
    text('title'),
    typed('kind', '"EventKind"'),
    typed('startDate', 'date'),
    typed('startPrecision', '"DatePrecision"'),
    text('startBasis'),
    typed('endDate', 'date'),
    typed('endPrecision', '"DatePrecision"'),
    text('endBasis'),
    text('countryCode'),
    text('location'),
    int('parentId'),
    int('evidenceStart'),
    int('evidenceEnd'),
    text('evidenceText'),
  ],
  EventReport: [
    int('eventId'),
    int('articleId'),
    text('localKey'),
    text('title'),
    typed('kind', '"EventKind"'),
    typed('startDate', 'date'),
    typed('startPrecision', '"DatePrecision"'),
    text('startBasis'),
    typed('endDate', 'date'),
    typed('endPrecision', '"DatePrecision"'),
    text('endBasis'),
    text('countryCode'),
    text('location'),
    int('parentId'),
    int('evidenceStart'),
    int('evidenceEnd'),
    text('evidenceText'),
  ],
  EventParticipant: [
    int('id'),
    int('eventId'),
    int('articleId'),
    typed('role', '"ParticipantRole"'),
    int('personId'),
    int('organizationId'),
    text('countryCode'),
  ],
  Statement: [
    int('id'),
    text('key'),
    int('articleId'),
    typed('kind', '"StatementKind"'),
    text('text'),
    int('start'),
    int('end'),
    int('attributionStart'),
    int('attributionEnd'),
    text('attributionText'),
    int('speakerPersonId'),
    int('speakerOrganizationId'),
    typed('saidOn', 'date'),
    typed('saidOnPrecision', '"DatePrecision"'),
    text('saidOnBasis'),
    int('occasionId'),
  ],
  _StatementAbout: [text('A'), int('B')],
  Mention: [
    int('id'),
    int('articleId'),
    int('start'),
    int('end'),
    text('text'),
    int('personId'),
    int('organizationId'),
    text('countryCode'),
  ],
  Role: [
    int('id'),
    int('personId'),
    text('title'),
    text('countryCode'),
    int('articleId'),
    int('evidenceStart'),
    int('evidenceEnd'),
    text('evidenceText'),
  ],
  Resolution: [
    int('articleId'),
    typed('kind', '"EntityKind"'),
    text('localKey'),
    typed('description', 'jsonb'),
    typed('rule', '"ResolutionRule"'),
    typed('score', 'float8'),
    text('reason'),
    int('personId'),
    int('organizationId'),
    text('countryCode'),
    int('eventId'),
  ],
} satisfies Record<string, ColumnSpec[]>;

/** Tables the generator writes, in insert order (referenced tables first). */
export const GENERATED_TABLES = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
/** Tables with a serial id whose sequence must follow the explicit ids (the others let the database number them). */
const SERIAL_TABLES = GENERATED_TABLES.filter((t) => !['_StatementAbout', 'EventReport', 'Resolution'].includes(t));

export interface Progress {
  phase: string;
  statements: number;
  totalStatements: number;
  rows: number;
  elapsedMs: number;
}

export interface GenerateReport {
  status: 'generated' | 'unchanged' | 'cleared';
  options: GenerateOptions;
  rows: Record<string, number>;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
  removed?: number;
}

export class GeneratorError extends Error {
  override name = 'GeneratorError';
}

const isGenerated = (column = 'key') => `starts_with(${column}, '${GENERATED_KEY_PREFIX}')`;

/** What is already generated in the database: the article count and the parameter hashes. */
export async function existingGeneration(
  driver: SqlDriver,
): Promise<{ articles: number; hashes: string[]; basis: string | null }> {
  const rows = await driver.query<{ n: number; hashes: string[] | null; basis: string | null }>(
    `SELECT count(*)::int AS n, array_agg(DISTINCT "annotationHash") AS hashes, min("publishedOnBasis") AS basis
       FROM "Article" WHERE ${isGenerated()}`,
  );
  const row = rows[0] ?? { n: 0, hashes: null, basis: null };
  return { articles: row.n, hashes: row.hashes ?? [], basis: row.basis };
}

async function countries(driver: SqlDriver, capitals: ReadonlyMap<string, string | null>): Promise<CountryInfo[]> {
  const rows = await driver.query<{ code: string; name: string }>('SELECT code, name FROM "Country" ORDER BY code');
  return rows.map((r) => ({ code: r.code, name: r.name, capital: capitals.get(r.code) ?? null }));
}

async function idBases(driver: SqlDriver): Promise<IdBases> {
  const max = async (table: string) =>
    (await driver.query<{ m: number }>(`SELECT coalesce(max(id), 0)::int AS m FROM "${table}"`))[0]?.m ?? 0;
  return {
    person: await max('Person'),
    organization: await max('Organization'),
    article: await max('Article'),
    statement: await max('Statement'),
    event: await max('Event'),
    participant: await max('EventParticipant'),
    mention: await max('Mention'),
    role: await max('Role'),
  };
}

/**
 * Deletes every generated row (keys starting with "gen-" and everything of those articles),
 * bottom-up in set-based statements rather than through row-by-row ON DELETE CASCADE.
 * Runs inside the caller's transaction, with user triggers off. Returns the articles removed.
 */
async function clearGenerated(driver: SqlDriver): Promise<number> {
  await driver.exec(`
    CREATE TEMP TABLE kg_gen_articles ON COMMIT DROP AS SELECT id FROM "Article" WHERE ${isGenerated()};
    CREATE TEMP TABLE kg_gen_statements ON COMMIT DROP AS
      SELECT s.id FROM "Statement" s JOIN kg_gen_articles a ON a.id = s."articleId";
    CREATE TEMP TABLE kg_gen_events ON COMMIT DROP AS
      SELECT e.id FROM "Event" e JOIN kg_gen_articles a ON a.id = e."articleId";
    DELETE FROM "Resolution" r USING kg_gen_articles a WHERE r."articleId" = a.id;
    DELETE FROM "EventRelation" r USING kg_gen_articles a WHERE r."articleId" = a.id;
    DELETE FROM "EventReport" r USING kg_gen_articles a WHERE r."articleId" = a.id;
    DELETE FROM "Mention" m USING kg_gen_articles a WHERE m."articleId" = a.id;
    DELETE FROM "_StatementAbout" x USING kg_gen_statements s WHERE x."B" = s.id;
    DELETE FROM "EventParticipant" p USING kg_gen_events e WHERE p."eventId" = e.id;
    DELETE FROM "Role" r USING kg_gen_articles a WHERE r."articleId" = a.id;
    DELETE FROM "Statement" s USING kg_gen_statements g WHERE s.id = g.id;
    DELETE FROM "Event" e USING kg_gen_events g WHERE e.id = g.id;
    DELETE FROM "Article" x USING kg_gen_articles a WHERE x.id = a.id;
    DELETE FROM "Person" WHERE ${isGenerated()};
    DELETE FROM "Organization" WHERE ${isGenerated()};
  `);
  const removed = await driver.query<{ n: number }>('SELECT count(*)::int AS n FROM kg_gen_articles');
  return removed[0]?.n ?? 0;
}

interface SecondaryIndex {
  name: string;
  table: string;
  definition: string;
}

/**
 * The secondary indexes of the tables the generator writes: neither primary keys nor unique
 * (those check the data as it goes in and back the foreign keys) nor owned by a constraint.
 */
async function secondaryIndexes(driver: SqlDriver): Promise<SecondaryIndex[]> {
  return driver.query<SecondaryIndex>(
    `SELECT quote_ident(ic.relname::text) AS name, tc.relname::text AS "table", pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class tc ON tc.oid = i.indrelid
      WHERE tc.relnamespace = current_schema()::regnamespace AND tc.relname::text = ANY($1::text[])
        AND NOT i.indisprimary AND NOT i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY tc.relname, ic.relname`,
    [GENERATED_TABLES],
  );
}

type Batch = { [T in keyof typeof COLUMNS]: object[] };
const emptyBatch = (): Batch => Object.fromEntries(GENERATED_TABLES.map((t) => [t, []])) as unknown as Batch;

function addArticle(batch: Batch, rows: ArticleRows) {
  batch.Article.push(rows.article);
  batch.Event.push(...rows.events);
  batch.EventReport.push(...rows.reports);
  batch.EventParticipant.push(...rows.participants);
  batch.Statement.push(...rows.statements);
  batch._StatementAbout.push(...rows.about);
  batch.Mention.push(...rows.mentions);
  batch.Role.push(...rows.roles);
  batch.Resolution.push(...rows.resolutions);
}

async function insertBatch(driver: SqlDriver, batch: Batch, tableMs: Record<string, number>): Promise<number> {
  let rows = 0;
  for (const table of GENERATED_TABLES) {
    // Mentions are the most numerous rows; several statements keep each under ~20k rows.
    const all = batch[table];
    const started = performance.now();
    for (let i = 0; i < all.length; i += 20_000) {
      await insertRows(driver, table, COLUMNS[table], all.slice(i, i + 20_000));
    }
    tableMs[table] = (tableMs[table] ?? 0) + (performance.now() - started);
    rows += all.length;
  }
  return rows;
}

export interface GenerateRunOptions {
  /** Remove previously generated data first (otherwise a different generation is refused). */
  reset?: boolean;
  /** Statements per batch (about 20 per article); bigger batches are fewer, larger INSERTs. */
  batchStatements?: number;
  /** Country capitals by alpha-2 code, for datelines and event locations. */
  capitals: ReadonlyMap<string, string | null>;
  /**
   * Secondary indexes during the load: "rebuild" drops them inside the load's transaction and
   * builds them again at the end (a sorted build is much faster than a million inserts into a
   * GIN index); "keep" maintains them row by row; "auto" (default) rebuilds when the load at
   * least doubles the Statement table.
   */
  indexes?: 'auto' | 'rebuild' | 'keep';
  /** Skip VACUUM ANALYZE at the end (ANALYZE still runs). */
  skipVacuum?: boolean;
  onProgress?: (progress: Progress) => void;
  log?: (line: string) => void;
}

/**
 * Generates `options` into the database behind `driver`. Idempotent: the same options again
 * are a no-op ("unchanged"); other options are refused unless `reset` is set.
 */
export async function generateData(
  driver: SqlDriver,
  options: GenerateOptions,
  run: GenerateRunOptions,
): Promise<GenerateReport> {
  const log = run.log ?? (() => {});
  const timings: Record<string, number> = {};
  const started = performance.now();
  let phaseStarted = started;
  const phase = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - phaseStarted);
    phaseStarted = now;
  };
  const hash = parametersHash(options);

  const existing = await existingGeneration(driver);
  if (existing.articles > 0 && !run.reset) {
    if (existing.hashes.length === 1 && existing.hashes[0] === hash && existing.articles === options.articles) {
      return { status: 'unchanged', options, rows: {}, timings };
    }
    throw new GeneratorError(
      `the database already holds generated data with other parameters (${existing.articles} articles; ` +
        `${existing.basis ?? 'unknown parameters'}): run with --reset to replace it`,
    );
  }

  const countryList = await countries(driver, run.capitals);
  if (options.statements > 0 && countryList.length === 0) {
    throw new GeneratorError('the database has no countries: seed it first (npm run seed)');
  }

  const rows: Record<string, number> = Object.fromEntries(GENERATED_TABLES.map((t) => [t, 0]));
  await driver.exec('BEGIN');
  try {
    // Triggers off for the load: the count columns are recomputed once at the end.
    // Foreign keys and CHECK constraints stay on: the generated rows are checked like any other.
    await driver.exec(GENERATED_TABLES.map((t) => `ALTER TABLE "${t}" DISABLE TRIGGER USER`).join(';\n'));
    let removed = 0;
    if (run.reset && existing.articles > 0) {
      removed = await clearGenerated(driver);
      log(`removed the previous generated data (${removed} articles)`);
      phase('reset');
    }

    let dropped: SecondaryIndex[] = [];
    if (options.statements > 0) {
      const [{ n: existingStatements } = { n: 0 }] = await driver.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM "Statement"',
      );
      const mode = run.indexes ?? 'auto';
      if (mode === 'rebuild' || (mode === 'auto' && options.statements >= existingStatements)) {
        dropped = await secondaryIndexes(driver);
        await driver.exec(dropped.map((i) => `DROP INDEX ${i.name}`).join(';\n'));
        log(`dropped ${dropped.length} secondary indexes for the load (rebuilt before commit)`);
      }
    }

    if (options.statements > 0) {
      const ids = await idBases(driver);
      const world = new World(options, countryList, ids);
      log(`generating ${describeOptions(options)} (ids after ${JSON.stringify(ids)})`);
      await insertRows(
        driver,
        'Organization',
        COLUMNS.Organization,
        world.organizations.map((o) => o.row),
      );
      await insertRows(
        driver,
        'Person',
        COLUMNS.Person,
        world.persons.map((p) => p.row),
      );
      rows.Organization = world.organizations.length;
      rows.Person = world.persons.length;
      phase('cast');

      const stream = new ArticleStream(world);
      const batchStatements = run.batchStatements ?? 10_000;
      let statements = 0;
      let totalRows = rows.Organization + rows.Person;
      const loadStarted = performance.now();
      const tableMs: Record<string, number> = {};
      // Building batch k+1 in JavaScript overlaps with the database inserting batch k.
      let inflight: Promise<void> | undefined;
      for (;;) {
        const batch = emptyBatch();
        while (batch.Statement.length < batchStatements) {
          const article = stream.nextArticle();
          if (!article) break;
          addArticle(batch, article);
        }
        if (batch.Article.length === 0) break;
        await inflight;
        const batchRows = GENERATED_TABLES.reduce((n, t) => n + batch[t].length, 0);
        for (const t of GENERATED_TABLES) rows[t] = (rows[t] ?? 0) + batch[t].length;
        const batchStatementCount = batch.Statement.length;
        inflight = insertBatch(driver, batch, tableMs).then(() => {
          statements += batchStatementCount;
          totalRows += batchRows;
          run.onProgress?.({
            phase: 'load',
            statements,
            totalStatements: options.statements,
            rows: totalRows,
            elapsedMs: performance.now() - loadStarted,
          });
        });
        // An insert failing while the next batch is built must not go unhandled meanwhile.
        inflight.catch(() => {});
      }
      await inflight;
      phase('load');
      log(
        `insert time by table: ${Object.entries(tableMs)
          .map(([t, ms]) => `${t} ${(ms / 1000).toFixed(1)}s`)
          .join(', ')}`,
      );

      // Sequences continue after the explicit ids.
      await driver.exec(
        SERIAL_TABLES.map(
          (t) =>
            `SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM "${t}"), false)`,
        ).join(';\n'),
      );
    }

    if (dropped.length > 0) {
      // More memory makes sorted builds (and GIN builds) faster; PostgreSQL builds btrees in
      // parallel where it can.
      await driver.exec(`SET LOCAL maintenance_work_mem = '${driver.kind === 'pglite' ? '64MB' : '512MB'}'`);
      for (const index of dropped) await driver.exec(index.definition);
      phase('indexes');
    }
    await driver.exec(GENERATED_TABLES.map((t) => `ALTER TABLE "${t}" ENABLE TRIGGER USER`).join(';\n'));
    await driver.query('SELECT kg_refresh_counts()');
    phase('counts');
    await driver.exec('COMMIT');
    phase('commit');
    if (options.statements === 0) return { status: 'cleared', options, rows, timings, removed };
  } catch (error) {
    await driver.exec('ROLLBACK').catch(() => {});
    throw error;
  }

  // Outside the transaction: VACUUM cannot run inside one.
  const tables = [...GENERATED_TABLES, 'Country'].map((t) => `"${t}"`).join(', ');
  await driver.exec(run.skipVacuum ? `ANALYZE ${tables}` : `VACUUM (ANALYZE) ${tables}`);
  phase(run.skipVacuum ? 'analyze' : 'vacuum analyze');
  timings.total = Math.round(performance.now() - started);
  return { status: 'generated', options, rows, timings };
}
