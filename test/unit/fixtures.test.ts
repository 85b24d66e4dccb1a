/**
 * The synthetic test corpus (test/fixtures/): every article is valid, labelled synthetic and
 * keyed apart from every other file, and resolution-expectations.json covers every person,
 * organization and event of the corpus with references that exist. No database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnnotatedArticle } from '../../src/annotations/read.js';

const root = new URL('../../', import.meta.url).pathname;
const fixturesDir = join(root, 'test/fixtures/articles');
const seedPath = join(root, 'seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan/annotations.json');
const fixtureKeys = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

type Kind = 'person' | 'organization' | 'event';
interface Expectation {
  article: string;
  kind: Kind;
  key: string;
  sameAs: string | null;
  ambiguous?: boolean;
  candidates?: string[];
  distinctFrom?: string[];
  resolve?: unknown;
}
const expectations = JSON.parse(readFileSync(join(root, 'test/fixtures/resolution-expectations.json'), 'utf8')) as {
  ingestionOrder: { article: string; path: string }[];
  entities: Expectation[];
};

async function corpus() {
  const paths = [seedPath, ...fixtureKeys.map((k) => join(fixturesDir, k, 'annotations.json'))];
  return Promise.all(paths.map((p) => readAnnotatedArticle(p)));
}

describe('synthetic fixtures', () => {
  it('has 8 to 10 articles', () => {
    expect(fixtureKeys.length).toBeGreaterThanOrEqual(8);
    expect(fixtureKeys.length).toBeLessThanOrEqual(10);
  });

  it.each(fixtureKeys)('%s is valid and labelled synthetic', async (key) => {
    const { annotation: a, text } = await readAnnotatedArticle(join(fixturesDir, key, 'annotations.json'));
    expect(a.article.key).toBe(key);
    expect(key.startsWith('synthetic-')).toBe(true);
    expect(a.article.synthetic).toBe(true);
    expect(text.split('\n')[0]).toMatch(/^SYNTHETIC TEST ARTICLE — not news\./);
    expect(text.length).toBeGreaterThanOrEqual(1200);
    expect(text.length).toBeLessThanOrEqual(3000);
    if (a.article.url !== null) expect(new URL(a.article.url).hostname).toBe('example.org');
  });

  it('never shares a person, organization or event key between two files', async () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const { annotation: a } of await corpus()) {
      const keys = [
        ...a.persons.map((p) => `person:${p.key}`),
        ...a.organizations.map((o) => `organization:${o.key}`),
        ...a.events.map((e) => `event:${e.key}`),
      ];
      for (const k of keys) {
        const first = owner.get(k);
        if (first && first !== a.article.key) clashes.push(`${k} in ${first} and ${a.article.key}`);
        owner.set(k, a.article.key);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('resolution expectations', () => {
  it('ingests the seed first, then every fixture', () => {
    expect(expectations.ingestionOrder[0]?.article).toBe('tass-2022-01-10-kazakh-crisis-uzbekistan');
    expect(
      expectations.ingestionOrder
        .slice(1)
        .map((o) => o.article)
        .sort(),
    ).toEqual(fixtureKeys);
  });

  it('covers every entity once, pointing only at entities defined earlier', async () => {
    const order = new Map(expectations.ingestionOrder.map((o, i) => [o.article, i]));
    const defined = new Map<string, number>();
    const resolveHints = new Map<string, unknown>();
    for (const { annotation: a } of await corpus()) {
      const at = order.get(a.article.key) as number;
      for (const p of a.persons) {
        defined.set(`person:${a.article.key}#${p.key}`, at);
        if (p.resolve) resolveHints.set(`person:${a.article.key}#${p.key}`, p.resolve);
      }
      for (const o of a.organizations) {
        defined.set(`organization:${a.article.key}#${o.key}`, at);
        if (o.resolve) resolveHints.set(`organization:${a.article.key}#${o.key}`, o.resolve);
      }
      for (const e of a.events) {
        defined.set(`event:${a.article.key}#${e.key}`, at);
        if (e.resolve) resolveHints.set(`event:${a.article.key}#${e.key}`, e.resolve);
      }
    }
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const x of expectations.entities) {
      const id = `${x.kind}:${x.article}#${x.key}`;
      const at = defined.get(id);
      if (at === undefined) problems.push(`${id} is not defined`);
      if (seen.has(id)) problems.push(`${id} is listed twice`);
      seen.add(id);
      for (const ref of [x.sameAs, ...(x.candidates ?? []), ...(x.distinctFrom ?? [])]) {
        if (ref === null) continue;
        const target = defined.get(`${x.kind}:${ref}`);
        if (target === undefined) problems.push(`${id}: ${ref} is no ${x.kind} of the corpus`);
        else if (at !== undefined && target > at) problems.push(`${id}: ${ref} is ingested later`);
      }
      if (x.ambiguous && (x.candidates ?? []).length < 2) problems.push(`${id}: ambiguous without candidates`);
      if (JSON.stringify(x.resolve) !== JSON.stringify(resolveHints.get(id))) {
        problems.push(`${id}: the expectation's resolve differs from the fixture's`);
      }
    }
    for (const id of defined.keys()) if (!seen.has(id)) problems.push(`${id} has no expectation`);
    expect(problems).toEqual([]);
    // Resolve hints live in one fixture only; the other ambiguous case is left without one.
    expect(new Set([...resolveHints.keys()].map((id) => id.split(':')[1]?.split('#')[0])).size).toBe(1);
    expect(expectations.entities.some((x) => x.ambiguous && x.sameAs === null && !x.resolve)).toBe(true);
  });
});
