/**
 * Direct quotations in one sentence, in every agency style (src/text/quotes.ts finds them):
 * `"…," X said`, `X said: "…"`, `"…," X said, "…"` (one quotation split by its attribution,
 * proposed as two QUOTE statements: each text is exactly the words inside its marks), and
 * words quoted inside reported speech (`according to him, there are "too many people …"`),
 * which belong to the reported clause (PARAPHRASE).
 */
import type { Quotation } from '../text/quotes.js';
import { clauseEnd, type ReportedSpeech, reportedSpeech } from './reported.js';
import { accordingTo, findAttribution, type SpeakerMention, subjectOf } from './speakers.js';
import type { Range } from './types.js';

export interface SentenceStatement {
  kind: 'QUOTE' | 'PARAPHRASE';
  text: Range;
  attribution: Range | null;
  speaker: SpeakerMention | null;
  rule: string;
  /** Words that are not the speaker's but say what the words are about (see ReportedSpeech.context). */
  context?: Range;
  /** Why the curator must look: no speaker found, speaker taken from the sentence before… */
  flag?: string;
  confidence: number;
}

/** Where an attribution after a quotation stops: before "adding that …", "and …". */
const ATTRIBUTION_STOP = /,\s+(?:adding|noting|stressing|saying|explaining|warning|and|but|while|as)\b|;/u;

export function statementsInSentence(
  text: string,
  sentence: Range,
  quotations: Quotation[],
  speakers: SpeakerMention[],
): SentenceStatement[] {
  return splitAdding(text, sentence, quotations, statementsOf(text, sentence, quotations, speakers));
}

const ADDING = /,\s+((?:adding|noting|stressing|saying|explaining|warning|insisting)\s+that)\s+/u;

/**
 * "…,” Ilić said, adding that freight rates had doubled": the words after "adding that" are a
 * second statement of the same speaker, and not part of the first one's text or attribution.
 */
function splitAdding(
  text: string,
  sentence: Range,
  quotations: Quotation[],
  found: SentenceStatement[],
): SentenceStatement[] {
  const last = found.at(-1);
  if (!last?.speaker) return found;
  const from = Math.max(last.text.end, last.attribution?.end ?? 0);
  const searchFrom = last.kind === 'PARAPHRASE' ? last.text.start : from;
  const m = ADDING.exec(text.slice(searchFrom, sentence.end));
  if (!m) return found;
  const at = searchFrom + m.index;
  if (quotations.some((q) => q.start <= at && at < q.end)) return found;
  const start = at + m[0].length;
  const end = clauseEnd(text, sentence);
  if (start >= end) return found;
  if (last.kind === 'PARAPHRASE' && last.text.end > at) last.text = { start: last.text.start, end: at };
  const verb = {
    start: at + m[0].indexOf(m[1] as string),
    end: at + m[0].indexOf(m[1] as string) + (m[1] as string).length,
  };
  return [
    ...found,
    {
      kind: 'PARAPHRASE',
      text: { start, end },
      attribution: verb,
      speaker: last.speaker,
      rule: 'reported-adding-that',
      confidence: last.confidence * 0.95,
      ...(last.flag ? { flag: last.flag } : {}),
    },
  ];
}

function statementsOf(
  text: string,
  sentence: Range,
  quotations: Quotation[],
  speakers: SpeakerMention[],
): SentenceStatement[] {
  const quotes = quotations.filter((q) => q.open >= sentence.start && q.close <= sentence.end);
  if (quotes.length === 0) {
    const reported = reportedSpeech(text, sentence, speakers);
    return reported ? [paraphrase(reported)] : [];
  }
  const first = quotes[0] as Quotation;
  const last = quotes.at(-1) as Quotation;
  const lead = text.slice(sentence.start, first.open);
  if (lead.trim() === '') return quoteLed(text, sentence, quotes, speakers);
  const after = text.slice(last.close, sentence.end);
  const leadAttribution = attributionBefore(text, sentence, first, speakers);
  if (
    leadAttribution &&
    (/^[\s.!?…]*$/u.test(after) || ADDING.test(after.slice(0, 40))) &&
    !quotes.slice(1).some((q) => !/^[\s,;]*$/.test(text.slice(quotes[0]?.close ?? 0, q.open)))
  ) {
    return quotes.map((q) => ({
      kind: 'QUOTE',
      text: { start: q.start, end: q.end },
      attribution: leadAttribution.range,
      speaker: leadAttribution.speaker,
      rule: 'quote-after-attribution',
      confidence: speakerConfidence(leadAttribution.speaker),
      ...flagOf(leadAttribution.speaker),
    }));
  }
  // Quoted words inside a reported clause: the clause is the statement.
  const reported = reportedSpeech(text, sentence, speakers);
  if (reported && quotes.every((q) => reported.text.start <= q.start && q.end <= reported.text.end)) {
    return [{ ...paraphrase(reported), rule: `${reported.rule}-with-quoted-words` }];
  }
  return quotes.map((q) =>
    unattributed(q, findAttribution(text, sentence.start, sentence.end, speakers)?.speaker ?? null),
  );
}

