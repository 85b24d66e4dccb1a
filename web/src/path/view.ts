/**
 * The shortest path between two entities (the API's `path`), drawn as a chain, with every
 * edge's evidence one click away.
 */
import { graphql } from '../api.js';
import { button, h, replace } from '../dom.js';
import { showEdge } from '../evidence/panel.js';
import { GraphCanvas } from '../graph/canvas.js';
import { fetchNode } from '../graph/fetch-node.js';
import { edgeLabel, KIND_NAMES, nodeTitle } from '../labels.js';
import { pathQuery } from '../queries.js';
import { searchBox } from '../search/search-box.js';
import type { GraphNode, Path } from '../types.js';
import { defaultGraph, type PathState } from '../url-state.js';
import { type Context, serial, type View } from '../view.js';

export function pathView(ctx: Context, initial: PathState): View {
  let state = initial;
  const run = serial(ctx.report);
  const status = h('p', { class: 'graph-status', 'aria-live': 'polite' });
  const canvasBox = h('div', { class: 'graph-canvas path-canvas', role: 'img', 'aria-label': 'Path drawing' });
  const steps = h('ol', { class: 'path-steps' });
  const details = h(
    'aside',
    { class: 'details', 'aria-label': 'Evidence' },
    h('p', {}, 'Pick an edge to see its evidence.'),
  );
  const section = h('section', { class: 'path-view', 'data-ready': 'false' });
  let path: Path | null = null;
  const canvas = new GraphCanvas(canvasBox, {
    onNode: (id) => ctx.navigate(defaultGraph(id)),
    onEdge: (id) => void run(() => showPathEdge(id)),
  });

  const endpoint = (which: 'from' | 'to', node: GraphNode | null) =>
    h(
      'div',
      { class: 'endpoint' },
      h(
        'p',
        {},
        h('strong', {}, which === 'from' ? 'From: ' : 'To: '),
        node ? `${KIND_NAMES[node.__typename]} ${nodeTitle(node)}` : 'not chosen yet',
      ),
      searchBox(ctx.features, {
        label: which === 'from' ? 'Search the start' : 'Search the end',
        action: which === 'from' ? 'Start at' : 'End at',
        onPick: (picked) => ctx.navigate({ ...state, [which]: picked.id, edge: undefined }),
      }),
    );

  async function showPathEdge(id: string): Promise<void> {
    const index = path?.edges.findIndex((e) => e.id === id) ?? -1;
    const edge = path?.edges[index];
    if (!path || !edge) return;
    state = { ...state, edge: id };
    ctx.replace(state);
    canvas.select(id);
    const statement = [edge.source, edge.target].find(
      (n) => path?.nodes.find((x) => x.id === n)?.__typename === 'Statement',
    );
    await showEdge(details, ctx.features, ctx.navigate, edge, statement);
  }

  /** One item per node, with the edge to the next node (and its evidence) inside it. */
  function drawSteps(found: Path): void {
    replace(
      steps,
      ...found.nodes.map((node, i) => {
        const edge = found.edges[i];
        return h(
          'li',
          {},
          h('span', { class: `kind kind-${node.__typename}` }, KIND_NAMES[node.__typename]),
          ' ',
          nodeTitle(node),
          edge
            ? h(
                'div',
                { class: 'step-edge' },
                button(
                  `${edgeLabel(edge)} ${edge.source === node.id ? '→' : '←'}`,
                  () => void run(() => showPathEdge(edge.id)),
                  {
                    'data-edge': edge.id,
                  },
                ),
                edge.evidence ? h('q', {}, edge.evidence.text) : h('span', {}, ' (no evidence stored)'),
              )
            : null,
        );
      }),
    );
  }

  void run(async () => {
    const [from, to] = await Promise.all([state.from, state.to].map((id) => (id ? fetchNode(ctx.features, id) : null)));
    section.append(
      h('h1', { id: 'view-heading' }, 'Shortest path'),
      h('div', { class: 'endpoints' }, endpoint('from', from ?? null), endpoint('to', to ?? null)),
      status,
      h('div', { class: 'graph-layout' }, canvasBox, details),
      h('h2', {}, 'Steps'),
      steps,
    );
    if (!from || !to) {
      status.textContent = 'Choose both ends to look for the shortest path between them.';
      return;
    }
    document.title = `Path from ${nodeTitle(from)} to ${nodeTitle(to)} · Explorer`;
    const variables = {
      from: from.id,
      to: to.id,
      maxDepth: state.maxDepth,
      types: state.types.length ? state.types : null,
    };
    path = (await graphql<{ path: Path | null }>(pathQuery(ctx.features), variables)).path;
    if (!path) {
      status.textContent = `No connection within ${state.maxDepth} edges.`;
      return;
    }
    status.textContent = `${path.length} edge${path.length === 1 ? '' : 's'} from ${nodeTitle(from)} to ${nodeTitle(to)}.${path.truncated ? ' Truncated: crowded nodes were cut while searching, a path as short may go through them.' : ''}`;
    canvas.add(path.nodes, path.edges);
    canvas.mark(from.id, 'start');
    canvas.mark(to.id, 'start');
    canvas.chain(path.nodes.map((n) => n.id));
    drawSteps(path);
    if (state.edge) await showPathEdge(state.edge);
  }).finally(() => {
    section.dataset.ready = 'true';
  });

  return { element: section, destroy: () => canvas.destroy() };
}
