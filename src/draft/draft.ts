/**
 * Drafts a `kg-annotation/1` document from a raw report: the finders run in order (layout,
 * countries, organisations, persons, quotations and reported speech, dates, events), the
 * proposals are assembled, every direct quotation is made sure to be covered, and the result
 * is checked with the format's own validator. A draft never enters the graph unreviewed.
 */
import { sha256Hex, validateAnnotation } from '../annotations/validate.js';
import { findDirectQuotations, findQuotations } from '../text/quotes.js';
import { assembleSections } from './assemble.js';
import { dayValue, parseYmd } from './calendar.js';
import { draftContentHash } from './content-hash.js';
import { findCountryMentions } from './countries.js';
import { findDates } from './dates.js';
import { findEvents } from './events.js';
import { slug } from './keys.js';
import { findLayout, SYNTHETIC_LABEL } from './layout.js';
import { findOrganizations } from './organizations.js';
import { findPersons } from './persons.js';
import { findPlaces, type Place } from './places.js';
import { type ReviewItem, type ReviewReport, reviewItem } from './review.js';
import { speakerMentions } from './speakers.js';
import { findStatements, type StatementProposal } from './statements.js';
import { analyzeText } from './text.js';
import type { Range } from './types.js';
import { whenSaid } from './when-said.js';

export const DRAFT_TOOL = 'kg-draft';
export const DRAFT_VERSION = '0.1.0';

export interface DraftInput {
  text: string;
  /** YYYY-MM-DD: relative dates ("on Monday") are resolved against it. */
  publishedOn: string;
  /** Key of the source organisation ("tass"); read from the dateline when absent. */
  source?: string | null;
  url?: string | null;
  /** Article key; made from source, date and headline when absent. */
  key?: string | null;
  /** File name of the text, relative to the annotation file. */
  file?: string;
}

export interface Draft {
  /** The annotation document, valid under `validateAnnotation`, with its `draft` block. */
  document: Record<string, unknown>;
  review: ReviewReport;
  /** Every date expression resolved, attached or not, for the review and the evaluation. */
  dates: { value: string; precision: string; evidence: { start: number; end: number; text: string }; rule: string }[];
}

export class DraftInputError extends Error {}

