/**
 * Runs of capitalised words that may be a person's name ("Kassym-Jomart Tokayev", "Anna de
 * la Cruz"), read from the tokens. Words that are something else (months, role words,
 * organisation heads, country names, all-capital acronyms) break a run.
 */
import { MONTHS, WEEKDAYS } from './calendar.js';
import { isRoleWord } from './roles.js';
import type { ArticleText, Token } from './text.js';
import type { Range } from './types.js';

export interface NameRun extends Range {
  text: string;
  /** The words of the name, without particles' case changed. */
  words: string[];
}

const PARTICLES = new Set([
  'bin',
  'ibn',
  'al',
  'el',
  'de',
  'da',
  'di',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'dos',
  'das',
  'du',
  'ter',
  'zu',
]);
/** Heads and words of organisation, place and event names: a run holding one is not a person. */
export const NON_PERSON_WORDS = new Set(
  (
    'Organization Organisation Council Committee Commission Ministry Parliament Assembly Agency Union Bank Fund Party ' +
    'Office Service Department Court Institute University Federation Forces Army Navy Guard Front Movement Group ' +
    'Association Alliance Coalition Bloc Company Corporation Center Centre Foundation Secretariat Senate Duma Cabinet ' +
    'Government Presidency Embassy Kremlin Treaty Security Collective Republic Kingdom State States United Nations ' +
    'Asia Europe Africa America Sea Ocean River Lake Mountains Street Square City Region Province Oblast District ' +
    'North South East West Central Eastern Western Northern Southern Post Soviet News Daily Times Post Telegram ' +
    'Forum Network Initiative Consortium Society League Board Authority Chamber Cooperative Partnership Observatory Academy Facebook Twitter YouTube Instagram Day Week Year Cup Games Summit Forum Conference Session Airport Station ' +
    'Bridge Palace House Hall Plaza Avenue Road Mr Mrs Ms Dr Sir Madam Synthetic Article God Allah Christmas Easter ' +
    'Ramadan Internet Covid COVID Islamic International National Democratic People Peoples Liberation Socialist ' +
    'Communist Green Labour Labor Conservative Liberal Reuters Press Media Television Radio TV Olympic Olympics'
  ).split(' '),
);
const FUNCTION_WORDS = new Set(
  (
    'The A An In On At By For From To Of And But Or If As It Its He She They We I You This That These Those There Here ' +
    'According After Before During While When Where Why How What Who Which Since Until Unlike Like Both Neither ' +
    'Subsequently Meanwhile However Also Then Now Today Yesterday Earlier Later Law Order Protests Residents'
  ).split(' '),
);
const CALENDAR = new Set<string>([...MONTHS, ...WEEKDAYS]);

const capitalised = (t: string) => /^\p{Lu}[\p{L}’'.-]*$/u.test(t) && !/^\p{Lu}{2,}$/u.test(t.replace(/[.’'-]/g, ''));

function nameWord(token: Token, countries: Range[]): boolean {
  if (!capitalised(token.text) || CALENDAR.has(token.text) || isRoleWord(token.text)) return false;
  if (NON_PERSON_WORDS.has(token.text) || FUNCTION_WORDS.has(token.text)) return false;
  return !countries.some((c) => c.start < token.end && token.start < c.end);
}

/** Tokens from..to (inclusive) separated by single spaces only. */
function spaced(text: string, tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (text.slice((tokens[k] as Token).end, (tokens[k + 1] as Token).start) !== ' ') return false;
  }
  return true;
}

/** Every maximal run of name words, joined by particles or nothing else (not even a comma). */
export function findNameRuns(article: ArticleText, countries: Range[]): NameRun[] {
  const runs: NameRun[] = [];
  const { text } = article;
  const tokens = article.tokens.filter((t) => t.end > t.start);
  let i = 0;
  while (i < tokens.length) {
    if (!nameWord(tokens[i] as Token, countries)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const token = tokens[j] as Token;
      const gap = text.slice((tokens[j - 1] as Token).end, token.start);
      if (gap !== ' ' && gap !== '') break;
      const next = tokens[j + 1];
      if (nameWord(token, countries)) j++;
      // "Kassym-Jomart": the model splits a hyphenated name into three tokens.
      else if (token.text === '-' && gap === '' && next && next.start === token.end && nameWord(next, countries))
        j += 2;
      else if (PARTICLES.has(token.text)) {
        // "van der Berg", "de la Cruz": particles, one after another, then a name word.
        let k = j;
        while (k < tokens.length && PARTICLES.has((tokens[k] as Token).text) && k - j < 3) k++;
        const after = tokens[k];
        if (k > j && after && nameWord(after, countries) && spaced(text, tokens, j, k)) j = k + 1;
        else break;
      } else break;
    }
    // A run ending in a particle is not a name; a trailing possessive "’s" is not part of it.
    const first = tokens[i] as Token;
    const last = tokens[j - 1] as Token;
    const words = text.slice(first.start, last.end).split(' ');
    runs.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), words });
    i = j;
  }
  return runs;
}
