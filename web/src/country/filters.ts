/** The country page's filters, the statement filter they make, and the exports under it. */
import { h } from '../dom.js';
import { BUCKETS, type CountryState, STATEMENT_KINDS, type StatementKind } from '../url-state.js';

/** The API's StatementFilter for what the page shows (the same for the list, the charts and the exports). */
export function statementFilter(state: CountryState & { code: string }): Record<string, unknown> {
  return { about: { some: { code: state.code } }, ...(state.kind ? { kind: state.kind } : {}) };
}

export function countryFilters(state: CountryState, onChange: (next: CountryState) => void): HTMLElement {
  const kind = h(
    'select',
    { name: 'kind' },
    h('option', { value: '', selected: !state.kind }, 'all'),
    ...STATEMENT_KINDS.map((k) => h('option', { value: k, selected: k === state.kind }, k.toLowerCase())),
  );
  const bucket = h(
    'select',
    { name: 'bucket' },
    ...BUCKETS.map((b) => h('option', { value: b, selected: b === state.bucket }, b.toLowerCase())),
  );
  return h(
    'form',
    {
      class: 'controls',
      'aria-label': 'Statement filters',
      onsubmit: (event: Event) => {
        event.preventDefault();
        onChange({
          ...state,
          kind: (kind.value || undefined) as StatementKind | undefined,
          bucket: bucket.value as CountryState['bucket'],
        });
      },
    },
    h('label', {}, 'Kind ', kind),
    h('label', {}, 'Timeline by ', bucket),
    h('button', { type: 'submit' }, 'Apply'),
  );
}

export function statementExports(where: Record<string, unknown>): HTMLElement {
  const query = new URLSearchParams({ where: JSON.stringify(where) });
  return h(
    'p',
    { class: 'exports' },
    'Download these statements: ',
    h('a', { href: `/export/statements.csv?${query}`, download: '' }, 'CSV'),
    ', ',
    h('a', { href: `/export/statements.ndjson?${query}`, download: '' }, 'NDJSON'),
    '.',
  );
}
