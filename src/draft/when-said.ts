/**
 * When a statement was made, and at which event: a date or meeting in its own attribution
 * ("Lukashenko said on Monday at an extraordinary session …"); otherwise, when every dated
 * attribution of the same speaker gives the same day, that day (flagged: the article reports
 * one occasion); otherwise nothing.
 */
import type { EventProposal } from './events.js';
import type { StatementProposal } from './statements.js';
import type { Range, ResolvedDate } from './types.js';

export interface WhenSaid {
  saidOn: ResolvedDate | null;
  saidOnRule: string | null;
  occasion: number | null;
}

const inside = (outer: Range | null, inner: Range) =>
  outer !== null && outer.start <= inner.start && inner.end <= outer.end;
const speakerId = (s: StatementProposal) => (s.speakerRef ? JSON.stringify(s.speakerRef) : null);

/** ", a regional body founded in 2009," inside an attribution says nothing of when the words were said. */
function inAppositive(text: string, attribution: Range, r: Range): boolean {
  const words = text.slice(attribution.start, attribution.end);
  for (const m of words.matchAll(/,[^,]+,/g)) {
    if (attribution.start + m.index <= r.start && r.end <= attribution.start + m.index + m[0].length) return true;
  }
  return false;
}

export function whenSaid(
  text: string,
  statements: StatementProposal[],
  dates: ResolvedDate[],
  events: EventProposal[],
): WhenSaid[] {
  const own: WhenSaid[] = statements.map((s) => {
    const saidOn =
      dates
        .filter((d) => !inAppositive(text, s.sentence, d.evidence))
        .find(
          (d) =>
            (inside(s.attribution, d.evidence) && !inAppositive(text, s.attribution as Range, d.evidence)) ||
            (inside(s.sentence, d.evidence) &&
              !inside(s.text, d.evidence) &&
              s.kind === 'PARAPHRASE' &&
              s.text.start > d.evidence.end),
        ) ?? null;
    const occasion = events.findIndex(
      (e) =>
        e.kind === 'MEETING' &&
        (inside(s.attribution, e.evidence) || (e.mention !== null && inside(s.attribution, e.mention))),
    );
    return { saidOn, saidOnRule: saidOn ? 'said-on-in-attribution' : null, occasion: occasion >= 0 ? occasion : null };
  });
  return statements.map((s, i) => {
    const mine = own[i] as WhenSaid;
    if (mine.saidOn || !speakerId(s)) return mine;
    const same = statements
      .map((t, j) => ({ t, w: own[j] as WhenSaid }))
      .filter(({ t, w }) => speakerId(t) === speakerId(s) && w.saidOn);
    const days = new Set(same.map(({ w }) => w.saidOn?.date.value));
    const source = same[0]?.w;
    if (days.size !== 1 || !source?.saidOn) return mine;
    const occasions = new Set(same.map(({ w }) => w.occasion));
    return {
      saidOn: {
        ...source.saidOn,
        date: {
          ...source.saidOn.date,
          basis: `the only date the article gives for this speaker's remarks: ${source.saidOn.date.basis}`,
        },
        confidence: 0.7,
        flag: 'date taken from another attribution of the same speaker: check it is the same occasion',
      },
      saidOnRule: 'said-on-same-speaker-occasion',
      occasion: mine.occasion ?? (occasions.size === 1 ? (source.occasion ?? null) : null),
    };
  });
}
