/**
 * GraphiQL at /graphql works with no network but the service: the ready query is in the
 * editor, the Run button runs it and the result pane shows Uzbekistan's statements (those the
 * API itself returns), the docs explorer opens, and the ready tabs are the README's examples.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExamples } from '../../scripts/readme-examples.js';
import { exampleQuery } from '../../src/graphiql-example.js';
import { graphiqlTabs, readmeExampleBodies } from '../../src/web/graphiql-tabs.js';
import { openBrowser, type Session, screenshot } from './browser.js';
import { serviceUnderTest } from './service.js';

const service = serviceUnderTest();
let browser: Session;

beforeAll(async () => {
  // Tall enough for the editor to render every line of the result (Monaco draws only what is visible).
  browser = await openBrowser(service.origin, { width: 1280, height: 2400 });
});

afterAll(async () => {
  await browser?.close();
});

/** Runs of white space (Monaco's non-breaking spaces and soft line wraps included) as one space. */
const collapse = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');
/** The text Monaco shows in an editor. */
const editorText = (selector: string) =>
  browser.page
    .locator(`${selector} .view-lines`)
    .first()
    .textContent()
    .then((t) => collapse(t ?? ''));

describe('GraphiQL', () => {
  it('opens with the ready query, runs it with the Run button and shows Uzbekistan’s statements', async () => {
    const { page } = browser;
    const started = performance.now();
    await page.goto(`${service.origin}/graphql`);
    await expect
      .poll(() => editorText('.graphiql-query-editor'), { timeout: 30_000 })
      .toContain('query WhoSaidWhatAbout');
    console.log(`[timing] GraphiQL ready with its query: ${Math.round(performance.now() - started)} ms`);
    expect(await page.title()).toBe('News knowledge graph');
    expect(await page.locator('.graphiql-tab-button').allInnerTexts()).toEqual([
      'WhoSaidWhatAbout',
      ...Object.keys(readmeExampleBodies),
      'Neighbors',
    ]);

    const expected = await service.graphql<{
      country: { statementsAbout: { totalCount: number; edges: { node: { text: string } }[] } };
    }>(exampleQuery);
    expect(expected.country.statementsAbout.totalCount).toBe(2);

    await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
    await expect.poll(() => editorText('.graphiql-response'), { timeout: 20_000 }).toContain('"totalCount": 2');
    const result = await editorText('.graphiql-response');
    expect(result).toContain('"name": "Uzbekistan"');
    for (const { node } of expected.country.statementsAbout.edges)
      expect(result).toContain(collapse(JSON.stringify(node.text)));
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'graphiql');
  });

  it('shows the schema in the docs explorer', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').textContent()).toContain('statementStats');
  });

  it('loaded nothing from any other host, and logged no error', () => {
    expect(browser.foreign).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});

describe('GraphiQL’s ready tabs', () => {
  it('are the README’s examples, named', () => {
    const readme = readmeExamples(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'));
    for (const body of Object.values(readmeExampleBodies)) expect(readme.map((e) => e.query)).toContain(`{${body}}\n`);
  });

  it('each run without errors', async () => {
    for (const { query } of graphiqlTabs) await expect(service.graphql(query)).resolves.toBeTruthy();
  });
});
