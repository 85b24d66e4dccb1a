/** Country mentions: names, aliases, adjectives and plurals found; names of other things left alone. */
import { describe, expect, it } from 'vitest';
import { findCountryMentions } from '../../src/draft/countries.js';

const found = (text: string) =>
  findCountryMentions(text).mentions.map((m) => `${text.slice(m.start, m.end)}=${m.code}`);

describe('findCountryMentions', () => {
  it('finds names, official names, aliases, codes, demonyms, adjectives and plurals with exact spans', () => {
    expect(
      found('Kazakh officials and the Republic of Kazakhstan met Uzbeks, Turkey and the U.S. in Britain.'),
    ).toEqual(['Kazakh=KZ', 'Republic of Kazakhstan=KZ', 'Uzbeks=UZ', 'Turkey=TR', 'U.S.=US', 'Britain=GB']);
  });

  it('takes the longest name and a name inside a hyphenated word', () => {
    expect(found('Guinea-Bissau, Papua New Guinea and the Russia-led bloc.')).toEqual([
      'Guinea-Bissau=GW',
      'Papua New Guinea=PG',
      'Russia=RU',
    ]);
  });

  it('leaves regions, US states, seas and given names alone', () => {
    expect(
      found('Workers in New Mexico and across Latin America, the South China Sea, Jordan Ellis and Chad Morrow.'),
    ).toEqual([]);
    expect(found('She flew to Jordan and then to Chad.')).toEqual(['Jordan=JO', 'Chad=TD']);
  });

  it('reports a name two countries share instead of choosing', () => {
    const { mentions, unresolved } = findCountryMentions('Troops crossed into Congo.');
    expect(mentions).toEqual([]);
    expect(unresolved.map((u) => [u.text, u.codes.sort()])).toEqual([['Congo', ['CD', 'CG']]]);
  });

  it('proposes a capital only as a flagged metonym, when it speaks', () => {
    const { mentions } = findCountryMentions('MINSK, January 10. Moscow said it would help; talks in Moscow ended.');
    expect(mentions.map((m) => [m.text, m.code, m.kind, Boolean(m.flag)])).toEqual([['Moscow', 'RU', 'capital', true]]);
  });

  it('counts offsets in UTF-16 code units', () => {
    const text = '🛰️ Türkiye and Côte d’Ivoire';
    const m = findCountryMentions(text).mentions;
    expect(m.map((x) => text.slice(x.start, x.end))).toEqual(['Türkiye', 'Côte d’Ivoire']);
  });
});
