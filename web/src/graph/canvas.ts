/**
 * The drawing: a Cytoscape.js instance laid out with fCoSE. It knows nodes and edges from
 * the API; what a click means is up to the view.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { edgeLabel, isSynthetic, nodeLabel, nodeTitle } from '../labels.js';
import type { GraphEdge, GraphNode } from '../types.js';
import { graphStyle } from './style.js';

cytoscape.use(fcose);

export interface CanvasEvents {
  onNode: (id: string) => void;
  onEdge: (id: string) => void;
}

export class GraphCanvas {
  private core: Core | undefined;
  /** After destroy(): takes the late calls of tasks still under way, drawing nowhere. */
  private ghost: Core | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: CanvasEvents,
  ) {}

  /** Created on first use, when the container is in the page: Cytoscape measures it. */
  get cy(): Core {
    if (this.ghost) return this.ghost;
    if (!this.core) {
      const cy = cytoscape({
        container: this.container,
        style: graphStyle,
        layout: { name: 'preset' },
        minZoom: 0.2,
        maxZoom: 3,
        selectionType: 'single',
      });
      cy.on('tap', 'node', (event) => this.events.onNode(event.target.id()));
      cy.on('tap', 'edge', (event) => this.events.onEdge(event.target.id()));
      live.add(cy);
      this.core = cy;
    }
    return this.core;
  }

  /**
   * Adds what is not drawn yet; new nodes start next to `near` so that the layout moves
   * the old ones little. Returns the number of nodes added.
   */
  add(nodes: GraphNode[], edges: GraphEdge[], near?: string): number {
    const origin = near ? this.cy.getElementById(near).position() : undefined;
    const fresh: ElementDefinition[] = [];
    for (const node of nodes) {
      if (this.cy.getElementById(node.id).nonempty()) continue;
      fresh.push({
        group: 'nodes',
        data: {
          id: node.id,
          kind: node.__typename,
          label: nodeLabel(node),
          title: nodeTitle(node),
          synthetic: isSynthetic(node),
        },
        position: startPosition(origin),
      });
    }
    for (const edge of edges) {
      if (this.cy.getElementById(edge.id).nonempty()) continue;
      fresh.push({
        group: 'edges',
        data: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          type: edge.type,
          label: edgeLabel(edge),
          hasEvidence: edge.evidence !== null,
        },
      });
    }
    this.cy.add(fresh);
    return fresh.filter((element) => element.group === 'nodes').length;
  }

  mark(id: string, flag: 'start' | 'expanded' | 'truncated', value = true): void {
    this.cy.getElementById(id).data(flag, value);
  }

  /** fCoSE from scratch for a new graph, incrementally (keeping positions) after an expansion. */
  layout(incremental: boolean): Promise<void> {
    const layout = this.cy.layout({
      name: 'fcose',
      quality: incremental ? 'proof' : 'default',
      randomize: !incremental,
      animate: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 120,
      nodeRepulsion: () => 20000,
    } as cytoscape.LayoutOptions);
    const done = layout.promiseOn('layoutstop').then(() => undefined);
    layout.run();
    return done;
  }

  /** The nodes in order along a row (a column in a narrow window): a path reads as one. */
  chain(ids: string[]): void {
    const across = this.cy.width() >= 560;
    ids.forEach((id, i) => {
      const zigzag = (i % 2) * 50; // room for the edge labels
      this.cy.getElementById(id).position(across ? { x: i * 170, y: zigzag } : { x: zigzag, y: i * 110 });
    });
    this.cy.fit(undefined, 30);
  }

  select(id: string | undefined): void {
    this.cy.elements().unselect();
    if (id) this.cy.getElementById(id).select();
  }

  destroy(): void {
    this.ghost = cytoscape({ headless: true, styleEnabled: true });
    if (!this.core) return;
    live.delete(this.core);
    this.core.destroy();
  }
}

/**
 * Around `origin` (or the centre), never on top of another node: Cytoscape cannot draw an edge
 * between overlapping nodes (and says so in the console) until the layout has run.
 */
function startPosition(origin: cytoscape.Position | undefined): cytoscape.Position {
  const angle = Math.random() * 2 * Math.PI;
  const radius = origin ? 60 + Math.random() * 60 : 50 + Math.random() * 250;
  return { x: (origin?.x ?? 0) + radius * Math.cos(angle), y: (origin?.y ?? 0) + radius * Math.sin(angle) };
}

/**
 * The live Cytoscape instances, for the browser's developer console and the browser tests
 * (`window.explorer.graphs()`), which read what is really drawn.
 */
const live = new Set<Core>();
export const liveGraphs = () => [...live];
