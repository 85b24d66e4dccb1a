/**
 * Reported speech in one sentence, as the article words it: "X said that …", "According to
 * X, …", "…, X said.", "…, according to X.", "X believes …", "A, X affirm, B." The clause
 * is the statement's text; the words naming the speaker and the verb are its attribution.
 */
import { DESCRIBED_SPEAKER } from './descriptions.js';
import { accordingTo, findAttribution, type SpeakerMention } from './speakers.js';
import { BELIEF_VERBS } from './speech-verbs.js';
import type { Range } from './types.js';

export interface ReportedSpeech {
  text: Range;
  attribution: Range;
  speaker: SpeakerMention;
  rule: string;
  /**
   * Words of the sentence that are not the speaker's but say what the words are about: ", after
   * a week of unrest in Kazakhstan" after "X said that it would decide …".
   */
  context?: Range;
}

/** The end of a sentence's words: before its full stop, unless the stop is inside a closing quotation. */
export function clauseEnd(text: string, sentence: Range): number {
  let end = sentence.end;
  while (end > sentence.start && /\s/.test(text[end - 1] as string)) end--;
  if (/[.!?;:]/.test(text[end - 1] as string)) end--;
  return end;
}

/**
 * "…, after a week of unrest in Kazakhstan." at the end of a reported clause: the reporter's
 * circumstance of the saying, not the speaker's words (a short phrase without a verb of its own).
 */
