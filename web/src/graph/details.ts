/** The side panel of the graph view: what is selected, its edges, and where to go from it. */
import { button, h } from '../dom.js';
import { edgeLabel, isSynthetic, KIND_NAMES, nodeLabel, nodeTitle } from '../labels.js';
import { appLink, badge, type Navigate } from '../links.js';
import type { GraphEdge, GraphNode } from '../types.js';
import { defaultCountry, defaultGraph, defaultPath } from '../url-state.js';

export interface Drawn {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
}

export interface Expansion {
  added: number;
  truncated: boolean;
}

/**
 * The node's heading, what its expansion added, `evidence` (a statement's), links and its
 * drawn edges (buttons that show each edge's evidence).
 */
export function nodeDetails(
  node: GraphNode,
  drawn: Drawn,
  expansion: Expansion | undefined,
  navigate: Navigate,
  onEdge: (id: string) => void,
  evidence?: HTMLElement,
): HTMLElement {
  const edges = [...drawn.edges.values()].filter((e) => e.source === node.id || e.target === node.id);
  const other = (e: GraphEdge) => drawn.nodes.get(e.source === node.id ? e.target : e.source);
  return h(
    'div',
    { class: 'node-details' },
    h(
      'h2',
      { id: 'details-heading' },
      h('span', { class: `kind kind-${node.__typename}` }, KIND_NAMES[node.__typename]),
      isSynthetic(node) ? badge('synthetic') : null,
      ' ',
      // A statement's words follow in full with its evidence.
      node.__typename === 'Statement' ? nodeLabel(node) : nodeTitle(node),
    ),
    expansion
      ? h(
          'p',
          { class: expansion.truncated ? 'truncated' : 'complete' },
          `Expanded: ${expansion.added} new node${expansion.added === 1 ? '' : 's'}. `,
          expansion.truncated
            ? 'Truncated: the API left out some of its neighbours (at most 50 edges of one kind per node, and the node limit).'
            : 'Nothing was left out.',
        )
      : null,
    evidence,
    h(
      'p',
      { class: 'actions' },
      appLink(navigate, defaultGraph(node.id), 'Centre the graph here'),
      ' · ',
      appLink(navigate, defaultPath(node.id), 'Find a path from here'),
      node.__typename === 'Country' ? [' · ', appLink(navigate, defaultCountry(node.code), 'Country page')] : null,
    ),
    h('h3', {}, `Edges drawn (${edges.length})`),
    h(
      'ul',
      { class: 'edge-list' },
      ...edges.map((edge) => {
        const end = other(edge);
        const arrow = edge.source === node.id ? '→' : '←';
        return h(
          'li',
          {},
          button(`${edgeLabel(edge)} ${arrow} ${end ? nodeLabel(end) : '?'}`, () => onEdge(edge.id), {
            'data-edge': edge.id,
          }),
        );
      }),
    ),
  );
}

/** Every drawn node as a button, for the keyboard and screen readers (the canvas is neither). */
export function nodeList(drawn: Drawn, onNode: (id: string) => void): HTMLElement {
  const nodes = [...drawn.nodes.values()].sort(
    (a, b) => a.__typename.localeCompare(b.__typename) || nodeLabel(a).localeCompare(nodeLabel(b)),
  );
  return h(
    'ul',
    { class: 'node-list' },
    ...nodes.map((node) =>
      h(
        'li',
        {},
        button(
          [h('span', { class: `kind kind-${node.__typename}` }, KIND_NAMES[node.__typename]), ' ', nodeLabel(node)],
          () => onNode(node.id),
          { 'data-node': node.id, title: nodeTitle(node) },
        ),
      ),
    ),
  );
}
