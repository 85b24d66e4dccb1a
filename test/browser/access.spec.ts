/**
 * The explorer for everyone: readable contrast on every page, a visible keyboard focus and a
 * keyboard-only way from search to a drawn neighbourhood, and a 400 px window without
 * sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Session, screenshot } from './browser.js';
import { lowContrastTexts } from './contrast.js';
import { drawnGraph, idle } from './explorer-page.js';
import { serviceUnderTest } from './service.js';

const LUKASHENKO = 'UGVyc29uOmFsZXhhbmRlci1sdWthc2hlbmtv';
const TOKAYEV = 'UGVyc29uOmthc3N5bS1qb21hcnQtdG9rYXlldg==';
const PAGES = {
  home: '/explore/',
  graph: `/explore/?view=graph&id=${encodeURIComponent(LUKASHENKO)}`,
  path: `/explore/?view=path&from=${encodeURIComponent(TOKAYEV)}&to=${encodeURIComponent(LUKASHENKO)}`,
  country: '/explore/?view=country&code=UZ',
  countries: '/explore/?view=country',
};

const service = serviceUnderTest();
let browser: Session;

beforeAll(async () => {
  browser = await openBrowser(service.origin);
});

afterAll(async () => {
  await browser?.close();
});

describe('the explorer’s accessibility', () => {
  it.each(Object.entries(PAGES))('has readable contrast: %s', async (_name, path) => {
    const { page } = browser;
    await page.goto(`${service.origin}${path}`);
    await idle(page);
    expect(await lowContrastTexts(page)).toEqual([]);
  });

  it('goes from search to a neighbourhood with the keyboard alone, with the focus always visible', async () => {
    const { page } = browser;
    await page.goto(`${service.origin}/explore/`);
    await idle(page);
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          text: element.textContent?.trim() ?? '',
          tag: element.tagName,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          onScreen: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
        };
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Skip to content', tag: 'A', outline: 'solid 3px', onScreen: true });
    let steps = 0;
    while ((await focused()).tag !== 'INPUT' && steps++ < 10) {
      await page.keyboard.press('Tab');
      expect((await focused()).outline).toBe('solid 3px');
    }
    await page.keyboard.type('Lukashenko');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Open person Alexander Lukashenko' }).waitFor();
    await page.keyboard.press('ArrowDown');
    expect((await focused()).outline).toBe('solid 3px');
    await page.keyboard.press('Enter');
    await idle(page);
    expect((await drawnGraph(page)).flagged('start')).toEqual([LUKASHENKO]);
  });

  it.each(Object.entries(PAGES))('fits a 400 px window: %s', async (name, path) => {
    const { page } = browser;
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(`${service.origin}${path}`);
    await idle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    if (name === 'graph') {
      const canvas = await page.locator('.graph-canvas').boundingBox();
      const details = await page.locator('.details').boundingBox();
      expect(canvas?.width).toBeGreaterThan(300);
      expect(details?.y).toBeGreaterThanOrEqual((canvas?.y ?? 0) + (canvas?.height ?? 0));
      await screenshot(page, 'explorer-narrow');
    }
  });

  it('asked no other host than the service, and logged no error or warning', () => {
    expect(browser.foreign).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
