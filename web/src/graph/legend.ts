/** Which shape and colour stands for which kind of node. */
import { h } from '../dom.js';
import { KIND_NAMES } from '../labels.js';
import type { NodeKind } from '../types.js';
import { KIND_STYLE } from './style.js';

export function kindLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'kind-legend', 'aria-label': 'Node kinds' },
    ...(Object.keys(KIND_STYLE) as NodeKind[]).map((kind) =>
      h('li', {}, h('span', { class: `swatch swatch-${kind}`, 'aria-hidden': 'true' }), KIND_NAMES[kind]),
    ),
    h('li', {}, h('span', { class: 'swatch swatch-truncated', 'aria-hidden': 'true' }), 'truncated by a cap'),
    h(
      'li',
      {},
      h('span', { class: 'swatch swatch-noevidence', 'aria-hidden': 'true' }),
      'edge without stored evidence',
    ),
  );
}