const CIRCUMSTANCE =
  /,\s+(?:after|amid|following|ahead of|in the wake of)\s+(?:an?|the|its|their|weeks?|days?|months?)\b[^,;"“”«»]{0,80}$/u;

function withoutCircumstance(text: string, range: Range): { text: Range; context?: Range } {
  const m = CIRCUMSTANCE.exec(text.slice(range.start, range.end));
  if (!m || /\b(?:had|has|have|was|were|is|are)\b/.test(m[0])) return { text: range };
  const at = range.start + m.index;
  return { text: { start: range.start, end: at }, context: { start: at, end: range.end } };
}

/** A sentence may open with an adverbial before its subject: "Subsequently, …", "On Monday, …". */
/**
 * What may come before a sentence's subject: a short adverbial ("Subsequently, ", "On Monday, ")
 * or a longer phrase that starts like one ("Writing in a column for the …, "), never a clause.
 */
const OPENER =
  /^(?:(?:[\p{L}\d’'.-]+\s+){0,4}[\p{L}\d’'.-]+,\s+|(?:\p{Lu}\p{Ll}+ing|In|On|At|After|Before|During|Asked|Speaking|Addressing|Unlike|Like)\b[^,;"“”«»]{0,100},\s+)?$/u;
/** "said on Monday that", "told Testwire that"; not "told delegates the port had … and that": a second clause's "that". */
const THAT =
  /^((?:\s+(?!that\b)[^,.;"“”«»]{1,60}?)??(?:,\s+(?:however|though|too|also|moreover|meanwhile|nevertheless|again),)?)(?<!\b(?:and|but|or))\s+that\b(?:\s*,)?\s*/u;
const CLAUSE_START =
  /^(?:\p{N}|(?:[Ii]t|[Tt]he|[Aa]n?|[Tt]here|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Tt]hey|[Hh]e|[Ss]he|[Ww]e|I|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Nn]o|[Aa]ll|[Bb]oth|[Ss]ome|[Mm]any|[Pp]rices|[Ww]orkers)\b|\p{Lu})/u;

/** "said about 40 barges were waiting", "said most ports had closed": a quantity opens the clause. */
const QUANTITY_START =
  /^(?:[Aa]bout|[Aa]round|[Nn]early|[Aa]lmost|[Mm]ore than|[Ff]ewer than|[Aa]t least|[Oo]nly|[Mm]ost|[Hh]alf|[Ff]ew|[Ss]everal|[Ee]very|[Ee]ach|[Nn]one|[Nn]either|[Oo]ne|[Tt]wo|[Tt]hree)\b/u;
/** A finite verb or auxiliary: "said talks with the port authorities … would start". */
const FINITE = /\b(?:would|will|could|can|may|might|should|must|had|has|have|was|were|is|are|did|does|do)\b/u;

/**
 * Whether the words after a verb of saying (without "that") open a clause: a determiner, a
 * pronoun, a name or a number, a quantity, or a bare noun followed within a few words by a
 * finite verb ("talks with … would start", "prices had risen").
 */
function opensClause(words: string): boolean {
  if (CLAUSE_START.test(words) || QUANTITY_START.test(words)) return true;
  if (!/^\p{Ll}/u.test(words)) return false;
  const head = words.split(/[,;:]/u)[0]?.split(/\s+/).slice(0, 12).join(' ') ?? '';
  return FINITE.test(head);
}

export function reportedSpeech(text: string, sentence: Range, speakers: SpeakerMention[]): ReportedSpeech | null {
  const end = clauseEnd(text, sentence);
  const inSentence = speakers.filter((s) => s.start >= sentence.start && s.end <= end);
  return (
    accordingToFirst(text, sentence, end, inSentence) ??
    nominal(text, sentence, end, inSentence) ??
    parenthetical(text, sentence, end, inSentence) ??
    leadingAttribution(text, sentence, end, inSentence) ??
    trailingAttribution(text, sentence, end, inSentence) ??
    participle(text, sentence, end, inSentence) ??
    describedSpeaker(text, sentence, end, inSentence)
  );
}

/** "According to him, there are …" */
function accordingToFirst(text: string, s: Range, end: number, speakers: SpeakerMention[]): ReportedSpeech | null {
  const speaker = accordingTo(text, s.start, speakers);
  if (!speaker) return null;
  // "According to him, …", "According to the forum's final communiqué, …", "According to Daniel
  // Marsh of the Meridian Institute, …"; a relative clause after the speaker belongs to neither
  // ("According to union chairman X, whose union called the walkout, the blockade …").
  const comma =
    /^(?:(?:’s|'s)\s+[\p{L} -]{1,40}?|\s+(?:of|at|from|with)\s+[^,;"“”«»]{2,80}?)?\s*,\s*(?:(?:who|whose|which)\b[^,;"“”«»]{1,120},\s*)?/u.exec(
      text.slice(speaker.end),
    );
  if (!comma) return null;
  const start = speaker.end + comma[0].length;
  if (start >= end) return null;
  const attributionEnd = speaker.end + (/^[^,]*/.exec(comma[0])?.[0].trimEnd().length ?? 0);
  return {
    text: { start, end },
    attribution: { start: s.start, end: attributionEnd },
    speaker,
    rule: 'reported-according-to',
  };
}

const NOMINAL =
  /\b(?:an?|the|its|his|her|their)\s+(?:[\p{L}-]+\s+)?(?:warning|statement|claim|call|appeal|assurance|pledge|promise|reminder|suggestion|announcement|message)\s+(?:from|by)\s+/gu;

/** "… with a warning from its founder, Nino Abashidze, that rail links …" */
function nominal(text: string, s: Range, end: number, speakers: SpeakerMention[]): ReportedSpeech | null {
  for (const m of text.slice(s.start, end).matchAll(NOMINAL)) {
    const after = s.start + m.index + m[0].length;
    const speaker = speakers.find((x) => x.phraseStart === after || x.start === after);
    if (!speaker) continue;
    const that = /^\s*,?\s+that\s+/.exec(text.slice(speaker.end));
    if (!that) continue;
    const start = speaker.end + that[0].length;
    const attribution = { start: s.start + m.index, end: speaker.end + that[0].trimEnd().length };
    return { text: { start, end }, attribution, speaker, rule: 'reported-nominal' };
  }
  // "The union opened its congress on Tuesday with a warning that …": the subject's own warning.
  const own = NOMINAL_OWN.exec(text.slice(s.start, end));
  if (!own) return null;
  const at = s.start + own.index;
  const subject = speakers.find((x) => x.end <= at && OPENER.test(text.slice(s.start, x.phraseStart)));
  if (!subject || /[“”"«»]/u.test(text.slice(subject.end, at))) return null;
  const start = at + own[0].length;
  if (start >= end) return null;
  return {
    text: { start, end },
    attribution: { start: at + own[0].search(/\b(?:an?|its|their)\s/u), end: at + own[0].trimEnd().length },
    speaker: subject,
    rule: 'reported-nominal-own',
  };
}

const NOMINAL_OWN =
  /\s(?:with|in|issuing|giving)\s+(?:an?|its|their)\s+(?:[\p{L}-]+\s+)?(?:warning|statement|claim|call|appeal|assurance|pledge|promise|reminder|announcement|message)\s+that\s+/u;

/** "Law and order, Kazakh authorities affirm, was restored …": the attribution inside the clause. */
function parenthetical(text: string, s: Range, end: number, speakers: SpeakerMention[]): ReportedSpeech | null {
  for (const speaker of speakers) {
    const before = text.slice(s.start, speaker.phraseStart);
    if (!/,\s+$/.test(before) || before.trim().length < 3) continue;
    const attribution = findAttribution(text, speaker.phraseStart, end, [speaker]);
    if (!attribution || attribution.inverted) continue;
    // "…, X affirm, was restored": the clause goes on; not "…, X said, closing the dispute" (an adjunct).
    const rest = text.slice(attribution.verb.end, end);
    if (!/^,\s+\p{Ll}/u.test(rest) || /^,\s+\p{Ll}+ing\b/u.test(rest)) continue;
    return {
      text: { start: s.start, end },
      attribution: { start: speaker.phraseStart, end: attribution.verb.end },
      speaker,
      rule: 'reported-parenthetical',
    };
  }
  return null;
}

/** "President of Belarus Alexander Lukashenko said that …", "Lukashenko believes it necessary …" */
function leadingAttribution(text: string, s: Range, end: number, speakers: SpeakerMention[]): ReportedSpeech | null {
  const attribution = findAttribution(text, s.start, end, speakers);
  if (!attribution || attribution.inverted) return null;
  const { speaker, verb } = attribution;
  // "…, and the authority said it did not expect …": a second clause of its own.
  const before = text.slice(s.start, speaker.phraseStart);
  if (!OPENER.test(before) && !/(?:,\s+(?:and|but|while|whereas)|;)\s+$/u.test(before)) return null;
  const phraseStart = speaker.phraseStart;
  const rest = text.slice(verb.end, end);
  const verbWords = text.slice(verb.start, verb.end);
  const verbWord = verbWords.split(/\s+/).at(-1) ?? '';
  const reported = (start: number, attributionEnd: number, rule: string): ReportedSpeech | null => {
    if (start >= end) return null;
    const { text: words, context } = withoutCircumstance(text, { start, end });
    return {
      text: words,
      attribution: { start: phraseStart, end: attributionEnd },
      speaker,
      rule,
      ...(context ? { context } : {}),
    };
  };
  // "called on both sides to return to talks", "urged governments to act": the appeal is the words.
  if (/\b(?:called on|calls on|urged|urges)$/.test(verbWords)) {
    const appeal = /^\s+(?=[^,;"“”«»]{1,80}?\s+to\s+\p{Ll})/u.exec(rest);
    return appeal ? reported(verb.end + appeal[0].length, verb.end, 'reported-appeal') : null;
  }
  const that = THAT.exec(rest);
  if (that) {
    const thatEnd = verb.end + that[0].trimEnd().replace(/\s*,$/, '').length;
    return reported(verb.end + that[0].length, thatEnd, 'reported-that-clause');
  }
  // "told delegates the mediation …", "told Testwire prices …": the addressee, then the clause.
  const told = /^(?:told|tells)$/.test(verbWord)
    ? new RegExp(`^(\\s+${ADDRESSEE})\\s+(?=${CLAUSE_OPENING.source})`, 'u').exec(rest)
    : null;
  // "said on Tuesday the blockade …": a time or a medium, then the clause.
  const adjunct = /^(?:said|says)$/.test(verbWord) ? SAID_ADJUNCT.exec(rest) : null;
  const lead = told ?? adjunct;
  if (lead) {
    const start = verb.end + lead[0].length;
    if (end - start >= 12) return reported(start, verb.end + (lead[1] as string).length, 'reported-clause');
  }
  const clause = /^\s+/.exec(rest);
  if (!clause || !(BELIEF_VERBS.has(verbWord) || /^(?:said|says)$/.test(verbWord))) return null;
  const start = verb.end + clause[0].length;
  if (!opensClause(text.slice(start, end)) || end - start < 12) return null;
  return reported(start, verb.end, 'reported-clause');
}

/** Who was told: "reporters", "delegates", "the opening session", "Testwire", "a news conference". */
const ADDRESSEE = "(?:(?:the|a|an|its|his|her|their)\\s+)?(?:[\\p{L}’'-]+\\s+){0,2}?[\\p{L}’'-]+";
/** How a reported clause without "that" opens: a determiner or a pronoun (a capital alone is too often the addressee's). */
const CLAUSE_OPENING =
  /(?:[Ii]t|[Tt]he|[Aa]n?|[Tt]here|[Tt]his|[Tt]hese|[Tt]hose|[Tt]hey|[Hh]e|[Ss]he|[Ww]e|I|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Nn]o|[Aa]ll|[Bb]oth|[Ss]ome|[Mm]any)\s/u;
const SAID_ADJUNCT = new RegExp(
  `^(\\s+(?:on|in|at|late|early|earlier|later)\\s+(?:(?:a|an|the|its|his|her|their)\\s+)?[\\p{L}\\d’'-]+(?:\\s+[\\p{L}\\d’'-]+)?)\\s+(?=${CLAUSE_OPENING.source})`,
  'u',
);

/** "…, the minister said.", "…, warns Lukashenko", "…, according to the ministry." */
function trailingAttribution(text: string, s: Range, end: number, speakers: SpeakerMention[]): ReportedSpeech | null {
  const segment = text.slice(s.start, end);
  for (let comma = segment.lastIndexOf(','); comma > 0; comma = segment.lastIndexOf(',', comma - 1)) {
    const from = s.start + comma + 1 + (/^\s*/.exec(segment.slice(comma + 1))?.[0].length ?? 0);
    const according = accordingTo(text, from, speakers);
    // "…, according to the port’s operator, North Ustin Stevedoring."
    if (according && /^(?:\s*,\s+[\p{L}\d’' -]+|[\s\p{L}\d’'-]*)$/u.test(text.slice(according.end, end))) {
      return {
        text: { start: s.start, end: s.start + comma },
        attribution: { start: from, end },
        speaker: according,
        rule: 'reported-according-to-after',
      };
    }
    const attribution = findAttribution(text, from, end, speakers);
    if (!attribution) continue;
    const phrase = attribution.inverted ? attribution.verb.start : attribution.speaker.phraseStart;
    if (phrase < from || !/^(?:the\s+)?$/i.test(text.slice(from, phrase))) continue;
    // Nothing but adjuncts may follow: "…, Lukashenko said on Monday at the session."
    if (/\bthat\b/.test(text.slice(attribution.verb.end, end))) continue;
    // "…, the company said on Wednesday, after a landslide closed the line last week.": the
    // circumstance is the reporter's, and its countries count for what the words are about.
    const { text: said, context } = withoutCircumstance(text, { start: from, end });
    return {
      text: { start: s.start, end: s.start + comma },
      attribution: said,
      speaker: attribution.speaker,
      rule: 'reported-attribution-after',
      ...(context ? { context } : {}),
    };
  }
  return null;
}

const PARTICIPLE = /,\s+((?:warning|adding|saying|noting|stressing|arguing|insisting|explaining|claiming)\s+that)\s+/u;

/** "The GIA … on Wednesday called on governments to act, warning that measles cases had tripled." */
function participle(text: string, s: Range, end: number, speakers: SpeakerMention[]): ReportedSpeech | null {
  const words = text.slice(s.start, end);
  const m = PARTICIPLE.exec(words) ?? participleWithoutThat(words);
  if (!m) return null;
  const at = s.start + m.index;
  // The subject: a speaker the sentence opens with, or one it only describes ("A Geneva-based
  // alliance of seed banks asked donors …, saying …"): the placeholder stands in, flagged.
  const subject =
    speakers.find((x) => x.end <= at && OPENER.test(text.slice(s.start, x.phraseStart))) ??
    describedSubject(text, s, at);
  if (!subject) return null;
  const verbStart = at + m[0].indexOf(m[1] as string);
  const start = at + m[0].length;
  if (start >= end) return null;
  return {
    text: { start, end },
    attribution: { start: verbStart, end: verbStart + (m[1] as string).length },
    speaker: subject,
    rule: 'reported-participle',
  };
}

/** ", saying thousands of samples could be lost": a participle of saying before a clause of its own. */
function participleWithoutThat(words: string): RegExpExecArray | null {
  const m = /,\s+((?:saying|warning|arguing|insisting|claiming))\s+(?!that\b)/u.exec(words);
  return m && opensClause(words.slice(m.index + m[0].length)) ? m : null;
}

/** "A Geneva-based alliance of seed banks …": a sentence that opens by describing its subject. */
function describedSubject(text: string, s: Range, before: number): SpeakerMention | null {
  const m = /^(?:[Tt]he|[Aa]n?)\s+(?:[\p{L}’'-]+\s+){0,6}?(?:[\p{L}’'-]+)(?=\s+\p{Ll}+(?:ed|s)\b)/u.exec(
    text.slice(s.start, before),
  );
  if (!m) return null;
  return {
    start: s.start,
    end: s.start + m[0].length,
    ref: { organization: DESCRIBED_SPEAKER },
    phraseStart: s.start,
    via: 'organization',
    flag: `the speaker is described, not named ("${m[0]}"): who is it?`,
  };
}

/**
 * "The builder of a North Sea wind farm insisted on Friday that …": a speaker the sentence
 * describes without naming. The words are proposed with the placeholder speaker (flagged), so
 * that the curator names who it is rather than retyping the clause.
 */
const DESCRIBED =
  /^((?:[Tt]he|[Aa]n?)\s+[^,;:"“”«»]{2,60}?)\s+((?:has\s+|have\s+|also\s+)?(?:said|says|insisted|insists|warned|warns|announced|argued|argues|claimed|claims|stated|told\s+[\p{L}’'-]+))(?:\s+(?:on|in|at|late|early)\s+[\p{L}\d’' -]{1,30}?)?\s+that\s+/u;

function describedSpeaker(text: string, s: Range, end: number, speakers: SpeakerMention[]): ReportedSpeech | null {
  const m = DESCRIBED.exec(text.slice(s.start, end));
  if (!m) return null;
  const subject = { start: s.start, end: s.start + (m[1] as string).length };
  if (speakers.some((x) => x.start < subject.end && subject.start < x.end)) return null;
  const start = s.start + m[0].length;
  if (start >= end) return null;
  const { text: words, context } = withoutCircumstance(text, { start, end });
  const speaker: SpeakerMention = {
    ...subject,
    ref: { organization: DESCRIBED_SPEAKER },
    phraseStart: subject.start,
    via: 'organization',
    flag: `the speaker is described, not named ("${m[1]}"): who is it?`,
  };
  return {
    text: words,
    attribution: { start: s.start, end: s.start + m[0].trimEnd().length },
    speaker,
    rule: 'reported-described-speaker',
    ...(context ? { context } : {}),
  };
}
