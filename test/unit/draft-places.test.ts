/**
 * Places and organisations from the text's own evidence: a dateline place, "X, Country", "the
 * port of X", a locative preposition, capitals; acronyms without their expansion, names given
 * in an appositive, one organisation written in several forms. Names are made up.
 */
import { describe, expect, it } from 'vitest';
import { findCountryMentions } from '../../src/draft/countries.js';
import { slug } from '../../src/draft/keys.js';
import { findLayout } from '../../src/draft/layout.js';
import { findOrganizations } from '../../src/draft/organizations.js';
import { findPersons } from '../../src/draft/persons.js';
import { findPlaces } from '../../src/draft/places.js';
import { analyzeText } from '../../src/draft/text.js';

function read(text: string) {
  const article = analyzeText(text);
  const layout = findLayout(text, article.paragraphs);
  const { mentions: countries } = findCountryMentions(text);
  const places = findPlaces(text, layout, countries);
  const orgs = findOrganizations(
    text,
    countries,
    { key: slug(layout.agency?.name ?? 'testwire'), nameInText: layout.agency?.name ?? null },
    layout.dateline ? [layout.dateline] : [],
  );
  const { persons } = findPersons(
    article,
    countries,
    orgs.flatMap((o) => o.mentions),
    places,
  );
  return { layout, places, orgs, persons };
}

describe('findPlaces', () => {
  it('reads the dateline place and its country, "X, Country", "the Kazakh port of X" and capitals', () => {
    const { places, layout } = read(
      'Ferry talks stall\n\nORVIK BAY, Kazakhstan, 2 May (Testwire) — Talks in Orvik Bay stalled. ' +
        'Delegates met in Selmar, Turkey, on Monday. Cargo from the Georgian port of Kelvi goes to Baku.',
    );
    expect(layout.place?.name).toBe('ORVIK BAY');
    const found = Object.fromEntries(places.map((p) => [p.name, [p.country, p.evidence]]));
    expect(found).toMatchObject({
      'Orvik Bay': ['KZ', 'dateline'],
      Selmar: ['TR', 'country-after'],
      Kelvi: ['GE', 'place-noun'],
      Baku: ['AZ', 'capital'],
    });
  });

  it('reads a dateline whose place is in ordinary case and whose agency has a long name', () => {
    const text = 'Port news\n\nHamburg, 4 March 2023 (Nordsee Wirtschaftsdienst Agentur) – Ships waited.';
    const { layout } = read(text);
    expect(layout.agency?.name).toBe('Nordsee Wirtschaftsdienst Agentur');
    expect(layout.place?.name).toBe('Hamburg');
  });
});

describe('places are not persons', () => {
  it('drops a recurring two-word place even next to a verb of saying, keeps a person with a role', () => {
    const { persons } = read(
      'Strike in Orvik Bay\n\nORVIK BAY, Kazakhstan, 2 May (Testwire) — Dockers in Orvik Bay stopped work. ' +
        '"Orvik Bay says no," said union chairman Bolat Serikov. Orvik Bay is quiet tonight.',
    );
    expect(persons.map((p) => p.name)).toEqual(['Bolat Serikov']);
  });
});

describe('organisations in other forms', () => {
  it('takes an acronym used as a name for the organisation with those initials, and a body of it', () => {
    const { orgs } = read(
      'The Kestrel Rail Freight Organisation’s forum closed. The KRFO Steering Council will meet. ' +
        'According to the KRFO, 40 members came. The Steering Council has five members.',
    );
    const krfo = orgs.find((o) => o.acronym === 'KRFO');
    expect(krfo?.name).toBe('Kestrel Rail Freight Organisation');
    const council = orgs.find((o) => o.name === 'KRFO Steering Council');
    expect(council?.parentKey).toBe(krfo?.key);
    expect(council?.mentions.map((m) => m.text)).toEqual(['KRFO Steering Council', 'Steering Council']);
    expect(orgs.filter((o) => o.name === 'Steering Council')).toEqual([]);
  });

  it('proposes an acronym known only as an acronym, flagged, and a name from an appositive', () => {
    const { orgs } = read(
      'Shippers asked the VTMA for help, according to the port’s operator, Dunmore Stevedoring. The VTMA said nothing.',
    );
    expect(orgs.find((o) => o.key === 'vtma')?.flag).toMatch(/only the acronym/);
    const operator = orgs.find((o) => o.name === 'Dunmore Stevedoring');
    expect(operator?.descriptions).toEqual(['operator']);
    expect([...(operator?.mentions ?? [])].sort((a, b) => a.start - b.start).map((m) => m.text)).toEqual([
      'the port’s operator',
      'Dunmore Stevedoring',
    ]);
  });

  it('writes the same name once, and no organisation for a head word alone or for the agency', () => {
    const { orgs } = read(
      'Kestrel Freight Organisation meets\n\nLONDON, May 2 (Meltem News Service) - The Kestrel Freight Organisation (KFO) met. ' +
        'Union chairman Bolat Serikov spoke. Meltem News Service reported it.',
    );
    expect(orgs.filter((o) => /Kestrel/.test(o.name))).toHaveLength(1);
    expect(orgs.some((o) => o.name === 'Union')).toBe(false);
    expect(orgs.filter((o) => /Meltem/.test(o.name)).map((o) => o.kind)).toEqual(['NEWS_AGENCY']);
  });

  it('reads names with several particles and companies named by their trade', () => {
    const { persons, orgs } = read(
      '"Nobody wanted to stay," said Jaan van der Berg, president of the federation. ' +
        'The cable maker, Baltic Subsea Systems, blamed the ships. Nordwind Offshore’s chief executive spoke.',
    );
    expect(persons.map((p) => p.name)).toEqual(['Jaan van der Berg']);
    expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['Baltic Subsea Systems', 'Nordwind Offshore']));
  });

  it('gives the acronym after "the X of the Y (ACR)" to Y, and takes a short form of a name for it', () => {
    const { orgs } = read(
      'The Steering Council of the Kestrel Freight Organisation (KFO) met. The Meridian Institute spoke. ' +
        'The Meridian Institute for Regional Studies published a note.',
    );
    const kfo = orgs.find((o) => o.acronym === 'KFO');
    expect(kfo?.name).toBe('Kestrel Freight Organisation');
    expect(orgs.find((o) => o.name === 'Steering Council of the Kestrel Freight Organisation')?.parentKey).toBe(
      kfo?.key,
    );
    expect(orgs.filter((o) => o.name.startsWith('Meridian')).map((o) => o.name)).toEqual([
      'Meridian Institute for Regional Studies',
    ]);
  });
});
