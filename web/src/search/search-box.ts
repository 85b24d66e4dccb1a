/**
 * Search (the API's `search`): type, then pick a hit from the list. Used in the header, where a
 * pick opens the entity, and by the path view's two pickers.
 */
import { ApiError, graphql } from '../api.js';
import { button, h } from '../dom.js';
import type { Features } from '../features.js';
import { isSynthetic, KIND_NAMES, nodeTitle } from '../labels.js';
import { badge } from '../links.js';
import { searchQuery } from '../queries.js';
import type { GraphNode, SearchEdge } from '../types.js';
import { snippetNodes } from './snippet.js';

export interface SearchBoxOptions {
  label: string;
  placeholder?: string;
  /** Accessible name prefix of the pick buttons, e.g. "Open" or "Start at". */
  action: string;
  onPick: (node: GraphNode) => void;
}

let nextId = 0;

export function searchBox(features: Features, options: SearchBoxOptions): HTMLElement {
  const id = `search-${++nextId}`;
  const input = h('input', {
    id,
    type: 'search',
    name: 'q',
    autocomplete: 'off',
    placeholder: options.placeholder ?? 'e.g. Lukashenko, CSTO, terrorists',
    'aria-describedby': `${id}-status`,
  });
  const status = h('p', { id: `${id}-status`, class: 'search-status', 'aria-live': 'polite' });
  const results = h('ul', { class: 'search-results', hidden: true });
  let current = 0;

  const close = (picked = false) => {
    results.hidden = true;
    results.replaceChildren();
    if (picked) status.textContent = '';
  };
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++current;
    if (!query) return close();
    status.textContent = 'Searching…';
    try {
      const { search } = await graphql<{ search: { totalCount: number; edges: SearchEdge[] } }>(searchQuery(features), {
        query,
        first: 10,
      });
      if (ticket !== current) return; // a newer search is under way
      status.textContent = `${search.totalCount} found${search.totalCount > search.edges.length ? `, the best ${search.edges.length} shown` : ''}.`;
      results.replaceChildren(...search.edges.map((edge) => hit(edge, options, close)));
      results.hidden = search.edges.length === 0;
    } catch (error) {
      if (ticket !== current) return;
      status.textContent = error instanceof ApiError ? error.message : 'The search failed.';
      close();
    }
  };

  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 300);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
    if (event.key === 'ArrowDown') results.querySelector('button')?.focus();
  });
  results.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      input.focus();
    }
  });
  const form = h(
    'form',
    {
      role: 'search',
      class: 'search-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void run();
      },
    },
    h('label', { for: id }, options.label),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, 'Search')),
  );
  return h('div', { class: 'search-box' }, form, status, results);
}

function hit(edge: SearchEdge, options: SearchBoxOptions, close: (picked: boolean) => void): HTMLLIElement {
  const kind = KIND_NAMES[edge.node.__typename];
  return h(
    'li',
    {},
    button(
      [
        h('span', { class: `kind kind-${edge.node.__typename}` }, kind),
        isSynthetic(edge.node) ? badge('synthetic') : null,
        h('span', { class: 'hit-title' }, nodeTitle(edge.node)),
        h('span', { class: 'hit-snippet' }, ...snippetNodes(edge.snippet)),
      ],
      () => {
        close(true);
        options.onPick(edge.node);
      },
      { 'aria-label': `${options.action} ${kind} ${nodeTitle(edge.node)}`, 'data-id': edge.node.id },
    ),
  );
}
