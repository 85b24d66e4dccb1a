/**
 * The evidence of a statement or an edge: the words, who said them and when (with the
 * date's precision), what about, and the article with the exact spans highlighted.
 */
import { h } from '../dom.js';
import type { Features } from '../features.js';
import { edgeLabel, formatDate } from '../labels.js';
import { appLink, badge, type Navigate } from '../links.js';
import type { Article, GraphEdge, StatementDetails } from '../types.js';
import { defaultCountry, defaultGraph } from '../url-state.js';
import { articleText, type Highlight, revealFirstHighlight } from './article-text.js';
import { loadArticle, loadStatement } from './load.js';

const legend = (withAttribution: boolean) =>
  h(
    'p',
    { class: 'legend' },
    h('mark', { 'data-kind': 'evidence' }, 'evidence'),
    withAttribution
      ? [' the words said; ', h('mark', { 'data-kind': 'attribution' }, 'attribution'), ' the words attributing them.']
      : ' the words the fact rests on.',
  );

function articleBlock(article: Article, highlights: Highlight[]): HTMLElement {
  const box = articleText(article.body, highlights);
  box.tabIndex = 0; // scrollable: reachable with the keyboard
  box.setAttribute('aria-label', `Text of the article “${article.title}”`);
  const block = h(
    'div',
    { class: 'article' },
    h(
      'p',
      { class: 'article-source' },
      article.synthetic ? badge('synthetic') : null,
      h('cite', {}, article.title),
      ` · ${article.source.name} · published ${formatDate(article.publishedOn)}`,
      article.url ? [' · ', h('a', { href: article.url, rel: 'noopener noreferrer' }, 'original')] : null,
    ),
    legend(highlights.some((span) => span.kind === 'attribution')),
    box,
  );
  requestAnimationFrame(() => revealFirstHighlight(box));
  return block;
}

function statementBlock(navigate: Navigate, s: StatementDetails, edge?: GraphEdge): HTMLElement {
  const highlights: Highlight[] = [{ ...s.evidence, kind: 'evidence' }];
  if (s.attribution) highlights.push({ ...s.attribution, kind: 'attribution' });
  const edgeSpan =
    edge?.evidence &&
    (edge.evidence.start === s.attribution?.start && edge.evidence.end === s.attribution?.end
      ? 'the attribution'
      : edge.evidence.start === s.evidence.start && edge.evidence.end === s.evidence.end
        ? 'the words said'
        : `characters ${edge.evidence.start}–${edge.evidence.end}`);
  return h(
    'div',
    { class: 'statement' },
    h('h3', {}, 'Statement ', badge(s.kind.toLowerCase()), s.article.synthetic ? badge('synthetic') : null),
    edge ? h('p', { class: 'edge-note' }, `Edge ${edgeLabel(edge)} rests on ${edgeSpan ?? 'no stored span'}.`) : null,
    h('blockquote', {}, s.text),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Speaker'),
      h('dd', {}, appLink(navigate, defaultGraph(s.speaker.id), s.speaker.name)),
      h('dt', {}, 'Said on'),
      h(
        'dd',
        {},
        formatDate(s.saidOn, s.saidOnPrecision),
        s.saidOn ? ` (precision: ${s.saidOnPrecision?.toLowerCase() ?? 'unknown'})` : null,
        s.saidOnBasis ? h('span', { class: 'basis' }, ` — ${s.saidOnBasis}`) : null,
      ),
      h('dt', {}, 'About'),
      h('dd', {}, ...s.about.flatMap((c, i) => [i ? ', ' : '', appLink(navigate, defaultCountry(c.code), c.name)])),
      s.occasion ? [h('dt', {}, 'Occasion'), h('dd', {}, s.occasion.title)] : [],
      h('dt', {}, 'Span'),
      h(
        'dd',
        {},
        `[${s.evidence.start}, ${s.evidence.end})`,
        s.attribution ? `, attribution [${s.attribution.start}, ${s.attribution.end})` : '',
      ),
      s.note ? [h('dt', {}, 'Note'), h('dd', {}, s.note)] : [],
    ),
    articleBlock(s.article, highlights),
  );
}

/** Fills `target` with a statement's evidence. */
export async function showStatement(
  target: HTMLElement,
  f: Features,
  navigate: Navigate,
  id: string,
  edge?: GraphEdge,
) {
  target.replaceChildren(h('p', { class: 'loading' }, 'Loading the evidence…'));
  const statement = await loadStatement(f, id);
  target.replaceChildren(statementBlock(navigate, statement, edge));
}

/** Fills `target` with an edge's evidence; `statementId` when one end is a statement. */
export async function showEdge(
  target: HTMLElement,
  f: Features,
  navigate: Navigate,
  edge: GraphEdge,
  statementId?: string,
) {
  if (statementId) return showStatement(target, f, navigate, statementId, edge);
  const heading = h('h3', {}, `Edge ${edgeLabel(edge)}`);
  if (!edge.evidence) {
    target.replaceChildren(heading, h('p', {}, `No evidence is stored for ${edge.type} edges of this kind.`));
    return;
  }
  target.replaceChildren(heading, h('p', { class: 'loading' }, 'Loading the article…'));
  const article = await loadArticle(f, edge.evidence.article.id);
  target.replaceChildren(
    heading,
    h('blockquote', {}, edge.evidence.text),
    h('p', {}, `Span [${edge.evidence.start}, ${edge.evidence.end})`),
    articleBlock(article, [{ ...edge.evidence, kind: 'evidence' }]),
  );
}
