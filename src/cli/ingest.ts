/**
 * `npm run ingest -- <folder-or-file> [...more] [options]`: ingests annotated articles
 * (`article.txt` + `annotations.json` folders, as in seed/articles) through the same path as
 * the `ingestArticle` mutation, one transaction per article, with a progress line per article
 * and a summary. Exits 1 if any article was rejected, 2 on bad arguments.
 *
 *   --force          rewrite articles even when unchanged
 *   --accept-draft   accept drafted annotations nobody edited (recorded as reviewed by --as)
 *   --as NAME        who ingests, recorded on the articles (default "cli")
 *   --api URL        send to a running service's GraphQL endpoint instead of opening the
 *                    database (key in KG_API_KEY); needed while `npm start` holds ./data
 *   --json           print the summary as JSON (progress lines go to stderr)
 */
import { parseArgs } from 'node:util';
import { articleLabel, findAnnotationFiles, readIngestInput } from '../ingest/folder.js';
import { describeError, describeFacts, describeOutcome } from '../ingest/report.js';

const USAGE =
  'usage: npm run ingest -- <folder-or-file> [...more] [--force] [--accept-draft] [--as NAME] [--api URL] [--json]';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      force: { type: 'boolean', default: false },
      'accept-draft': { type: 'boolean', default: false },
      as: { type: 'string', default: 'cli' },
      api: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  console.error(`error: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length === 0) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}

const { force, json } = args.values;
const acceptDraft = args.values['accept-draft'];
const progress = (line: string) => (json ? console.error(line) : console.log(line));

let paths: string[];
try {
  paths = await findAnnotationFiles(args.positionals);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(2);
}

type Counts = Record<'persons' | 'organizations' | 'events' | 'countries', { created: number; resolved: number }>;
const totals = { created: 0, replaced: 0, unchanged: 0, rejected: 0 };
const entities: Counts = {
  persons: { created: 0, resolved: 0 },
  organizations: { created: 0, resolved: 0 },
  events: { created: 0, resolved: 0 },
  countries: { created: 0, resolved: 0 },
};
const rejected: { article: string; reason: string }[] = [];
const started = performance.now();

/** One ingestion, locally or through the API: a status and the entity counts, or a rejection. */
type Ingest = (
  path: string,
) => Promise<{ status: 'CREATED' | 'REPLACED' | 'UNCHANGED'; entities: Counts; line: string }>;

async function localIngest(): Promise<{ ingest: Ingest; close: () => Promise<void> }> {
  const { closeDatabase, prisma } = await import('../db.js');
  const { ingestArticle } = await import('../ingest/index.js');
  const { loadCountries } = await import('../seed/countries.js');
  await loadCountries(prisma);
  return {
    ingest: async (path) => {
      const outcome = await ingestArticle(
        prisma,
        { ...(await readIngestInput(path)), acceptDraft },
        { actor: args.values.as ?? 'cli', force },
      );
      return { status: outcome.status, entities: outcome.entities, line: describeOutcome(outcome) };
    },
    close: closeDatabase,
  };
}

async function remoteIngest(url: string): Promise<{ ingest: Ingest; close: () => Promise<void> }> {
  const { ingestRemotely, RemoteIngestError } = await import('../ingest/remote.js');
  return {
    ingest: async (path) => {
      try {
        const outcome = await ingestRemotely(url, process.env.KG_API_KEY, {
          ...(await readIngestInput(path)),
          acceptDraft,
          force,
        });
        const line =
          outcome.status === 'UNCHANGED'
            ? 'unchanged'
            : `${outcome.status.toLowerCase()}: ${describeFacts(outcome.facts)}`;
        return { status: outcome.status, entities: outcome.entities, line };
      } catch (error) {
        if (error instanceof RemoteIngestError)
          throw new Error([error.message, ...error.details.map((d) => `    ${d}`)].join('\n'));
        throw error;
      }
    },
    close: async () => {},
  };
}

let door: Awaited<ReturnType<typeof localIngest>>;
try {
  door = args.values.api ? await remoteIngest(args.values.api) : await localIngest();
} catch (error) {
  console.error(`error: ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
}

for (const [i, path] of paths.entries()) {
  const label = articleLabel(path);
  const articleStarted = performance.now();
  const position = `[${i + 1}/${paths.length}]`;
  try {
    const result = await door.ingest(path);
    totals[result.status.toLowerCase() as 'created' | 'replaced' | 'unchanged']++;
    for (const kind of Object.keys(entities) as (keyof Counts)[]) {
      entities[kind].created += result.entities[kind].created;
      entities[kind].resolved += result.entities[kind].resolved;
    }
    progress(`${position} ${label}: ${result.line} (${Math.round(performance.now() - articleStarted)} ms)`);
  } catch (error) {
    totals.rejected++;
    const reason = describeError(error);
    rejected.push({ article: label, reason });
    progress(`${position} ${label}: rejected: ${reason}`);
  }
}
await door.close();

const seconds = (performance.now() - started) / 1000;
const rate = paths.length / Math.max(seconds, 0.001);
if (json) {
  console.log(
    JSON.stringify(
      { articles: paths.length, ...totals, entities, rejections: rejected, seconds, articlesPerSecond: rate },
      null,
      2,
    ),
  );
} else {
  const e = (k: keyof Counts) => `${k} ${entities[k].resolved} resolved, ${entities[k].created} new`;
  console.log(
    `summary: ${paths.length} articles: ${totals.created} created, ${totals.replaced} replaced, ${totals.unchanged} unchanged, ${totals.rejected} rejected; ` +
      `${e('persons')}; ${e('organizations')}; ${e('events')}; ${e('countries')}; ${seconds.toFixed(1)} s (${rate.toFixed(1)} articles/s)`,
  );
}
process.exit(totals.rejected > 0 ? 1 : 0);
