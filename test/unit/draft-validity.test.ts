/**
 * Every draft passes the format's own validator: on every article the repository has (the
 * seed, the synthetic dev articles, the formerly held-out curated articles, the held-out ones when present) and on texts
 * made to break rules (no headline, no dateline, unattributed and scare quotes, characters
 * outside the BMP before every span, paragraphs shuffled).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAnnotation } from '../../src/annotations/validate.js';
import { draftArticle } from '../../src/draft/index.js';

const folders = ['seed/articles', 'test/fixtures/draft-dev', 'test/fixtures/articles', 'test/fixtures/heldout'];
const articles = folders.flatMap((folder) =>
  existsSync(folder)
    ? readdirSync(folder)
        .filter((d) => existsSync(join(folder, d, 'annotations.json')))
        .map((d) => join(folder, d))
    : [],
);

function expectValid(text: string, publishedOn: string, source?: string) {
  const draft = draftArticle({ text, publishedOn, source: source ?? null });
  const result = validateAnnotation(structuredClone(draft.document), text);
  expect(result.ok ? [] : result.problems).toEqual([]);
  return draft;
}

describe('drafts of every article in the repository validate', () => {
  it('finds the seed and the dev articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(7);
  });
  it.each(articles)('%s', (folder) => {
    const curated = JSON.parse(readFileSync(join(folder, 'annotations.json'), 'utf8'));
    const text = readFileSync(join(folder, 'article.txt'), 'utf8');
    expectValid(text, curated.article.publishedOn.value.padEnd(10, '-01').slice(0, 10), curated.article.source);
  });
});

describe('drafts of awkward texts validate', () => {
  const seed = readFileSync('seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan/article.txt', 'utf8');

  it('a single line with a quotation and no attribution gets a flagged placeholder speaker', () => {
    const draft = expectValid('Officials called it "a routine check" and left.', '2024-01-05');
    const statements = draft.document.statements as { speaker: { organization?: string } }[];
    expect(statements).toHaveLength(1);
    expect(statements[0]?.speaker.organization).toBe('unresolved-speaker');
    expect(draft.review.items.find((i) => i.path === '$.statements[0]')?.flagged).toBe(true);
  });

  it('astral characters before the spans (offsets are UTF-16 code units)', () => {
    const text = seed.replace('All news', '🛰️ All news 🗞️').replace('MINSK', '𝐌𝐈𝐍𝐒𝐊 MINSK');
    expectValid(text, '2022-01-10', 'tass');
  });

  it('paragraphs in another order, without headline or dateline', () => {
    const paragraphs = seed.split('\n').filter((p) => p.trim() && !/^(All news|MINSK)/.test(p));
    const shuffled = paragraphs.map((_, i) => paragraphs[(i * 3) % paragraphs.length] as string);
    expectValid(shuffled.join('\n\n'), '2022-01-10');
  });

  it('every dev article cut at every sentence end still validates', () => {
    const text = readFileSync('test/fixtures/draft-dev/synthetic-2024-05-14-kazakh-grain-frost/article.txt', 'utf8');
    for (const m of text.matchAll(/[.”"]\s/g)) expectValid(text.slice(0, m.index + 1), '2024-05-14', 'testwire');
  });
});
