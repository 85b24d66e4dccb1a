/**
 * The parts of a wire report before its body: an optional section label ("All news"), the
 * headline, an optional standfirst (subtitle) and the dateline ("MINSK, January 10. /TASS/.",
 * "ALMATY, Jan 5 (Reuters) -", "GENEVA (AP) —"). The dateline names the agency, which is
 * the article's source when the caller does not say.
 */
import type { Range } from './types.js';

export interface Layout {
  title: Range | null;
  subtitle: Range | null;
  dateline: Range | null;
  /** The agency the dateline names ("TASS", "Reuters"), if any, and where. */
  agency: (Range & { name: string }) | null;
  /**
   * The place the dateline names ("TAMIR BAY" in "TAMIR BAY, Kazakhstan, 1 March (…)"), with the
   * region or country written after it, if any: a place, never a person.
   */
  place: (Range & { name: string; region: (Range & { name: string }) | null }) | null;
  /** Offset where the report's body starts (after the dateline). */
  bodyStart: number;
  /** Lines skipped before the headline, such as the synthetic label or a section name. */
  skipped: Range[];
}

export const SYNTHETIC_LABEL = 'SYNTHETIC TEST ARTICLE — not news';

const MONTH =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
/** "January 10", "Jan 5", "8 October", with an optional year. */
const DAY_MONTH = `(?:${MONTH}\\s\\d{1,2}|\\d{1,2}\\s${MONTH})(?:,?\\s\\d{4})?`;
/** A dateline place in capitals ("TAMIR BAY"), then an optional region or country ("Kazakhstan", "Türkiye"). */
const PLACE = "[A-Z][A-Z.'’\\- ]*[A-Z.](?:,\\s\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+)*)*";
/** Before an agency in parentheses the place may be written in ordinary case ("Hamburg, 4 March 2023 (…) –"). */
const ANY_CASE_PLACE = "\\p{Lu}[\\p{L}.'’\\- ]*[\\p{L}.](?:,\\s\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+)*)*";
/** An agency's name in parentheses: "(Reuters)", "(Transcaspian Press Agency)". */
const AGENCY = "[A-Za-z][A-Za-z .&'’-]{0,40}[A-Za-z.]";
/** Datelines as agencies print them; group "agency" names the agency. */
const DATELINES = [
  // TASS: "MINSK, January 10. /TASS/."
  new RegExp(`^(?<place>${PLACE}),\\s${DAY_MONTH}\\.\\s*/(?<agency>[A-Za-z-]+)/\\.`, 'u'),
  // Reuters, AFP, AP: "ALMATY, Jan 5 (Reuters) -", "GENEVA (AP) —", "PARIS, March 3, 2024 (AFP) –"
  new RegExp(`^(?<place>${ANY_CASE_PLACE})(?:,\\s${DAY_MONTH})?\\s\\((?<agency>${AGENCY})\\)\\s[-—–]`, 'u'),
  // No agency: "ALMATY, January 5 —" or "ALMATY, January 5."
  new RegExp(`^(?<place>${PLACE}),\\s${DAY_MONTH}\\s?(?:[-—–]|\\.)`, 'u'),
];

export function findLayout(text: string, paragraphs: Range[]): Layout {
  const skipped: Range[] = [];
  let i = 0;
  // The synthetic label and section names ("All news", "World") are not the headline.
  while (i < paragraphs.length - 1) {
    const p = paragraphs[i] as Range;
    const line = text.slice(p.start, p.end);
    if (line !== SYNTHETIC_LABEL && line.split(/\s+/).length > 2) break;
    skipped.push(p);
    i++;
  }
  const datelineIndex = paragraphs.findIndex(
    (p, k) => k >= i && DATELINES.some((re) => re.test(text.slice(p.start, p.end))),
  );
  const title = paragraphs[i] && i !== datelineIndex ? (paragraphs[i] as Range) : null;
  const between = datelineIndex > i + 1 ? paragraphs[i + 1] : undefined;
  const subtitle = between && datelineIndex === i + 2 ? between : null;
  if (datelineIndex < 0)
    return {
      title,
      subtitle: null,
      dateline: null,
      agency: null,
      place: null,
      bodyStart: title ? title.end : 0,
      skipped,
    };
  const p = paragraphs[datelineIndex] as Range;
  const line = text.slice(p.start, p.end);
  for (const re of DATELINES) {
    const match = re.exec(line);
    if (!match) continue;
    const dateline = { start: p.start, end: p.start + match[0].replace(/\s*[-—–]$/u, '').length };
    const name = match.groups?.agency;
    const marked = name ? Math.max(line.indexOf(`(${name})`), line.indexOf(`/${name}/`)) : -1;
    const agency =
      name && marked >= 0 ? { name, start: p.start + marked + 1, end: p.start + marked + 1 + name.length } : null;
    const bodyStart = p.start + match[0].length;
    return {
      title,
      subtitle,
      dateline,
      agency,
      place: placeOf(match.groups?.place ?? '', p.start),
      bodyStart,
      skipped,
    };
  }
  return { title, subtitle, dateline: null, agency: null, place: null, bodyStart: p.start, skipped };
}

/** "TAMIR BAY, Kazakhstan" at `offset`: the place and the region after its comma. */
function placeOf(words: string, offset: number): Layout['place'] {
  if (!words) return null;
  const comma = words.indexOf(', ');
  const name = comma < 0 ? words : words.slice(0, comma);
  const region = comma < 0 ? null : words.slice(comma + 2).split(', ')[0];
  return {
    start: offset,
    end: offset + name.length,
    name,
    region: region ? { start: offset + comma + 2, end: offset + comma + 2 + region.length, name: region } : null,
  };
}
