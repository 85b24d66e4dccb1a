/**
 * The synthetic fixture articles (test/fixtures/articles/, see its README) as ingestion
 * inputs, and small synthetic articles built in code for tests that need many or large ones.
 * Everything here is made up and labelled synthetic; quotes have fictional speakers.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './shared.js';

export interface ArticleInput {
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: annotation documents are edited freely by tests
  annotations: any;
}

export const FIXTURES = {
  caspianRecap: 'synthetic-2022-01-11-caspian-wire-kazakhstan-freight-outlook',
  albion: 'synthetic-2023-01-12-albion-newswire-corridor-report',
  northgate: 'synthetic-2023-03-01-northgate-wire-tamir-bay-blockade',
  hanse: 'synthetic-2023-03-04-hanse-wirtschaftsdienst-scfo-mediators',
  ustin: 'synthetic-2023-03-08-transcaspian-press-north-ustin-protest',
  harbour: 'synthetic-2023-03-14-harbour-line-news-kemerlik-forum-opens',
  forumClose: 'synthetic-2023-03-16-caspian-wire-kemerlik-forum-closes',
  meltem: 'synthetic-2023-03-20-meltem-news-tamir-bay-overtime-deal',
} as const;

export const fixtureDir = (key: string) => join(projectRoot, 'test/fixtures/articles', key);
export const seedDir = join(projectRoot, 'seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan');

/** A fresh copy of an article folder's text and annotation (edit it at will). */
export function readArticle(dir: string): ArticleInput {
  return {
    text: readFileSync(join(dir, 'article.txt'), 'utf8'),
    annotations: JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8')),
  };
}

export const fixture = (key: string) => readArticle(fixtureDir(key));

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A span of the n-th occurrence (0-based) of `snippet` in `text`. */
export function spanOf(text: string, snippet: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(snippet, at + 1);
    if (at < 0) throw new Error(`"${snippet}" occurs fewer than ${occurrence + 1} times`);
  }
  return { start: at, end: at + snippet.length, text: snippet };
}

/**
 * A small synthetic article of its own (number `n`): a fictional agency reports that a
 * fictional analyst of its own ("Analyst N"), and the shared fictional analyst Orla Venn of
 * the shared fictional Venn Institute, commented on a country. `extraMentions` repeats a
 * phrase to make the annotation as large as a test needs.
 */
export function syntheticArticle(n: number, options: { extraMentions?: number; padding?: number } = {}): ArticleInput {
  // Numbered surnames: no two analysts look alike, whatever the transliteration folding.
  const analyst = `Tamsin Quill ${n}`;
  const lines = [
    'SYNTHETIC TEST ARTICLE — not news.',
    `Synthetic wire ${n} reports on the Venn Institute`,
    `ANYTOWN, March ${(n % 27) + 1}. /Synthetic Wire/. Orla Venn of the Venn Institute said that Kazakhstan would host the talks.`,
    `"We expect the talks to go on," ${analyst} said.`,
    ...Array.from({ length: options.extraMentions ?? 0 }, (_, i) => `Orla Venn, line ${i}.`),
    options.padding ? 'x'.repeat(options.padding) : '',
  ];
  const text = `${lines.join('\n')}\n`;
  const all = (snippet: string) => {
    const spans = [];
    for (let at = text.indexOf(snippet); at >= 0; at = text.indexOf(snippet, at + 1)) {
      spans.push({ start: at, end: at + snippet.length, text: snippet });
    }
    return spans;
  };
  const day = String((n % 27) + 1).padStart(2, '0');
  return {
    text,
    annotations: {
      format: 'kg-annotation/1',
      article: {
        key: `synthetic-load-${n}`,
        sha256: sha256(text),
        language: 'en',
        title: spanOf(text, `Synthetic wire ${n} reports on the Venn Institute`),
        subtitle: null,
        dateline: null,
        source: 'wire',
        publishedOn: { value: `2023-03-${day}`, precision: 'DAY', basis: 'synthetic: the dateline' },
        url: null,
        synthetic: true,
      },
      countries: [{ code: 'KZ', mentions: all('Kazakhstan') }],
      persons: [
        { key: 'venn', name: 'Orla Venn', aliases: [], mentions: all('Orla Venn') },
        { key: `analyst-${n}`, name: analyst, aliases: [], mentions: all(analyst) },
      ],
      organizations: [
        {
          key: 'wire',
          name: 'Synthetic Wire',
          acronym: null,
          aliases: [],
          kind: 'NEWS_AGENCY',
          parent: null,
          country: null,
          leadCountry: null,
          mentions: all('Synthetic Wire'),
        },
        {
          key: 'venn-institute',
          name: 'Venn Institute',
          acronym: null,
          aliases: [],
          kind: 'OTHER',
          parent: null,
          country: null,
          leadCountry: null,
          mentions: all('Venn Institute'),
        },
      ],
      events: [],
      statements: [
        {
          key: 'venn-talks',
          kind: 'PARAPHRASE',
          speaker: { person: 'venn' },
          text: spanOf(text, 'Kazakhstan would host the talks'),
          attribution: spanOf(text, 'Orla Venn of the Venn Institute said that'),
          about: ['KZ'],
          saidOn: null,
          occasion: null,
        },
        {
          key: 'analyst-quote',
          kind: 'QUOTE',
          speaker: { person: `analyst-${n}` },
          text: spanOf(text, 'We expect the talks to go on,'),
          attribution: spanOf(text, `${analyst} said`),
          about: [],
          saidOn: null,
          occasion: null,
        },
      ],
    },
  };
}
