import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDirectQuotations, findQuotations } from '../../src/text/quotes.js';

const inner = (text: string) => findDirectQuotations(text).map((q) => q.text);

describe('findQuotations', () => {
  it.each([
    ['straight double', 'He said "we will stay" and left.', ['we will stay']],
    ['curly double', 'He said “we will stay” and left.', ['we will stay']],
    ['curly single', 'He called it ‘a grave mistake’, adding more.', ['a grave mistake']],
    ['straight single', "He called it 'a grave mistake', adding more.", ['a grave mistake']],
    ['guillemets', 'Il a dit «nous resterons» hier.', ['nous resterons']],
    ['low-high German', 'Er sagte „wir bleiben“ gestern.', ['wir bleiben']],
    ['low with right double', 'Er sagte „wir bleiben” gestern.', ['wir bleiben']],
    ['at the start of a paragraph', '"Order is restored," the minister said.', ['Order is restored,']],
    ['two in a row', 'impossible "to overcome" "just within it."', ['to overcome', 'just within it.']],
  ])('finds %s quotations', (_name, text, expected) => {
    expect(inner(text)).toEqual(expected);
  });

  it.each([
    ['contraction', 'Lessons aren’t learned.'],
    ['possessive', 'the country’s regions'],
    ['plural possessive with no quotation open', 'their (the terrorists’ - TASS) sights'],
    ['straight apostrophes', "It isn't the Kazakhs' fault."],
    ['decade', "since the ’90s and the '80s"],
  ])('does not take a %s for a quotation', (_name, text) => {
    expect(findQuotations(text)).toEqual([]);
  });

  it('keeps apostrophes inside a quotation and reports exact offsets', () => {
    const text = 'X said: "the terrorists’ sights aren’t set," and left.';
    const [q] = findDirectQuotations(text);
    expect(q?.text).toBe('the terrorists’ sights aren’t set,');
    expect(text.slice(q?.start, q?.end)).toBe(q?.text);
    expect(text.slice(q?.open, q?.close)).toBe('"the terrorists’ sights aren’t set,"');
  });

  it('marks quotations inside quotations as nested', () => {
    const found = findQuotations('She said: “they told us ‘leave now’ and we did.”');
    expect(found.map((q) => [q.text, q.nested])).toEqual([
      ['they told us ‘leave now’ and we did.', false],
      ['leave now', true],
    ]);
  });

  it('does not carry an unclosed quotation over a paragraph break', () => {
    expect(inner('He said "we will\n\nNext paragraph" here.')).toEqual([]);
  });

  it('finds every quotation of the seed article, and only those', () => {
    const text = readFileSync(
      new URL('../../seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan/article.txt', import.meta.url),
      'utf8',
    );
    expect(inner(text)).toEqual([
      'too many people who want to undermine the situation',
      expect.stringMatching(/^The lessons .* set on Uzbekistan,$/),
      'too many people who want to undermine the situation',
      'Afghanistan has been added to this list quite recently,',
      'to overcome negative tendencies',
      'just within Kazakhstan.',
      expect.stringMatching(/^I am absolutely convinced .* post-Soviet period,$/),
    ]);
  });
});