export function draftArticle(input: DraftInput, options: { now?: Date } = {}): Draft {
  const { text } = input;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.publishedOn) || Number.isNaN(Date.parse(input.publishedOn))) {
    throw new DraftInputError(`publishedOn must be a date YYYY-MM-DD, not ${JSON.stringify(input.publishedOn)}`);
  }
  if (text.trim() === '') throw new DraftInputError('the article text is empty');
  if (input.url && !URL.canParse(input.url))
    throw new DraftInputError(`url is not a URL: ${JSON.stringify(input.url)}`);
  const published = parseYmd(input.publishedOn);
  const analyzed = analyzeText(text);
  const layout = findLayout(text, analyzed.paragraphs);
  // "ALMATY, May 14 (Testwire) - A late frost …": the body's first sentence starts after the dateline.
  const article = { ...analyzed, sentences: analyzed.sentences.map((s) => startAfter(s, layout.bodyStart, text)) };
  const { mentions: countries, unresolved } = findCountryMentions(text);
  const sourceKey = slug(input.source ?? layout.agency?.name ?? 'unknown-source');
  const organizations = findOrganizations(
    text,
    countries,
    { key: sourceKey, nameInText: layout.agency?.name ?? null },
    layout.dateline ? [layout.dateline] : [],
  );
  const places = findPlaces(text, layout, countries);
  const { persons, pronouns } = findPersons(
    article,
    countries,
    organizations.flatMap((o) => o.mentions),
    places,
  );
  const quotations = findQuotations(text);
  const headlines = [layout.title, layout.subtitle].filter((r): r is Range => r !== null);
  const statements = findStatements({
    text,
    sentences: article.sentences,
    headlines,
    bodyStart: layout.bodyStart,
    quotations: quotations.filter((q) => !q.nested),
    speakers: speakerMentions(text, persons, organizations, pronouns),
    countries,
    places: outside(
      places,
      organizations.flatMap((o) => o.mentions),
    ),
  });
  coverEveryQuotation(text, statements);
  const dates = findDates({ text, published, sentences: article.sentences });
  const events = findEvents({
    text,
    sentences: article.sentences,
    bodyStart: layout.bodyStart,
    dates,
    countries,
    persons,
    organizations,
    quotes: statements.filter((s) => s.kind === 'QUOTE').map((s) => ({ text: s.text, attribution: s.attribution })),
  });
  const timing = whenSaid(text, statements, dates, events, {
    firstSentence: article.sentences.find((s) => s.start >= layout.bodyStart) ?? null,
    published: input.publishedOn,
  });
  const { sections, items } = assembleSections({
    text,
    countries,
    persons,
    organizations,
    statements: statements.map((s, i) => ({ ...s, ...(timing[i] as (typeof timing)[number]) })),
    events,
  });

  const title = layout.title ?? (article.paragraphs[0] as Range);
  const span = (r: Range) => ({ start: r.start, end: r.end, text: text.slice(r.start, r.end) });
  const datelineDate = layout.dateline
    ? dates.find(
        (d) => d.evidence.start >= (layout.dateline as Range).start && d.evidence.end <= (layout.dateline as Range).end,
      )
    : undefined;
  const datelineAgrees = datelineDate?.date.value === dayValue(published);
  const key = input.key ?? `${sourceKey}-${input.publishedOn}-${slug(text.slice(title.start, title.end), 6)}`;
  const content: Record<string, unknown> = {
    format: 'kg-annotation/1',
    article: {
      key: slug(key, 20),
      file: input.file ?? 'article.txt',
      sha256: sha256Hex(text),
      language: 'en',
      title: span(title),
      subtitle: layout.subtitle && span(layout.subtitle),
      dateline: layout.dateline && span(layout.dateline),
      source: sourceKey,
      publishedOn: {
        value: dayValue(published),
        precision: 'DAY',
        basis: datelineAgrees
          ? `Day and month from the dateline "${datelineDate?.evidence.text}"; the year from the publication date given to the drafting tool (${dayValue(published)}).`
          : `The publication date given to the drafting tool (${dayValue(published)}).`,
        ...(datelineAgrees && datelineDate ? { evidence: span(datelineDate.evidence) } : {}),
      },
      url: input.url ?? null,
      synthetic: text.startsWith(SYNTHETIC_LABEL),
    },
    ...sections,
  };
  const articleItems = articleReview(layout, input, sourceKey, unresolved, pronouns.length);
  const allItems = [
    ...articleItems,
    ...items,
    ...dateItems(dates),
    ...pronouns.map((p) =>
      reviewItem(null, 'pronoun', `${p.text} → ${p.personKey}`, {
        rule: 'pronoun-last-named-person',
        confidence: 0.5,
        flag: 'suggestion only: not added as a mention',
      }),
    ),
  ];
  const result = validateAnnotation(structuredClone(content), text);
  if (!result.ok) {
    // A bug in a rule, never the curator's problem: say exactly what, rather than hand out an invalid file.
    throw new Error(
      `draft failed its own validation:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`,
    );
  }
  const document = withDraftBlock(content, options.now ?? new Date());
  return {
    document,
    review: {
      items: allItems,
      flaggedCount: allItems.filter((i) => i.flagged).length,
      emptySentences: emptySentences(text, article.sentences, layout.bodyStart, document),
    },
    dates: dates.map((d) => ({ value: d.date.value, precision: d.date.precision, evidence: d.evidence, rule: d.rule })),
  };
}

export function withDraftBlock(content: Record<string, unknown>, now: Date): Record<string, unknown> {
  return {
    ...content,
    draft: {
      tool: DRAFT_TOOL,
      version: DRAFT_VERSION,
      createdAt: now.toISOString(),
      contentHash: draftContentHash(content),
    },
  };
}

