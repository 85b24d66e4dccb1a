/**
 * Direct quotations in news text, in every quotation style agencies use: "…", “…”, ‘…’, '…',
 * «…», „…“ (and „…”), without mistaking apostrophes (aren’t, terrorists’, the ’90s) for
 * quotation marks. The annotation validator requires every quotation found here to be
 * covered by a statement; the drafting assistant proposes a statement for each.
 *
 * Offsets are UTF-16 code units, as everywhere in the annotation format.
 */

export interface Quotation {
  /** Offsets of the words inside the marks: [start, end). */
  start: number;
  end: number;
  text: string;
  /** Offsets of the marks themselves: the opening mark is at open, the closing one at close - 1. */
  open: number;
  close: number;
  /** The opening and closing marks, e.g. "“" and "”". */
  marks: string;
  /** Inside another quotation ("He said: ‘no’ to them"). */
  nested: boolean;
}

type Family = 'double' | 'single' | 'guillemet' | 'low';

interface Opener {
  family: Family;
  char: string;
  at: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
/** Characters after which an opening mark may stand besides white space. */
const OPEN_CONTEXT = /[([{\u2014\u2013\-/:;"“«„‘'—]/u;

const isWordChar = (c: string | undefined) => c !== undefined && LETTER_OR_DIGIT.test(c);
const isSpace = (c: string | undefined) => c === undefined || SPACE.test(c);
const canOpenAfter = (c: string | undefined) => isSpace(c) || OPEN_CONTEXT.test(c as string);
const canCloseBefore = (c: string | undefined) => isSpace(c) || /[.,;:!?)\]}\u2014\u2013\-"”»“’'…]/u.test(c as string);

/** The closing marks that end a quotation opened with `opener`. */
function closes(opener: Opener, char: string): boolean {
  switch (opener.family) {
    case 'double':
      return opener.char === '"' ? char === '"' : char === '”' || char === '"';
    case 'single':
      return char === '’' || (opener.char === "'" && char === "'");
    case 'guillemet':
      return char === '»';
    case 'low':
      return char === '“' || char === '”';
  }
}

/**
 * Scans one paragraph at a time (a quotation that runs over a paragraph break is reopened,
 * by newspaper convention, and an unclosed one is not reported). Straight marks open when
 * they follow white space or opening punctuation and precede a non-space, and close
 * otherwise; a single mark between two letters is always an apostrophe, and one after a
 * letter closes only a quotation that a single mark opened.
 */
export function findQuotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  const stack: Opener[] = [];
  const emit = (opener: Opener, closeAt: number) => {
    const start = opener.at + 1;
    if (closeAt <= start) return;
    found.push({
      start,
      end: closeAt,
      text: text.slice(start, closeAt),
      open: opener.at,
      close: closeAt + 1,
      marks: opener.char + text[closeAt],
      nested: stack.length > 0,
    });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const before = i > 0 ? text[i - 1] : undefined;
    const after = text[i + 1];
    if (c === '\n') {
      stack.length = 0;
      continue;
    }
    const top = stack.at(-1);
    const closingIndex = findOpenerIndex(stack, c);
    switch (c) {
      case '“':
        // „…“ (German style) closes with “; otherwise “ opens.
        if (closingIndex >= 0 && stack[closingIndex]?.family === 'low') closeAt(stack, closingIndex, i, emit);
        else stack.push({ family: 'double', char: c, at: i });
        break;
      case '„':
        stack.push({ family: 'low', char: c, at: i });
        break;
      case '«':
        stack.push({ family: 'guillemet', char: c, at: i });
        break;
      case '”':
      case '»':
        if (closingIndex >= 0) closeAt(stack, closingIndex, i, emit);
        break;
      case '"': {
        const opens = canOpenAfter(before) && !isSpace(after);
        if (top?.char === '"' && !isSpace(before)) closeAt(stack, stack.length - 1, i, emit);
        else if (closingIndex >= 0 && !opens) closeAt(stack, closingIndex, i, emit);
        else if (opens) stack.push({ family: 'double', char: c, at: i });
        break;
      }
      case '‘':
      case "'":
      case '’': {
        if (isWordChar(before) && isWordChar(after)) break; // aren’t, country's: an apostrophe
        const opens = c !== '’' && canOpenAfter(before) && !isSpace(after) && !/\d/.test(after ?? '');
        if (!opens && closingIndex >= 0 && stack[closingIndex]?.family === 'single' && canCloseBefore(after)) {
          closeAt(stack, closingIndex, i, emit);
        } else if (opens) {
          stack.push({ family: 'single', char: c, at: i });
        }
        // Anything else (terrorists’ with no quotation open, the ’90s) is an apostrophe.
        break;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The innermost open quotation that `char` can close, or -1. */
function findOpenerIndex(stack: readonly Opener[], char: string): number {
  for (let k = stack.length - 1; k >= 0; k--) {
    if (closes(stack[k] as Opener, char)) return k;
  }
  return -1;
}

/** Closes the quotation at `index` (dropping unclosed ones opened inside it) at offset `at`. */
function closeAt(stack: Opener[], index: number, at: number, emit: (opener: Opener, closeAt: number) => void) {
  const opener = stack[index] as Opener;
  stack.length = index;
  emit(opener, at);
}

/** The quotations that are not inside another one: the ones a statement must cover. */
export function findDirectQuotations(text: string): Quotation[] {
  return findQuotations(text).filter((q) => !q.nested);
}
