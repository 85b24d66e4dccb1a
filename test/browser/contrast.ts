/**
 * WCAG 2 contrast of every visible piece of text on a page against the background it is drawn
 * on (the nearest ancestor with an opaque background colour). Runs in the page.
 */
import type { Page } from 'playwright-core';

export interface LowContrast {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

export function lowContrastTexts(page: Page): Promise<LowContrast[]> {
  return page.evaluate(() => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [R, G, B] = [r, g, b].map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (R ?? 0) + 0.7152 * (G ?? 0) + 0.0722 * (B ?? 0);
    };
    const backgroundOf = (element: Element | null): string => {
      for (let e = element; e; e = e.parentElement) {
        const background = getComputedStyle(e).backgroundColor;
        const alpha = rgb(background)[3];
        if (background !== 'transparent' && (alpha === undefined || alpha > 0.9)) return background;
      }
      return 'rgb(255, 255, 255)';
    };
    const found: { text: string; ratio: number; color: string; background: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent?.trim();
      if (!element || !text) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (
        style.visibility === 'hidden' ||
        box.width === 0 ||
        box.height === 0 ||
        element.closest('[hidden], .skip-link')
      )
        continue;
      const [fore, back] = [luminance(rgb(style.color)), luminance(rgb(backgroundOf(element)))];
      const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        found.push({
          text: text.slice(0, 60),
          ratio: Math.round(ratio * 100) / 100,
          color: style.color,
          background: backgroundOf(element),
        });
      }
    }
    return found;
  });
}
