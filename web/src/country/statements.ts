/** Who said what about the country: the statements, each with a button to its evidence. */
import { button, h } from '../dom.js';
import { formatDate } from '../labels.js';
import { appLink, badge, type Navigate } from '../links.js';
import { defaultGraph } from '../url-state.js';

export interface CountryStatement {
  id: string;
  text: string;
  kind: string;
  saidOn: string | null;
  saidOnPrecision: string | null;
  speaker: { __typename: string; id: string; name: string; acronym?: string | null };
  about: { code: string; name: string }[];
  occasion: { title: string } | null;
  evidence: { start: number; end: number; article: { id: string; title: string; synthetic?: boolean | null } };
}

export function statementList(
  statements: CountryStatement[],
  navigate: Navigate,
  onEvidence: (id: string) => void,
): HTMLElement {
  return h(
    'ol',
    { class: 'statement-list' },
    ...statements.map((s) =>
      h(
        'li',
        { 'data-statement': s.id },
        h(
          'p',
          { class: 'who' },
          appLink(navigate, defaultGraph(s.speaker.id), s.speaker.name),
          ` · ${formatDate(s.saidOn, s.saidOnPrecision)} · `,
          badge(s.kind.toLowerCase()),
          s.evidence.article.synthetic ? badge('synthetic') : null,
        ),
        h('blockquote', {}, s.text),
        h(
          'p',
          { class: 'meta' },
          `About ${s.about.map((c) => c.name).join(', ')}`,
          s.occasion ? ` · at ${s.occasion.title}` : '',
          ` · ${s.evidence.article.title} `,
          button('Show the evidence', () => onEvidence(s.id), {
            'aria-label': `Show the evidence of: ${s.text.slice(0, 60)}`,
          }),
        ),
      ),
    ),
  );
}
