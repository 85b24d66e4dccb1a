/**
 * Persons: roles read from the words around a name, clustering of full names, surnames and
 * title forms, pronouns kept as suggestions. Texts are the seed (real, curated) and made-up
 * sentences about fictional people.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCountryMentions } from '../../src/draft/countries.js';
import { findOrganizations } from '../../src/draft/organizations.js';
import { findPersons } from '../../src/draft/persons.js';
import { analyzeText } from '../../src/draft/text.js';

function persons(text: string) {
  const { mentions } = findCountryMentions(text);
  const orgs = findOrganizations(text, mentions, { key: 'testwire', nameInText: null });
  return findPersons(
    analyzeText(text),
    mentions,
    orgs.flatMap((o) => o.mentions),
  );
}

describe('findPersons', () => {
  it('reads the seed: roles as the curated file states them, surnames clustered', () => {
    const text = readFileSync('seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan/article.txt', 'utf8');
    const found = persons(text).persons.map((p) => ({
      name: p.name,
      mentions: p.mentions.length,
      roles: p.roles.map((r) => [r.title, r.country, text.slice(r.start, r.end)]),
    }));
    expect(found).toEqual([
      { name: 'Alexander Lukashenko', mentions: 7, roles: [['President of Belarus', 'BY', 'President of Belarus']] },
      { name: 'Kassym-Jomart Tokayev', mentions: 2, roles: [['President of Kazakhstan', 'KZ', 'Kazakh President']] },
    ]);
  });

  it('joins a title form to the one person with that role, flagged, and keeps pronouns out of the mentions', () => {
    const text =
      'Fergana Policy Forum director Dilnoza Karimova opened the meeting. Later the director said she was hopeful. Karimova left.';
    const { persons: found, pronouns } = persons(text);
    expect(found).toHaveLength(1);
    const mentions = found[0]?.mentions.map((m) => [m.text, m.rule, Boolean(m.flag)]);
    expect(mentions).toEqual([
      ['Dilnoza Karimova', 'person-full-name', false],
      ['the director', 'person-title-form', true],
      ['Karimova', 'person-surname', false],
    ]);
    expect(pronouns.map((p) => [p.text, p.personKey])).toEqual([['she', 'dilnoza-karimova']]);
  });

  it('keeps two persons with the same surname apart and does not guess which one a lone surname is', () => {
    const { persons: found } = persons(
      'Analyst Anna Petrova and economist Maria Petrova disagreed. Petrova said prices would rise.',
    );
    expect(found.map((p) => [p.name, p.mentions.length])).toEqual([
      ['Anna Petrova', 1],
      ['Maria Petrova', 1],
    ]);
  });

  it('does not take places, organisations or sentence openers for persons', () => {
    const { persons: found } = persons(
      'Ports in Vukovar and Ruse reported queues. The Steppe Farmers Union said so. According to Testwire, it rained.',
    );
    expect(found).toEqual([]);
  });
});
