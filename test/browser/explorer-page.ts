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
      getElementById: (id: string) => CyElement;
    }[];
    charts: () => Record<string, ChartLike>;
  };
}
interface CyElement {
  id: () => string;
  data: (key: string) => unknown;
  selected: () => boolean;
  renderedPosition: () => { x: number; y: number };
  renderedMidpoint: () => { x: number; y: number };
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

/** A mouse click where the graph draws the node (or the middle of the edge). */
export async function clickDrawn(page: Page, id: string, what: 'node' | 'edge'): Promise<void> {
  await page.locator('.graph-canvas').first().scrollIntoViewIfNeeded();
  const point = await page.evaluate(
    ([elementId, kind]) => {
      const cy = (window as unknown as ExplorerWindow).explorer.graphs()[0];
      const element = cy?.getElementById(elementId as string);
      if (!element) throw new Error(`${elementId} is not drawn`);
      return kind === 'node' ? element.renderedPosition() : element.renderedMidpoint();
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
