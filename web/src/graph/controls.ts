/** The graph view's settings (depth, node limit, edge types) and its export links. */
import { h } from '../dom.js';
import { RELATION_TYPES, type RelationType } from '../types.js';
import type { GraphState } from '../url-state.js';

export function graphControls(state: GraphState, onChange: (next: GraphState) => void): HTMLElement {
  const depth = h(
    'select',
    { id: 'graph-depth', name: 'depth' },
    ...[1, 2, 3].map((d) => h('option', { value: d, selected: d === state.depth }, String(d))),
  );
  const limit = h('input', {
    id: 'graph-limit',
    name: 'limit',
    type: 'number',
    min: 1,
    max: 1000,
    value: state.limit,
    inputmode: 'numeric',
  });
  const boxes = RELATION_TYPES.map((type) =>
    h('input', { type: 'checkbox', name: 'types', value: type, checked: state.types.includes(type) }),
  );
  const read = (): GraphState => {
    const types = boxes.filter((b) => b.checked).map((b) => b.value as RelationType);
    const n = Number(limit.value);
    return {
      ...state,
      depth: Number(depth.value),
      limit: Number.isInteger(n) && n >= 1 && n <= 1000 ? n : state.limit,
      types: types.length === RELATION_TYPES.length ? [] : types,
      expand: [],
      node: undefined,
      edge: undefined,
    };
  };
  return h(
    'form',
    {
      class: 'controls',
      'aria-label': 'Graph settings',
      onsubmit: (event: Event) => {
        event.preventDefault();
        onChange(read());
      },
    },
    h('label', {}, 'Depth ', depth),
    h('label', {}, 'Node limit ', limit),
    h(
      'details',
      { class: 'types' },
      h('summary', {}, state.types.length ? `Edge types: ${state.types.length} chosen` : 'Edge types: all'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Follow only these edge types (none ticked: all)'),
        ...boxes.map((box) => h('label', { class: 'check' }, box, ` ${box.value}`)),
      ),
    ),
    h('button', { type: 'submit' }, 'Redraw'),
  );
}

export function graphExports(state: GraphState): HTMLElement {
  const query = new URLSearchParams({ id: state.id ?? '', depth: String(state.depth), limit: String(state.limit) });
  if (state.types.length) query.set('relationTypes', state.types.join(','));
  const link = (file: string, label: string) => h('a', { href: `/export/${file}?${query}`, download: '' }, label);
  return h(
    'p',
    { class: 'exports' },
    'Download this neighbourhood (without expansions): ',
    link('subgraph.cytoscape.json', 'Cytoscape JSON'),
    ', ',
    link('subgraph.csv', 'edges CSV'),
    ', ',
    link('subgraph.ndjson', 'NDJSON'),
    '.',
  );
}
