/**
 * The neighbourhood of an entity (the API's `neighbors`), drawn; clicking a node expands it
 * (its own depth-1 neighbourhood is added) and shows it, clicking an edge shows its evidence.
 * Expansions and the selection are kept in the URL, so a reload draws the same graph.
 */
import { graphql } from '../api.js';
import { h } from '../dom.js';
import { showEdge, showStatement } from '../evidence/panel.js';
import { nodeTitle } from '../labels.js';
import { neighborsQuery } from '../queries.js';
import type { Subgraph } from '../types.js';
import type { GraphState } from '../url-state.js';
import { type Context, serial, type View } from '../view.js';
import { GraphCanvas } from './canvas.js';
import { graphControls, graphExports } from './controls.js';
import { type Drawn, type Expansion, nodeDetails, nodeList } from './details.js';
import { kindLegend } from './legend.js';

export function graphView(ctx: Context, initial: GraphState & { id: string }): View {
  let state = initial;
  const heading = h('h1', { id: 'view-heading' }, 'Neighbourhood');
  const status = h('p', { class: 'graph-status', 'aria-live': 'polite' }, 'Loading the neighbourhood…');
  const canvasBox = h('div', { class: 'graph-canvas', role: 'img', 'aria-label': 'Graph drawing' });
  const details = h('aside', { class: 'details', 'aria-label': 'Selection' }, h('p', {}, 'Click a node or an edge.'));
  const list = h('div', {});
  const listCount = h('span', {});
  const section = h(
    'section',
    { class: 'graph-view', 'aria-busy': 'true', 'data-ready': 'false' },
    heading,
    graphControls(state, (next) => ctx.navigate(next)),
    graphExports(state),
    status,
    h('div', { class: 'graph-layout' }, canvasBox, details),
    kindLegend(),
    h('details', { class: 'all-nodes' }, h('summary', {}, 'All drawn nodes ', listCount), list),
  );
  const drawn: Drawn = { nodes: new Map(), edges: new Map() };
  const expansions = new Map<string, Expansion>();
  const queue = serial(ctx.report);
  let done = 0;
  /**
   * One task at a time; the section says when it is busy (aria-busy), and, for the browser
   * tests, when it is idle (data-ready) and how many tasks it has finished (data-done).
   */
  const run = (task: () => Promise<void>) =>
    queue(async () => {
      section.setAttribute('aria-busy', 'true');
      section.dataset.ready = 'false';
      try {
        await task();
      } finally {
        section.setAttribute('aria-busy', 'false');
        section.dataset.done = String(++done);
        section.dataset.ready = 'true';
      }
    });
  const canvas = new GraphCanvas(canvasBox, {
    onNode: (id) => void run(() => activateNode(id)),
    onEdge: (id) => void run(() => activateEdge(id)),
  });

  async function fetchAround(id: string, depth: number): Promise<Subgraph> {
    const variables = { id, depth, limit: state.limit, types: state.types.length ? state.types : null };
    return (await graphql<{ neighbors: Subgraph }>(neighborsQuery(ctx.features), variables)).neighbors;
  }

  async function expand(id: string, depth: number): Promise<void> {
    const isStart = expansions.size === 0;
    const subgraph = await fetchAround(id, depth);
    for (const node of subgraph.nodes) drawn.nodes.set(node.id, node);
    for (const edge of subgraph.edges) drawn.edges.set(edge.id, edge);
    const added = canvas.add(subgraph.nodes, subgraph.edges, isStart ? undefined : id);
    // The start node is one of the nodes its own neighbourhood adds.
    expansions.set(id, { added: isStart ? added - 1 : added, truncated: subgraph.truncated });
    canvas.mark(id, isStart ? 'start' : 'expanded');
    if (subgraph.truncated) canvas.mark(id, 'truncated');
  }

  function refresh(): void {
    const cut = [...expansions].filter(([, e]) => e.truncated).map(([id]) => drawn.nodes.get(id));
    status.replaceChildren(
      `${drawn.nodes.size} nodes and ${drawn.edges.size} edges drawn (depth ${state.depth}, ${expansions.size - 1} expanded). `,
      cut.length
        ? h(
            'strong',
            { class: 'truncated' },
            `Truncated around ${cut.map((n) => (n ? nodeTitle(n) : '?')).join(', ')}: the API keeps at most 50 edges of one kind per node and level, and ${state.limit} nodes per request (dashed red borders).`,
          )
        : h('span', { class: 'complete' }, 'Complete: no cap or limit was reached.'),
    );
    listCount.textContent = `(${drawn.nodes.size})`;
    // Rebuilt: the keyboard focus stays on the same node's button.
    const focused = document.activeElement?.closest('[data-node]')?.getAttribute('data-node');
    list.replaceChildren(nodeList(drawn, (id) => void run(() => activateNode(id))));
    if (focused) list.querySelector<HTMLElement>(`[data-node="${CSS.escape(focused)}"]`)?.focus();
  }

  async function showNode(id: string): Promise<void> {
    const node = drawn.nodes.get(id);
    if (!node) return;
    const evidence = node.__typename === 'Statement' ? h('div', { class: 'evidence' }) : undefined;
    const onEdge = (e: string) => void run(() => activateEdge(e));
    details.replaceChildren(nodeDetails(node, drawn, expansions.get(id), ctx.navigate, onEdge, evidence));
    if (evidence) await showStatement(evidence, ctx.features, ctx.navigate, id);
  }

  async function activateNode(id: string): Promise<void> {
    if (!drawn.nodes.has(id)) return;
    if (!expansions.has(id)) {
      await expand(id, 1);
      state = { ...state, expand: [...state.expand, id] };
      await canvas.layout(true);
    }
    state = { ...state, node: id, edge: undefined };
    ctx.replace(state);
    canvas.select(id);
    refresh();
    await showNode(id);
  }

  async function activateEdge(id: string): Promise<void> {
    const edge = drawn.edges.get(id);
    if (!edge) return;
    state = { ...state, edge: id, node: undefined };
    ctx.replace(state);
    canvas.select(id);
    const statementId = [edge.source, edge.target].find((n) => drawn.nodes.get(n)?.__typename === 'Statement');
    const evidence = h('div', { class: 'evidence' });
    details.replaceChildren(evidence);
    await showEdge(evidence, ctx.features, ctx.navigate, edge, statementId);
  }

  void run(async () => {
    const started = performance.now();
    await expand(state.id, state.depth);
    const start = drawn.nodes.get(state.id);
    heading.textContent = `Neighbourhood of ${start ? nodeTitle(start) : 'this node'}`;
    document.title = `${heading.textContent} · Explorer`;
    for (const id of state.expand) if (drawn.nodes.has(id) && !expansions.has(id)) await expand(id, 1);
    await canvas.layout(false);
    section.dataset.drawMs = String(Math.round(performance.now() - started));
    refresh();
    if (state.edge && drawn.edges.has(state.edge)) await activateEdge(state.edge);
    else if (state.node && drawn.nodes.has(state.node)) {
      canvas.select(state.node);
      await showNode(state.node);
    }
  });

  return { element: section, destroy: () => canvas.destroy() };
}
