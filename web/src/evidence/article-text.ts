/**
 * An article's body with spans highlighted: `<mark data-kind="evidence">` holds exactly
 * `body.slice(start, end)` of the evidence, `data-kind="attribution"` the attribution's span.
 * Overlapping spans are cut at every boundary, so each character is in one element only.
 */
import { h } from '../dom.js';

export type HighlightKind = 'evidence' | 'attribution';

export interface Highlight {
  start: number;
  end: number;
  kind: HighlightKind;
}

export function articleText(body: string, highlights: Highlight[]): HTMLElement {
  const valid = highlights.filter((s) => s.start >= 0 && s.end <= body.length && s.start < s.end);
  const cuts = [...new Set([0, body.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const text = h('div', { class: 'article-body' });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    const piece = body.slice(from, to);
    // Evidence wins over attribution where both cover a character.
    const cover =
      valid.find((s) => s.kind === 'evidence' && s.start <= from && to <= s.end) ??
      valid.find((s) => s.start <= from && to <= s.end);
    text.append(cover ? h('mark', { 'data-kind': cover.kind, 'data-start': from, 'data-end': to }, piece) : piece);
  }
  return text;
}

/** Scrolls the article box (not the page) so the first highlight is in view. */
export function revealFirstHighlight(box: HTMLElement): void {
  const mark = box.querySelector<HTMLElement>('mark[data-kind="evidence"]') ?? box.querySelector('mark');
  if (!mark) return;
  // The box is positioned, so the mark's offsetTop counts from the box's top.
  box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
}
