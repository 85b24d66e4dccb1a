/**
 * Tokens, sentences and paragraphs with exact offsets, from wink-nlp's English light model
 * (shipped in an npm package: nothing is downloaded at run time). wink's tokenisation is
 * lossless, so each token's offset is the sum of the text and spaces before it.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemSentence } from 'wink-nlp';
import { findQuotations } from '../text/quotes.js';
import type { Range } from './types.js';

export interface Token extends Range {
  text: string;
  /** Universal part-of-speech tag (PROPN, NOUN, VERB, PRON…). */
  pos: string;
}

export interface Sentence extends Range {
  /** Index of its first token and one past its last, in ArticleText.tokens. */
  firstToken: number;
  endToken: number;
}

export interface ArticleText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  paragraphs: Range[];
}

// Sentence boundaries and part-of-speech tags only: negation, sentiment and the model's
// entity recogniser (which knows dates and numbers, not names) are not needed here.
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

export function analyzeText(text: string): ArticleText {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let offset = 0;
  for (const [i, value] of values.entries()) {
    offset += (spaces[i] ?? '').length;
    // Lossless in practice; if the model ever normalised a token, find it where it really is.
    const at = text.startsWith(value, offset) ? offset : text.indexOf(value, offset);
    const start = at >= 0 ? at : offset;
    tokens.push({ start, end: start + value.length, text: value, pos: tags[i] ?? 'X' });
    offset = start + value.length;
  }
  mergeSplitWords(tokens, text);
  const raw: Sentence[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    const from = firstWordToken(tokens, first, last);
    if (from > last) return;
    const to = lastWordToken(tokens, first, last);
    raw.push({
      start: (tokens[from] as Token).start,
      end: (tokens[to] as Token).end,
      firstToken: from,
      endToken: to + 1,
    });
  });
  return {
    text,
    tokens,
    sentences: splitAtParagraphs(mergeInsideQuotations(raw, text), text, tokens),
    paragraphs: paragraphsOf(text),
  };
}

/**
 * The model splits words at letters outside its alphabet ("Wi" "ś" "niewska"): tokens that touch
 * with a letter on each side are one word. Token indices are kept (the merged ones become
 * empty), so sentence spans from the model stay valid.
 */
function mergeSplitWords(tokens: Token[], text: string) {
  const letter = /\p{L}/u;
  for (let i = tokens.length - 1; i > 0; i--) {
    const a = tokens[i - 1] as Token;
    const b = tokens[i] as Token;
    if (
      a.end !== b.start ||
      b.end === b.start ||
      !letter.test(text[a.end - 1] ?? '') ||
      !letter.test(text[b.start] ?? '')
    )
      continue;
    const pos = a.pos === 'X' ? b.pos : a.pos;
    tokens[i - 1] = { start: a.start, end: b.end, text: text.slice(a.start, b.end), pos };
    tokens[i] = { start: b.end, end: b.end, text: '', pos: 'SPACE' };
  }
}

const isBlank = (token: Token) => token.pos === 'SPACE' || token.text.trim() === '';

function firstWordToken(tokens: Token[], first: number, last: number): number {
  let i = first;
  while (i <= last && isBlank(tokens[i] as Token)) i++;
  return i;
}

function lastWordToken(tokens: Token[], first: number, last: number): number {
  let i = last;
  while (i > first && isBlank(tokens[i] as Token)) i--;
  return i;
}

/**
 * A quotation of several sentences ("… Uzbekistan. If these lessons …,” he said) is one unit
 * for attribution: sentence boundaries that fall inside a quotation are dropped.
 */
function mergeInsideQuotations(sentences: Sentence[], text: string): Sentence[] {
  const quotations = findQuotations(text).filter((q) => !q.nested);
  const merged: Sentence[] = [];
  for (const sentence of sentences) {
    const previous = merged.at(-1);
    const inside =
      previous && quotations.some((q) => q.open < previous.end && sentence.start < q.close && q.close > previous.end);
    if (previous && inside && !text.slice(previous.end, sentence.start).includes('\n')) {
      merged[merged.length - 1] = { ...previous, end: sentence.end, endToken: sentence.endToken };
    } else merged.push(sentence);
  }
  return merged;
}

/** Paragraphs (lines) always end sentences, whatever the model thought of a headline without a stop. */
function splitAtParagraphs(sentences: Sentence[], text: string, tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  for (const sentence of sentences) {
    let from = sentence.firstToken;
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const token = tokens[i] as Token;
      if (isBlank(token) && token.text.includes('\n')) {
        if (i > from) out.push(slice(tokens, from, i));
        from = i + 1;
      }
    }
    if (from < sentence.endToken) out.push(slice(tokens, from, sentence.endToken));
  }
  return out.filter((s) => text.slice(s.start, s.end).trim() !== '');
}

function slice(tokens: Token[], from: number, to: number): Sentence {
  let a = from;
  let b = to - 1;
  while (a < b && isBlank(tokens[a] as Token)) a++;
  while (b > a && isBlank(tokens[b] as Token)) b--;
  return { start: (tokens[a] as Token).start, end: (tokens[b] as Token).end, firstToken: a, endToken: b + 1 };
}

function paragraphsOf(text: string): Range[] {
  const out: Range[] = [];
  const line = /[^\n]+/g;
  for (const match of text.matchAll(line)) {
    const value = match[0];
    const lead = value.length - value.trimStart().length;
    const trimmed = value.trim();
    if (trimmed) out.push({ start: match.index + lead, end: match.index + lead + trimmed.length });
  }
  return out;
}

/** The tokens of a range, for rules that look at words. */
export function tokensIn(article: ArticleText, range: Range): Token[] {
  return article.tokens.filter((t) => t.start >= range.start && t.end <= range.end && !isBlank(t));
}

/** The sentence holding an offset. */
export function sentenceAt(article: ArticleText, offset: number): Sentence | undefined {
  return article.sentences.find((s) => s.start <= offset && offset < s.end);
}
