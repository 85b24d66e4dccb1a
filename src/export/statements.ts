/**
 * Statements as CSV or NDJSON: the GraphQL `statements` connection, executed in-process page by
 * page (so the export takes exactly the API's `where` filter and validation) and streamed as
 * the pages arrive. The first page is read before the response starts, so a bad filter is a
 * 400 with the API's message rather than a broken download.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { stringify } from 'csv-stringify/sync';
import { config } from '../config.js';
import { ExportInputError, executeOperation } from './graphql.js';

/** Most rows one export returns; `limit` may ask for fewer. */
export const MAX_EXPORT_ROWS = 100_000;

const PAGE_QUERY = /* GraphQL */ `
  query ExportStatements($where: StatementFilter, $first: Int!, $after: String, $withTotal: Boolean!) {
    statements(where: $where, first: $first, after: $after) {
      totalCount @include(if: $withTotal)
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          kind
          text
          saidOn
          saidOnPrecision
          speaker {
            __typename
            ... on Person { id name }
            ... on Organization { id name }
          }
          about { code }
          occasion { title }
          article { id }
          evidence { start end }
          attribution { text }
        }
      }
    }
  }
`;

interface StatementNode {
  id: string;
  kind: string;
  text: string;
  saidOn: string | null;
  saidOnPrecision: string | null;
  speaker: { __typename: 'Person' | 'Organization'; id: string; name: string };
  about: { code: string }[];
  occasion: { title: string } | null;
  article: { id: string };
  evidence: { start: number; end: number };
  attribution: { text: string } | null;
}

interface Page {
  statements: {
    totalCount?: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: StatementNode }[];
  };
}

/** One exported row. CSV joins `about` with ";" and writes null as an empty field. */
export interface StatementRow {
  id: string;
  key: string;
  kind: string;
  text: string;
  speakerType: string;
  speakerKey: string;
  speakerName: string;
  about: string[];
  saidOn: string | null;
  saidOnPrecision: string | null;
  occasion: string | null;
  article: string;
  evidenceStart: number;
  evidenceEnd: number;
  attribution: string | null;
}

export const STATEMENT_COLUMNS: (keyof StatementRow)[] = [
  'id',
  'key',
  'kind',
  'text',
  'speakerType',
  'speakerKey',
  'speakerName',
  'about',
  'saidOn',
  'saidOnPrecision',
  'occasion',
  'article',
  'evidenceStart',
  'evidenceEnd',
  'attribution',
];

const keyOf = (globalId: string) => decodeGlobalID(globalId).id;

function toRow(node: StatementNode): StatementRow {
  return {
    id: node.id,
    key: keyOf(node.id),
    kind: node.kind,
    text: node.text,
    speakerType: node.speaker.__typename,
    speakerKey: keyOf(node.speaker.id),
    speakerName: node.speaker.name,
    about: node.about.map((c) => c.code),
    saidOn: node.saidOn,
    saidOnPrecision: node.saidOnPrecision,
    occasion: node.occasion?.title ?? null,
    article: keyOf(node.article.id),
    evidenceStart: node.evidence.start,
    evidenceEnd: node.evidence.end,
    attribution: node.attribution?.text ?? null,
  };
}

export type StatementFormat = 'csv' | 'ndjson';

export function formatStatements(rows: StatementRow[], format: StatementFormat, header: boolean): string {
  if (format === 'ndjson') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  return stringify(
    rows.map((row) => ({ ...row, about: row.about.join(';') })),
    { header, columns: STATEMENT_COLUMNS.map((key) => ({ key })) },
  );
}

export interface StatementExportParams {
  where: unknown;
  limit: number;
}

/** `where` (JSON of a StatementFilter) and `limit` from the query string; problems are ExportInputErrors. */
export function parseStatementParams(url: URL): StatementExportParams {
  let where: unknown = null;
  const rawWhere = url.searchParams.get('where');
  if (rawWhere !== null && rawWhere.trim() !== '') {
    try {
      where = JSON.parse(rawWhere);
    } catch (error) {
      throw new ExportInputError(
        `where must be the JSON of a StatementFilter, e.g. {"kind":"QUOTE"}: ${(error as Error).message}`,
      );
    }
    if (typeof where !== 'object' || Array.isArray(where)) {
      throw new ExportInputError(
        'where must be a JSON object (a StatementFilter), e.g. {"about":{"some":{"code":"UZ"}}}',
      );
    }
  }
  const limit = parseIntParam(url, 'limit', MAX_EXPORT_ROWS, 1, MAX_EXPORT_ROWS);
  return { where, limit };
}

export function parseIntParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw))
    throw new ExportInputError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ExportInputError(`${name} must be an integer between ${min} and ${max} (got ${value})`);
  return value;
}

export interface StatementExport {
  /** The statements matching the filter (the export stops at `limit`). */
  totalCount: number;
  /** Formatted chunks: the header (CSV) and first page first, then one per page. */
  chunks: AsyncGenerator<string, void, undefined>;
}

/**
 * Runs the first page (validating the filter), then returns the rest as a lazy generator: a
 * page is read only when the consumer asks for more, and not at all after it stops.
 */
export async function exportStatements(
  params: StatementExportParams,
  format: StatementFormat,
  options: { pageSize?: number } = {},
): Promise<StatementExport> {
  const pageSize = Math.min(options.pageSize ?? 100, config.MAX_PAGE_SIZE);
  const fetchPage = (after: string | null, first: number, withTotal: boolean) =>
    executeOperation<Page>(PAGE_QUERY, { where: params.where, first, after, withTotal });

  const firstPage = await fetchPage(null, Math.min(pageSize, params.limit), true);
  const totalCount = firstPage.statements.totalCount ?? 0;

  async function* chunks(): AsyncGenerator<string, void, undefined> {
    let page = firstPage.statements;
    let emitted = 0;
    let header = true;
    for (;;) {
      const rows = page.edges.slice(0, params.limit - emitted).map((edge) => toRow(edge.node));
      emitted += rows.length;
      yield formatStatements(rows, format, header);
      header = false;
      if (!page.pageInfo.hasNextPage || emitted >= params.limit || !page.pageInfo.endCursor) return;
      page = (await fetchPage(page.pageInfo.endCursor, Math.min(pageSize, params.limit - emitted), false)).statements;
    }
  }
  return { totalCount, chunks: chunks() };
}