/** Every direct quotation must lie inside a statement: one nobody claimed gets a flagged statement of its own. */
function coverEveryQuotation(text: string, statements: StatementProposal[]) {
  const covered = (q: Range) =>
    statements.some((s) => [s.text, ...s.restatedIn].some((r) => r.start <= q.start && q.end <= r.end));
  for (const q of findDirectQuotations(text)) {
    if (covered(q)) continue;
    statements.push({
      kind: 'QUOTE',
      text: { start: q.start, end: q.end },
      attribution: null,
      speaker: null,
      speakerRef: null,
      restatedIn: [],
      about: [],
      sentence: { start: q.open, end: q.close },
      rule: 'quote-uncovered',
      confidence: 0.3,
      flag: 'a quotation no rule attributed (a headline, a term in quotation marks?): who said it, or is it a statement at all?',
    });
  }
  statements.sort((a, b) => a.text.start - b.text.start);
}

function articleReview(
  layout: ReturnType<typeof findLayout>,
  input: DraftInput,
  sourceKey: string,
  unresolved: { text: string; codes: string[] }[],
  _pronouns: number,
): ReviewItem[] {
  const items: ReviewItem[] = [
    reviewItem(
      '$.article.title',
      'article',
      'headline',
      layout.title
        ? { rule: 'layout-first-line', confidence: 0.9 }
        : { rule: 'layout-fallback', confidence: 0.3, flag: 'no headline found: the first line is used' },
    ),
    reviewItem(
      '$.article.source',
      'article',
      sourceKey,
      input.source
        ? { rule: 'source-given', confidence: 1 }
        : layout.agency
          ? { rule: 'source-dateline', confidence: 0.9 }
          : { rule: 'source-unknown', confidence: 0.2, flag: 'no --source and no agency in a dateline' },
    ),
  ];
  if (!layout.dateline)
    items.push(
      reviewItem('$.article.dateline', 'article', 'dateline', {
        rule: 'layout-no-dateline',
        confidence: 0.5,
        flag: 'no dateline recognised',
      }),
    );
  for (const u of unresolved)
    items.push(
      reviewItem(null, 'unresolved', `${u.text}: ${u.codes.join(' or ')}`, {
        rule: 'country-ambiguous',
        confidence: 0,
        flag: 'names several countries: not proposed',
      }),
    );
  return items;
}

function dateItems(dates: ReturnType<typeof findDates>): ReviewItem[] {
  return dates.map((d) => reviewItem(null, 'date', `"${d.evidence.text}" → ${d.date.value} (${d.date.precision})`, d));
}

/** Body sentences that no proposal touches. */
function emptySentences(text: string, sentences: Range[], bodyStart: number, document: Record<string, unknown>) {
  const spans: Range[] = [];
  JSON.stringify(document, (_k, v) => {
    if (
      v &&
      typeof v === 'object' &&
      typeof v.start === 'number' &&
      typeof v.end === 'number' &&
      typeof v.text === 'string'
    )
      spans.push(v);
    return v;
  });
  return sentences
    .filter((s) => s.start >= bodyStart && !spans.some((r) => r.start < s.end && s.start < r.end))
    .map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

/** Places with only their mentions outside organisation names ("Tamir Bay" in "Tamir Bay Terminal Company" is the company's). */
function outside(places: Place[], taken: Range[]): Place[] {
  return places.map((p) => ({
    ...p,
    mentions: p.mentions.filter((m) => !taken.some((t) => t.start <= m.start && m.end <= t.end)),
  }));
}

function startAfter<T extends Range>(sentence: T, bodyStart: number, text: string): T {
  if (!(sentence.start < bodyStart && bodyStart < sentence.end)) return sentence;
  let start = bodyStart;
  while (start < sentence.end && /\s/.test(text[start] as string)) start++;
  return { ...sentence, start };
}
