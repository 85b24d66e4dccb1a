/**
 * Reading the explorer as it is drawn: the Cytoscape instances and Chart.js charts it exposes
 * as `window.explorer` (for the console and these tests), and real mouse clicks at the places
 * where nodes and edges are drawn.
 */
import type { Page } from 'playwright-core';

/** What `window.explorer` gives, typed as far as the tests read it. */
interface ExplorerWindow {
  explorer: {
    graphs: () => {
      nodes: () => { map: <T>(f: (n: CyElement) => T) => T[] };
      edges: () => { map: <T>(f: (n: CyElement) => T) => T[] };
      getElementById: (id: string) => CyElement & { empty: () => boolean };
    }[];
    charts: () => Record<string, ChartLike>;
  };
}
interface Point {
  x: number;
  y: number;
}
interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
interface CyElement {
  id: () => string;
  data: (key: string) => unknown;
  selected: () => boolean;
  renderedPosition: () => Point;
  renderedSourceEndpoint: () => Point;
  renderedTargetEndpoint: () => Point;
  renderedBoundingBox: (options?: Record<string, boolean>) => Box;
}
interface ChartLike {
  data: { labels: string[]; datasets: { data: number[] }[] };
  getDatasetMeta: (i: number) => {
    data: { getProps: (keys: string[], final: boolean) => { x: number; y: number; base: number } }[];
  };
}

export interface DrawnGraph {
  nodes: string[];
  edges: string[];
  selected: string[];
  flagged: (flag: 'start' | 'expanded' | 'truncated') => string[];
}

/** The first drawn graph's nodes and edges (sorted) and flags. */
export async function drawnGraph(page: Page): Promise<DrawnGraph> {
  const read = await page.evaluate(() => {
    const cy = (window as unknown as ExplorerWindow).explorer.graphs()[0];
    if (!cy) throw new Error('no graph drawn');
    const all = [...cy.nodes().map((n) => n), ...cy.edges().map((e) => e)];
    return {
      nodes: cy.nodes().map((n) => n.id()),
      edges: cy.edges().map((e) => e.id()),
      selected: all.filter((e) => e.selected()).map((e) => e.id()),
      flags: cy.nodes().map((n) => ({
        id: n.id(),
        start: !!n.data('start'),
        expanded: !!n.data('expanded'),
        truncated: !!n.data('truncated'),
      })),
    };
  });
  return {
    nodes: read.nodes.sort(),
    edges: read.edges.sort(),
    selected: read.selected,
    flagged: (flag) => read.flags.filter((f) => f[flag]).map((f) => f.id),
  };
}

/** The view's section once it is idle; with `after`, once it has finished more tasks than that. */
export async function idle(page: Page, after?: number): Promise<number> {
  await page.waitForFunction(
    (previous) => {
      const section = document.querySelector<HTMLElement>('main > section');
      return section?.dataset.ready === 'true' && (previous === undefined || Number(section.dataset.done) > previous);
    },
    after,
    { timeout: 30_000 },
  );
  return Number(await page.locator('main > section').getAttribute('data-done'));
}

/**
 * A mouse click where the graph draws the node, or on the edge at the point of its line that is
 * farthest from every other node, edge and label (layouts are random, lines cross).
 */
export async function clickDrawn(page: Page, id: string, what: 'node' | 'edge'): Promise<void> {
  await page.locator('.graph-canvas').first().scrollIntoViewIfNeeded();
  const point = await page.evaluate(
    ([elementId, kind]) => {
      const cy = (window as unknown as ExplorerWindow).explorer.graphs()[0];
      const element = cy?.getElementById(elementId as string);
      if (!cy || !element || element.empty()) throw new Error(`${elementId} is not drawn`);
      if (kind === 'node') return element.renderedPosition();
      const [from, to] = [element.renderedSourceEndpoint(), element.renderedTargetEndpoint()];
      const segmentDistance = (p: Point, a: Point, b: Point) => {
        const [dx, dy] = [b.x - a.x, b.y - a.y];
        const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
        return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
      };
      const boxDistance = (p: Point, b: Box) =>
        Math.hypot(Math.max(b.x1 - p.x, 0, p.x - b.x2), Math.max(b.y1 - p.y, 0, p.y - b.y2));
      const others = [
        ...cy.nodes().map((n) => (p: Point) => boxDistance(p, n.renderedBoundingBox({ includeLabels: true }))),
        ...cy
          .edges()
          .map((e) =>
            e.id() === elementId
              ? () => Number.POSITIVE_INFINITY
              : (p: Point) =>
                  Math.min(
                    segmentDistance(p, e.renderedSourceEndpoint(), e.renderedTargetEndpoint()),
                    boxDistance(p, e.renderedBoundingBox({ includeEdges: false, includeLabels: true })),
                  ),
          ),
      ];
      let best = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2, clearance: -1 };
      for (let t = 0.1; t <= 0.9; t += 0.02) {
        const p = { x: from.x + t * (to.x - from.x), y: from.y + t * (to.y - from.y) };
        const clearance = Math.min(...others.map((distance) => distance(p)));
        if (clearance > best.clearance) best = { ...p, clearance };
      }
      return best;
    },
    [id, what],
  );
  const box = await page.locator('.graph-canvas').first().boundingBox();
  if (!box) throw new Error('the graph is not visible');
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** The text of the highlighted spans of one kind in the evidence panel, joined. */
export async function highlighted(page: Page, kind: 'evidence' | 'attribution'): Promise<string> {
  const parts = await page.locator(`.details mark[data-kind="${kind}"][data-start]`).allTextContents();
  return parts.join('');
}

export interface ChartBars {
  labels: string[];
  values: number[];
  /** Drawn length of each bar, in pixels. */
  lengths: number[];
}

export async function chartBars(page: Page, name: string, horizontal: boolean): Promise<ChartBars> {
  return page.evaluate(
    ([chartName, across]) => {
      const chart = (window as unknown as ExplorerWindow).explorer.charts()[chartName as string];
      if (!chart) throw new Error(`no chart ${chartName}`);
      const bars = chart.getDatasetMeta(0).data.map((bar) => bar.getProps(['x', 'y', 'base'], true));
      return {
        labels: [...chart.data.labels],
        values: [...(chart.data.datasets[0]?.data ?? [])],
        lengths: bars.map((b) => Math.abs(b.base - (across ? b.x : b.y))),
      };
    },
    [name, horizontal] as const,
  );
}
