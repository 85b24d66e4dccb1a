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

/**
 * ", a regional body founded in 2009," inside an attribution says nothing of when the words were
 * said; ", adopted on Wednesday," (a statement's own adoption, issue or publication) does.
 */
function inAppositive(text: string, attribution: Range, r: Range): boolean {
  const words = text.slice(attribution.start, attribution.end);
  // "…, an agronomist who worked at the site until last year": a relative clause describes the speaker.
  const relative = /\b(?:who|whose|which)\s[^,]*/u.exec(words);
  if (
    relative &&
    attribution.start + relative.index < r.start &&
    r.end <= attribution.start + relative.index + relative[0].length
  )
    return true;
  for (const m of words.matchAll(/,[^,]+,/g)) {
    if (/^,\s+(?:adopted|issued|published|released|signed|sent|delivered|made|read out)\b/.test(m[0])) continue;
    if (attribution.start + m.index <= r.start && r.end <= attribution.start + m.index + m[0].length) return true;
  }
  return false;
}

const DOCUMENT_DATE =
  /,\s+(?:adopted|issued|published|released|signed|sent|delivered|made|read out)\b|\bin\s+(?:a|an|its|their)\s+(?:[\p{L}-]+\s+){0,3}?(?:statement|report|communiqu[ée]|letter|declaration|bulletin|release|note|paper|brief)\b/u;

/**
 * "Ice kept the port closed on Thursday, and the authority said it …": a date in a clause of
 * its own before the speaker's dates that clause, not the saying.
 */
function ofAnEarlierClause(text: string, date: Range, phraseStart: number | null): boolean {
  if (phraseStart === null || phraseStart < date.end) return false;
  return /(?:,\s+(?:and|but|while|whereas)\s|;)/u.test(text.slice(date.end, phraseStart));
}

/** A gathering at which people speak, as a lede reports it opening or being held. */
const GATHERING = /\b(?:forum|conference|summit|session|congress|assembly|convention|meeting)\b/i;
const HELD = /\b(?:opened|began|started|was held|were held|held|met|convened|gathered|took place)\b/;

/**
 * The occasion the article reports, when it is one day up to publication: a gathering in the
 * first sentence of the body that opened (or was held) on a day, and has not run into a second
 * day by the publication date. Persons quoted without a date of their own are taken to have
 * spoken there (flagged): a same-day report of a forum's opening quotes its opening day.
 */
function reportedOccasion(
  text: string,
  events: EventProposal[],
  firstSentence: Range | null,
  published: string | null,
): { event: number; day: ResolvedDate } | null {
  if (!firstSentence || !published) return null;
  const index = events.findIndex(
    (e) =>
      e.kind === 'MEETING' &&
      inside(firstSentence, e.evidence) &&
      GATHERING.test(text.slice(e.evidence.start, e.evidence.end)) &&
      HELD.test(text.slice(e.evidence.start, e.evidence.end)),
  );
  const event = events[index];
  const start = event?.start;
  if (!event || !start || start.date.precision !== 'DAY') return null;
  const last = [event.end?.date.precision === 'DAY' ? event.end.date.value : published, published].sort()[0];
  return start.date.value === last ? { event: index, day: start } : null;
}

/** Who a speaker tells when the words are spoken at a gathering: "told delegates", "told the opening session". */
const AUDIENCE =
  /\btold\s+(?:the\s+)?(?:delegates|participants|attendees|the audience|audience|(?:opening|closing|plenary)\s+session|forum|conference|summit|congress|assembly|meeting)\b/i;

export function whenSaid(
  text: string,
  statements: StatementProposal[],
  dates: ResolvedDate[],
  events: EventProposal[],
  article: { firstSentence: Range | null; published: string | null } = { firstSentence: null, published: null },
): WhenSaid[] {
  const reported = reportedOccasion(text, events, article.firstSentence, article.published);
  const own: WhenSaid[] = statements.map((s) => {
    const saidOn =
      dates
        .filter((d) => inside(s.sentence, d.evidence))
        .find(
          (d) =>
            (inside(s.attribution, d.evidence) && !inAppositive(text, s.attribution as Range, d.evidence)) ||
            (!inside(s.attribution, d.evidence) &&
              !inAppositive(text, s.sentence, d.evidence) &&
              !inside(s.text, d.evidence) &&
              s.kind === 'PARAPHRASE' &&
              s.text.start > d.evidence.end &&
              !ofAnEarlierClause(text, d.evidence, s.speaker?.phraseStart ?? null)),
        ) ?? null;
    const occasion = events.findIndex(
      (e) =>
        e.kind === 'MEETING' &&
        (inside(s.attribution, e.evidence) || (e.mention !== null && inside(s.attribution, e.mention))),
    );
    // ", adopted on Wednesday,", "said in a statement on Wednesday": the day of a document, not of
    // every word its author said.
    const documentDate =
      saidOn !== null &&
      s.attribution !== null &&
      DOCUMENT_DATE.test(text.slice(s.attribution.start, Math.max(s.attribution.end, saidOn.evidence.end)));
    return {
      saidOn,
      saidOnRule: saidOn ? (documentDate ? 'said-on-document-date' : 'said-on-in-attribution') : null,
      occasion: occasion >= 0 ? occasion : null,
    };
  });
  // Persons who spoke at the occasion the article reports ("told delegates", "told the opening session").
  const tied = own.map((mine, i): WhenSaid => {
    const s = statements[i] as StatementProposal;
    if (mine.saidOn || !reported || !s.speakerRef || !('person' in s.speakerRef) || !s.attribution) return mine;
    const words = text.slice(s.attribution.start, s.attribution.end);
    if (mine.occasion === null && !AUDIENCE.test(words)) return mine;
    return {
      saidOn: {
        ...reported.day,
        date: {
          ...reported.day.date,
          basis: `the day of the occasion the article reports (${events[reported.event]?.title ?? 'a gathering'}), at which the words were spoken: ${reported.day.date.basis}`,
        },
        confidence: 0.65,
        flag: 'date of the occasion the article reports: check the words were said there',
      },
      saidOnRule: 'said-on-reported-occasion',
      occasion: mine.occasion ?? reported.event,
    };
  });
  return statements.map((s, i) => {
    const mine = tied[i] as WhenSaid;
    if (mine.saidOn || !speakerId(s)) return mine;
    const same = statements
      .map((t, j) => ({ t, w: tied[j] as WhenSaid }))
      // A document's date carries to what the article then reports from it ("According to the
      // report, …", "It added that …"), not to what the same speaker said before it; an
      // organisation's other words may come from anywhere, so only a document dates them.
      .filter(
        ({ t, w }, j) =>
          speakerId(t) === speakerId(s) &&
          w.saidOn &&
          (w.saidOnRule === 'said-on-document-date'
            ? j < i
            : !(s.speakerRef !== null && 'organization' in s.speakerRef)),
      );
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