function paraphrase(r: ReportedSpeech): SentenceStatement {
  return {
    kind: 'PARAPHRASE',
    text: r.text,
    attribution: r.attribution,
    speaker: r.speaker,
    rule: r.rule,
    confidence: speakerConfidence(r.speaker) * 0.95,
    ...(r.context ? { context: r.context } : {}),
    ...flagOf(r.speaker),
  };
}

/** `"…," Lukashenko said on Monday at …` and `"…," he said, "…"`. */
function quoteLed(text: string, sentence: Range, quotes: Quotation[], speakers: SpeakerMention[]): SentenceStatement[] {
  const first = quotes[0] as Quotation;
  const tailEnd = quotes[1]?.open ?? clauseEnd(text, sentence);
  const found = findAttribution(text, first.close, tailEnd, speakers);
  if (!found) {
    const tail = text.slice(first.close, sentence.end);
    if (/^[\s.!?…,]*$/u.test(tail) && quotes.length === 1) return [unattributed(first, null, 'quote-alone')];
    return quotes.map((q) => unattributed(q, null));
  }
  const from = first.close + (/^[\s,.—–-]*/u.exec(text.slice(first.close))?.[0].length ?? 0);
  let to = tailEnd;
  const stop = ATTRIBUTION_STOP.exec(text.slice(from, to));
  if (stop) to = from + stop.index;
  while (to > from && /[\s,.;:—–-]/u.test(text[to - 1] as string)) to--;
  const attribution = { start: from, end: to };
  return quotes.map((q, i) => ({
    kind: 'QUOTE' as const,
    text: { start: q.start, end: q.end },
    attribution,
    speaker: found.speaker,
    rule: i === 0 ? 'quote-then-attribution' : 'quote-split-by-attribution',
    confidence: speakerConfidence(found.speaker),
    ...flagOf(found.speaker),
  }));
}

/** `Lukashenko said: "…"`, `According to him, "…"`: the attribution ends in a colon or comma. */
function attributionBefore(
  text: string,
  sentence: Range,
  first: Quotation,
  speakers: SpeakerMention[],
): { range: Range; speaker: SpeakerMention } | null {
  const lead = text.slice(sentence.start, first.open);
  const named = namingLead(text, sentence.start, lead, speakers);
  if (named) return named;
  const punct = /[,:]\s*$/.exec(lead);
  if (!punct) return null;
  const end = sentence.start + punct.index;
  const according = accordingTo(text, sentence.start, speakers);
  if (according && according.end === end) return { range: { start: sentence.start, end }, speaker: according };
  const found = findAttribution(text, sentence.start, end, speakers);
  if (!found || !/^[\s\p{L}\d’'-]*$/u.test(text.slice(found.verb.end, end))) return null;
  const start = found.inverted ? found.verb.start : found.speaker.phraseStart;
  return { range: { start: Math.min(start, found.verb.start), end }, speaker: found.speaker };
}

/** "X called the deal “…”", "X described it as “…”": a verb of naming right before the quoted words. */
const NAMING = /\b(?:called|calls|described|describes|dubbed|termed)\s+(?!on\b)(?:[\p{L}’'-]+\s+){1,4}?(?:as\s+)?$/u;
/** "… called on member operators to “…”", "urged them to “…”": the appeal is the quoted words. */
const APPEAL = /\b(?:called on|calls on|urged|urges)\s+[^,;"“”«»]{1,60}?\s+to\s+$/u;

function namingLead(
  text: string,
  from: number,
  lead: string,
  speakers: SpeakerMention[],
): { range: Range; speaker: SpeakerMention } | null {
  const naming = NAMING.exec(lead) ?? APPEAL.exec(lead);
  if (!naming) return null;
  const subject = subjectOf(text, from, from + naming.index, speakers);
  if (!subject) return null;
  const end = from + lead.trimEnd().length;
  return { range: { start: Math.min(subject.phraseStart, subject.start), end }, speaker: subject };
}

function unattributed(q: Quotation, speaker: SpeakerMention | null, rule = 'quote-unattributed'): SentenceStatement {
  return {
    kind: 'QUOTE',
    text: { start: q.start, end: q.end },
    attribution: null,
    speaker,
    rule,
    confidence: 0.4,
    flag: speaker
      ? 'no attribution next to the quotation: speaker read from the sentence, check it'
      : 'no attribution in the sentence: who said it?',
  };
}

const speakerConfidence = (s: SpeakerMention) => (s.via === 'pronoun' ? 0.7 : s.via === 'title-form' ? 0.75 : 0.92);
const flagOf = (s: SpeakerMention) => (s.flag ? { flag: s.flag } : {});
