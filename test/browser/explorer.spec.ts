/**
 * The explorer at /explore/, in a real browser on the real service: search → neighbourhood,
 * expanding a clicked node, evidence highlighted exactly where the API's spans say, deep links,
 * truncation shown, and the Tokayev–Lukashenko path. Every expectation comes from the API's
 * own answers, asked by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Session, screenshot } from './browser.js';
import { clickDrawn, drawnGraph, highlighted, idle } from './explorer-page.js';
import { serviceUnderTest } from './service.js';

const LUKASHENKO = 'UGVyc29uOmFsZXhhbmRlci1sdWthc2hlbmtv';
const TOKAYEV = 'UGVyc29uOmthc3N5bS1qb21hcnQtdG9rYXlldg==';
const KAZAKHSTAN = Buffer.from('Country:KZ').toString('base64');

interface ApiEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  evidence: { start: number; end: number; text: string; article: { id: string } } | null;
}
interface ApiSubgraph {
  truncated: boolean;
  nodes: { __typename: string; id: string }[];
  edges: ApiEdge[];
}

const service = serviceUnderTest();
let browser: Session;

const neighbors = async (id: string, depth: number, limit = 200) =>
  (
    await service.graphql<{ neighbors: ApiSubgraph }>(
      `query($id: ID!, $depth: Int!, $limit: Int!) { neighbors(id: $id, depth: $depth, limit: $limit) {
        truncated nodes { __typename ... on Node { id } }
        edges { id type source target evidence { start end text article { id } } } } }`,
      { id, depth, limit },
    )
  ).neighbors;

const articleBody = async (id: string) =>
  (
    await service.graphql<{ node: { body: string } }>('query($id: ID!) { node(id: $id) { ... on Article { body } } }', {
      id,
    })
  ).node.body;

const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

beforeAll(async () => {
  browser = await openBrowser(service.origin);
});

afterAll(async () => {
  await browser?.close();
});

describe('the explorer’s graph', () => {
  let around: ApiSubgraph;

  it('finds Lukashenko with the search box and draws his depth-2 neighbourhood as the API returns it', async () => {
    const { page } = browser;
    const started = performance.now();
    await page.goto(`${service.origin}/explore/`);
    await idle(page);
    console.log(`[timing] explorer start page ready: ${Math.round(performance.now() - started)} ms`);
    await page.getByRole('searchbox').fill('Lukashenko');
    await page.getByRole('button', { name: 'Open person Alexander Lukashenko' }).click();
    await idle(page);
    const drawMs = await page.locator('main > section').getAttribute('data-draw-ms');
    console.log(`[timing] depth-2 neighbourhood fetched and drawn: ${drawMs} ms (in the page)`);

    around = await neighbors(LUKASHENKO, 2);
    const drawn = await drawnGraph(page);
    expect(drawn.nodes).toEqual(ids(around.nodes));
    expect(drawn.edges).toEqual(ids(around.edges));
    expect(drawn.flagged('start')).toEqual([LUKASHENKO]);
    expect(new URL(page.url()).searchParams.get('id')).toBe(LUKASHENKO);
    const status = await page.locator('.graph-status').textContent();
    expect(status).toContain(`${around.nodes.length} nodes and ${around.edges.length} edges drawn`);
    expect(status).toContain(around.truncated ? 'Truncated' : 'Complete');
    await screenshot(page, 'explorer-graph');
  });

  it('expands a clicked node: its own neighbourhood joins the drawing', async () => {
    const { page } = browser;
    const before = await drawnGraph(page);
    const own = await neighbors(KAZAKHSTAN, 1);
    const expected = [...new Set([...before.nodes, ...ids(own.nodes)])].sort();
    expect(expected.length).toBeGreaterThan(before.nodes.length); // Kazakhstan has neighbours not yet drawn

    const done = await idle(page);
    await clickDrawn(page, KAZAKHSTAN, 'node');
    await idle(page, done);
    const after = await drawnGraph(page);
    expect(after.nodes).toEqual(expected);
    expect(after.edges).toEqual(expect.arrayContaining(ids(own.edges)));
    expect(after.flagged('expanded')).toEqual([KAZAKHSTAN]);
    expect(after.selected).toEqual([KAZAKHSTAN]);
    expect(new URL(page.url()).searchParams.get('expand')).toBe(KAZAKHSTAN);
    const details = await page.locator('.details').textContent();
    expect(details).toContain('Kazakhstan (KZ)');
    expect(details).toContain(`Expanded: ${expected.length - before.nodes.length} new nodes.`);
  });

  it('shows a statement’s evidence (chosen with the keyboard) highlighted: exactly the article’s span', async () => {
    const { page } = browser;
    const statementId = around.nodes.find((n) => n.__typename === 'Statement')?.id as string;
    const { node: statement } = await service.graphql<{
      node: {
        saidOnPrecision: string;
        speaker: { name: string };
        about: { name: string }[];
        evidence: { start: number; end: number };
        attribution: { start: number; end: number };
        article: { title: string; body: string };
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Statement { saidOnPrecision speaker { ... on Person { name } ... on Organization { name } }
        about { name } evidence { start end } attribution { start end } article { title body } } } }`,
      { id: statementId },
    );
    const done = await idle(page);
    await page.locator('.all-nodes summary').click();
    await page.locator(`.node-list button[data-node="${statementId}"]`).focus();
    await page.keyboard.press('Enter');
    await idle(page, done);
    await page.locator('.details mark[data-kind="evidence"]').first().waitFor();
    // The list is redrawn with the new nodes; the keyboard focus stays on the same node.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-node'))).toBe(statementId);

    const { body, title } = statement.article;
    expect(await highlighted(page, 'evidence')).toBe(body.slice(statement.evidence.start, statement.evidence.end));
    expect(await highlighted(page, 'attribution')).toBe(
      body.slice(statement.attribution.start, statement.attribution.end),
    );
    const details = (await page.locator('.details').textContent()) ?? '';
    expect(details).toContain(statement.speaker.name);
    expect(details).toContain(`precision: ${statement.saidOnPrecision.toLowerCase()}`);
    for (const country of statement.about) expect(details).toContain(country.name);
    expect(details).toContain(title);
    // The article box is scrolled to the evidence.
    await expect
      .poll(async () => {
        const box = await page.locator('.details .article-body').boundingBox();
        const mark = await page.locator('.details mark[data-kind="evidence"][data-start]').first().boundingBox();
        return Boolean(box && mark && mark.y >= box.y && mark.y + mark.height <= box.y + box.height);
      })
      .toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.details .article').scrollIntoViewIfNeeded();
    await screenshot(page, 'explorer-evidence');
  });

  it('shows an edge’s evidence when the edge is clicked', async () => {
    const { page } = browser;
    const edge = around.edges.find((e) => e.type === 'HOLDS_ROLE' && e.source === LUKASHENKO) as ApiEdge;
    const evidence = edge.evidence as NonNullable<ApiEdge['evidence']>;
    const body = await articleBody(evidence.article.id);
    const done = await idle(page);
    await clickDrawn(page, edge.id, 'edge');
    await idle(page, done);
    expect((await drawnGraph(page)).selected).toEqual([edge.id]);
    expect(await highlighted(page, 'evidence')).toBe(body.slice(evidence.start, evidence.end));
    expect(new URL(page.url()).searchParams.get('edge')).toBe(edge.id);
  });

  it('draws the same view again from its URL', async () => {
    const { page } = browser;
    const url = page.url();
    const shown = await drawnGraph(page);
    const evidence = await highlighted(page, 'evidence');
    const again = await browser.context.newPage();
    try {
      await again.goto(url);
      await idle(again);
      const drawn = await drawnGraph(again);
      expect(drawn.nodes).toEqual(shown.nodes);
      expect(drawn.edges).toEqual(shown.edges);
      expect(drawn.selected).toEqual(shown.selected);
      expect(drawn.flagged('expanded').sort()).toEqual(shown.flagged('expanded').sort());
      await again.locator('.details mark[data-kind="evidence"]').first().waitFor();
      expect(await highlighted(again, 'evidence')).toBe(evidence);
    } finally {
      await again.close();
    }
  });

  it('says so when the API truncated the neighbourhood', async () => {
    const { page } = browser;
    const capped = await neighbors(LUKASHENKO, 2, 5);
    expect(capped.truncated).toBe(true); // the node limit cuts a depth-2 neighbourhood of 17
    await page.goto(`${service.origin}/explore/?view=graph&id=${encodeURIComponent(LUKASHENKO)}&limit=5`);
    await idle(page);
    const drawn = await drawnGraph(page);
    expect(drawn.nodes).toEqual(ids(capped.nodes));
    expect(drawn.flagged('truncated')).toEqual([LUKASHENKO]);
    expect(await page.locator('.graph-status .truncated').textContent()).toMatch(
      /^Truncated around Alexander Lukashenko/,
    );
  });
});

describe('the explorer’s path view', () => {
  it('draws the shortest path from Tokayev to Lukashenko with each edge’s evidence', async () => {
    const { page } = browser;
    const { path } = await service.graphql<{ path: { nodes: { id: string }[]; edges: ApiEdge[] } }>(
      `query($from: ID!, $to: ID!) { path(from: $from, to: $to) { nodes { ... on Node { id } }
        edges { id type source target evidence { start end text article { id } } } } }`,
      { from: TOKAYEV, to: LUKASHENKO },
    );
    await page.goto(`${service.origin}/explore/`);
    await page.getByRole('link', { name: 'How Tokayev is connected to Lukashenko' }).click();
    await idle(page);
    const drawn = await drawnGraph(page);
    expect(drawn.nodes).toEqual(ids(path.nodes));
    expect(drawn.edges).toEqual(ids(path.edges));
    const steps = page.locator('.path-steps > li');
    expect(await steps.count()).toBe(path.nodes.length);
    expect(await page.locator('.step-edge q').allTextContents()).toEqual(path.edges.map((e) => e.evidence?.text));

    const first = path.edges[0] as ApiEdge;
    const evidence = first.evidence as NonNullable<ApiEdge['evidence']>;
    await page.locator(`.step-edge button[data-edge="${first.id}"]`).click();
    await page.locator('.details mark[data-kind="evidence"][data-start]').first().waitFor();
    expect(await highlighted(page, 'evidence')).toBe(
      (await articleBody(evidence.article.id)).slice(evidence.start, evidence.end),
    );
    await screenshot(page, 'explorer-path');

    await page.goBack(); // the browser's history holds the views
    await idle(page);
    expect(await page.locator('h1').textContent()).toBe('Explore who said what, about which country');
  });
});

describe('the explorer’s requests and console', () => {
  it('asked no other host than the service, and logged no error or warning', () => {
    expect(browser.foreign).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
