/**
 * The country page: who said what about Kazakhstan as the WhoSaidWhatAbout operation answers,
 * charts whose bars are the API's statementStats groups, the kind filter in the URL, and
 * export links that download the same statements.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Session, screenshot } from './browser.js';
import { type ChartBars, chartBars, highlighted, idle } from './explorer-page.js';
import { serviceUnderTest } from './service.js';

const whoSaidWhatAbout = readFileSync(new URL('../operations/WhoSaidWhatAbout.graphql', import.meta.url), 'utf8');
const STATS = `query($where: StatementFilter!) {
  timeline: statementStats(groupBy: [PERIOD], bucket: MONTH, fillEmptyPeriods: true, where: $where) { groups { count period } }
  speakers: statementStats(groupBy: [SPEAKER], where: $where) { groups { count speaker { ... on Person { name } ... on Organization { name } } } }
}`;

interface Group {
  count: number;
  period?: string | null;
  speaker?: { name: string };
}

const service = serviceUnderTest();
let browser: Session;

beforeAll(async () => {
  browser = await openBrowser(service.origin);
});

afterAll(async () => {
  await browser?.close();
});

/** Bars drawn in proportion to their values: the same pixels per statement for every bar. */
function expectProportional({ values, lengths }: ChartBars) {
  const perStatement = (lengths[0] ?? 0) / (values[0] ?? 1);
  expect(perStatement).toBeGreaterThan(1);
  for (const [i, length] of lengths.entries()) expect(length).toBeCloseTo((values[i] ?? 0) * perStatement, 0);
}

describe('the country page', () => {
  it('lists who said what about Kazakhstan, as the WhoSaidWhatAbout query answers', async () => {
    const { page } = browser;
    const { country } = await service.graphql<{
      country: { name: string; statementsAbout: { totalCount: number; edges: { node: { text: string } }[] } };
    }>(whoSaidWhatAbout, { code: 'KZ' });
    await page.goto(`${service.origin}/explore/?view=country&code=KZ`);
    await idle(page);
    expect(await page.locator('h1').textContent()).toBe(`Who said what about ${country.name} (KZ)`);
    const shown = await page.locator('.statement-list blockquote').allTextContents();
    expect(shown.sort()).toEqual(country.statementsAbout.edges.map((e) => e.node.text).sort());
    expect(await page.locator('.statements').textContent()).toContain(
      `${country.statementsAbout.totalCount} statements`,
    );
  });

  it('charts statements per month and per speaker, bar for bar as statementStats answers', async () => {
    const { page } = browser;
    const stats = await service.graphql<{ timeline: { groups: Group[] }; speakers: { groups: Group[] } }>(STATS, {
      where: { about: { some: { code: 'KZ' } } },
    });
    const timeline = await chartBars(page, 'timeline', false);
    expect(timeline.labels).toEqual(stats.timeline.groups.map((g) => g.period?.slice(0, 7) ?? 'date unknown'));
    expect(timeline.values).toEqual(stats.timeline.groups.map((g) => g.count));
    expectProportional(timeline);
    const speakers = await chartBars(page, 'speakers', true);
    expect(speakers.labels).toEqual(stats.speakers.groups.map((g) => g.speaker?.name));
    expect(speakers.values).toEqual(stats.speakers.groups.map((g) => g.count));
    expectProportional(speakers);
    await screenshot(page, 'explorer-country');
  });

  it('shows a listed statement’s evidence, exactly the article’s span', async () => {
    const { page } = browser;
    const first = page.locator('.statement-list > li').first();
    const id = (await first.getAttribute('data-statement')) as string;
    const { node } = await service.graphql<{
      node: { evidence: { start: number; end: number }; article: { body: string } };
    }>('query($id: ID!) { node(id: $id) { ... on Statement { evidence { start end } article { body } } } }', { id });
    await first.getByRole('button', { name: /^Show the evidence/ }).click();
    await page.locator('.details mark[data-kind="evidence"][data-start]').first().waitFor();
    expect(await highlighted(page, 'evidence')).toBe(node.article.body.slice(node.evidence.start, node.evidence.end));
  });

  it('filters by kind through the URL, and its exports download the same statements', async () => {
    const { page } = browser;
    await page.getByLabel('Kind').selectOption('QUOTE');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/kind=QUOTE/);
    await idle(page);
    const where = { about: { some: { code: 'KZ' } }, kind: 'QUOTE' };
    const { country } = await service.graphql<{ country: { statementsAbout: { totalCount: number } } }>(
      'query($where: StatementFilter) { country(code: "KZ") { statementsAbout(where: $where) { totalCount } } }',
      { where },
    );
    expect(await page.locator('.statement-list > li').count()).toBe(country.statementsAbout.totalCount);
    for (const format of ['csv', 'ndjson']) {
      const href = (await page
        .getByRole('link', { name: format.toUpperCase(), exact: true })
        .getAttribute('href')) as string;
      const url = new URL(href, service.origin);
      expect(url.pathname).toBe(`/export/statements.${format}`);
      expect(JSON.parse(url.searchParams.get('where') ?? '')).toEqual(where);
      const download = await fetch(url);
      expect(download.status).toBe(200);
      expect(download.headers.get('x-total-count')).toBe(String(country.statementsAbout.totalCount));
    }
  });

  it('asked no other host than the service, and logged no error or warning', () => {
    expect(browser.foreign).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
