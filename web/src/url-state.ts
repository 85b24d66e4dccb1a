/**
 * The explorer's state lives in the URL's query string, so that any view can be shared and
 * reloaded: /explore/?view=graph&id=…&depth=2&types=SAID,ABOUT&expand=…&node=…
 */
import { RELATION_TYPES, type RelationType } from './types.js';

export const BUCKETS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type Bucket = (typeof BUCKETS)[number];
export const STATEMENT_KINDS = ['QUOTE', 'PARAPHRASE'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export interface GraphState {
  view: 'graph';
  id: string | undefined;
  depth: number;
  limit: number;
  types: RelationType[];
  /** Nodes expanded by a click, in order. */
  expand: string[];
  /** The selected node or edge. */
  node: string | undefined;
  edge: string | undefined;
}

export interface PathState {
  view: 'path';
  from: string | undefined;
  to: string | undefined;
  maxDepth: number;
  types: RelationType[];
  edge: string | undefined;
}

export interface CountryState {
  view: 'country';
  code: string | undefined;
  kind: StatementKind | undefined;
  bucket: Bucket;
}

export type State = { view: 'home' } | GraphState | PathState | CountryState;

const integer = (value: string | null, min: number, max: number, fallback: number) => {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};
const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);
const relationTypes = (value: string | null) =>
  list(value).filter((t): t is RelationType => (RELATION_TYPES as readonly string[]).includes(t));
const text = (value: string | null) => value?.trim() || undefined;

export function parseState(search: string): State {
  const p = new URLSearchParams(search);
  switch (p.get('view')) {
    case 'graph':
      return {
        view: 'graph',
        id: text(p.get('id')),
        depth: integer(p.get('depth'), 1, 3, 2),
        limit: integer(p.get('limit'), 1, 1000, 200),
        types: relationTypes(p.get('types')),
        expand: list(p.get('expand')),
        node: text(p.get('node')),
        edge: text(p.get('edge')),
      };
    case 'path':
      return {
        view: 'path',
        from: text(p.get('from')),
        to: text(p.get('to')),
        maxDepth: integer(p.get('maxDepth'), 1, 6, 4),
        types: relationTypes(p.get('types')),
        edge: text(p.get('edge')),
      };
    case 'country':
      return {
        view: 'country',
        code: text(p.get('code'))?.toUpperCase(),
        kind: oneOf(STATEMENT_KINDS, p.get('kind')),
        bucket: oneOf(BUCKETS, p.get('bucket')) ?? 'MONTH',
      };
    default:
      return { view: 'home' };
  }
}

/** Where the service serves the explorer (vite.config.ts `base`). */
export const BASE = '/explore/';

/** The URL of `state`: the query string, without the defaults, in a stable order. */
export function stateUrl(state: State): string {
  const p = new URLSearchParams();
  const set = (name: string, value: string | number | undefined, fallback?: string | number) => {
    if (value !== undefined && value !== '' && value !== fallback) p.set(name, String(value));
  };
  set('view', state.view, 'home');
  if (state.view === 'graph') {
    set('id', state.id);
    set('depth', state.depth, 2);
    set('limit', state.limit, 200);
    set('types', state.types.join(','));
    set('expand', state.expand.join(','));
    set('node', state.node);
    set('edge', state.edge);
  } else if (state.view === 'path') {
    set('from', state.from);
    set('to', state.to);
    set('maxDepth', state.maxDepth, 4);
    set('types', state.types.join(','));
    set('edge', state.edge);
  } else if (state.view === 'country') {
    set('code', state.code);
    set('kind', state.kind);
    set('bucket', state.bucket, 'MONTH');
  }
  const query = p.toString();
  return query ? `${BASE}?${query}` : BASE;
}

export const defaultGraph = (id?: string): GraphState => ({
  view: 'graph',
  id,
  depth: 2,
  limit: 200,
  types: [],
  expand: [],
  node: undefined,
  edge: undefined,
});
export const defaultPath = (from?: string, to?: string): PathState => ({
  view: 'path',
  from,
  to,
  maxDepth: 4,
  types: [],
  edge: undefined,
});
export const defaultCountry = (code?: string): CountryState => ({
  view: 'country',
  code,
  kind: undefined,
  bucket: 'MONTH',
});
