/** Each resolution rule on its own, without a database: names, persons, organizations, events, decisions. */
import { describe, expect, it } from 'vitest';
import { scoreEvent } from '../../src/resolve/events.js';
import { foldText, parsePersonName, personNameKeys, skeleton } from '../../src/resolve/names.js';
import { scoreOrganization } from '../../src/resolve/organizations.js';
import { scorePerson } from '../../src/resolve/persons.js';
import { decide, type Match } from '../../src/resolve/types.js';

describe('names', () => {
  it.each([
    ['Tokayev', 'Tokaev'],
    ['Yerlan', 'Erlan'],
    ['Lukashenko', 'Lukashenka'],
    ['Temirgaliyev', 'Temirgaliev'],
    ['Kassym', 'Qasym'],
    ['Zhanbolat', 'Janbolat'],
  ])('%s and %s are transliteration variants', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it.each([
    ['Marsh', 'March'],
    ['Petrov', 'Pavlov'],
    ['Quill 1', 'Quill 11'],
  ])('%s and %s are not', (a, b) => {
    expect(skeleton(a)).not.toBe(skeleton(b));
  });

  it('folds case, diacritics, the dotless i and possessives', () => {
    expect(foldText('Selin Aydın')).toBe(foldText('selin aydin'));
    expect(foldText('Dockworkers’ Union')).toBe('dockworkers union');
  });

  it('takes titles and country adjectives off the front of a name', () => {
    expect(parsePersonName('Kazakh President Kassym-Jomart Tokayev')).toEqual({
      tokens: ['kassym', 'jomart', 'tokayev'],
      titles: ['president'],
      countries: ['KZ'],
    });
    expect(parsePersonName('President of Belarus Alexander Lukashenko').countries).toEqual(['BY']);
    // A country's name counts as a qualifier only after "of": a person may be called Jordan.
    expect(parsePersonName('Jordan Smith').tokens).toEqual(['jordan', 'smith']);
  });

  it('indexes a person by full name, surname and surname skeleton', () => {
    expect(personNameKeys('Kassym-Jomart Tokayev', ['Tokayev'])).toEqual([
      'ks:tkv',
      'n:kassym jomart tokayev',
      's:tokayev',
    ]);
  });
});

const person = (
  name: string,
  aliases: string[] = [],
  roles: { title?: string; country?: string; org?: number }[] = [],
) => ({
  key: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  aliases,
  roleTitles: roles.flatMap((r) => (r.title ? [r.title] : [])),
  roleCountries: roles.flatMap((r) => (r.country ? [r.country] : [])),
  roleOrganizationIds: roles.flatMap((r) => (r.org ? [r.org] : [])),
});
const candidate = (id: number, ...args: Parameters<typeof person>) => ({ ...person(...args), id, formerKeys: [] });

describe('persons', () => {
  const tokayev = candidate(
    1,
    'Kassym-Jomart Tokayev',
    ['Tokayev'],
    [{ title: 'President of Kazakhstan', country: 'KZ' }],
  );

  it('NAME: the same full name', () => {
    expect(scorePerson(person('Kassym-Jomart Tokayev'), tokayev)).toMatchObject({ rule: 'NAME', score: 0.95 });
  });

  it('TRANSLITERATION: the same name in another spelling', () => {
    expect(scorePerson(person('Kassym-Jomart Tokaev'), tokayev)).toMatchObject({ rule: 'TRANSLITERATION' });
  });

  it('SURNAME_AND_ROLE: a surname with an agreeing country decides', () => {
    const match = scorePerson(person('Tokayev', [], [{ title: 'President', country: 'KZ' }]), tokayev);
    expect(match).toMatchObject({ rule: 'SURNAME_AND_ROLE', score: 0.8 });
  });

  it('a surname and a title from the name itself ("Kazakh President Tokayev") decides too', () => {
    expect(scorePerson(person('Kazakh President Tokayev'), tokayev)).toMatchObject({
      rule: 'SURNAME_AND_ROLE',
      score: 0.8,
    });
  });

  it('a bare surname is only a weak match', () => {
    expect(scorePerson(person('Tokayev'), tokayev)).toMatchObject({ score: 0.5 });
  });

  it('another given name with the same surname is another person', () => {
    expect(scorePerson(person('Helen Marsh'), candidate(2, 'Daniel Marsh'))).toBeNull();
  });

  it('an initial agrees with a given name; a middle name may be missing', () => {
    expect(scorePerson(person('D. Marsh'), candidate(2, 'Daniel Marsh'))).toMatchObject({ rule: 'TRANSLITERATION' });
    expect(
      scorePerson(person('Alexander Lukashenko'), candidate(3, 'Alexander Grigoryevich Lukashenko')),
    ).toMatchObject({
      rule: 'NAME',
      score: 0.85,
    });
  });
});

const org = (
  name: string,
  extra: Partial<{ acronym: string; parentId: number; countryCode: string; kind: string }> = {},
) => ({
  key: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  kind: extra.kind ?? 'OTHER',
  acronym: extra.acronym ?? null,
  aliases: [],
  parentId: extra.parentId ?? null,
  countryCode: extra.countryCode ?? null,
});
const orgCandidate = (id: number, ...args: Parameters<typeof org>) => ({ ...org(...args), id, formerKeys: [] });

describe('organizations', () => {
  const csto = orgCandidate(1, 'Collective Security Treaty Organization', {
    acronym: 'CSTO',
    kind: 'INTERGOVERNMENTAL_ORGANIZATION',
  });

  it('ACRONYM, NAME and NAME_WORDS', () => {
    expect(scoreOrganization(org('CSTO'), csto)).toMatchObject({ rule: 'ACRONYM' });
    expect(scoreOrganization(org('the Collective Security Treaty Organization'), csto)).toMatchObject({ rule: 'NAME' });
    expect(
      scoreOrganization(
        org('Collective Security Council of the CSTO'),
        orgCandidate(2, 'CSTO Collective Security Council'),
      ),
    ).toMatchObject({ rule: 'NAME_WORDS', score: 0.9 });
  });

  it('nothing is its own parent, and a different parent or country rules a candidate out', () => {
    expect(scoreOrganization(org('Mediators from the CSTO', { parentId: 1 }), csto)).toBeNull();
    const council = orgCandidate(3, 'Security Council', { parentId: 1 });
    expect(scoreOrganization(org('Security Council', { parentId: 9 }), council)).toBeNull();
    expect(
      scoreOrganization(
        org('Kazakh authorities', { countryCode: 'KZ' }),
        orgCandidate(4, 'Kazakh authorities', { countryCode: 'UZ' }),
      ),
    ).toBeNull();
  });
});

const day = (iso: string) => ({ date: new Date(`${iso}T00:00:00Z`), precision: 'DAY' as const });
const month = (iso: string) => ({ date: new Date(`${iso}-01T00:00:00Z`), precision: 'MONTH' as const });
const event = (title: string, extra: Partial<Parameters<typeof scoreEvent>[0]> = {}) => ({
  key: title.toLowerCase().replace(/\W+/g, '-'),
  title,
  kind: 'PROTEST' as const,
  start: null,
  end: null,
  countryCode: 'KZ',
  location: null,
  participants: [],
  parentId: null,
  ...extra,
});
const eventCandidate = (id: number, ...args: Parameters<typeof event>) => ({ ...event(...args), id, formerKeys: [] });

describe('events', () => {
  const protest = eventCandidate(1, 'Dockworkers protest at the port of Tamir Bay', {
    start: day('2023-02-28'),
    location: 'Port of Tamir Bay',
  });

  it('the same day, country and place, and a similar title: a strong match', () => {
    const match = scoreEvent(
      event('Dockworkers walk out in Tamir Bay', { start: day('2023-02-28'), location: 'Tamir Bay' }),
      protest,
    );
    expect(match?.score).toBeGreaterThanOrEqual(0.8);
    expect(match?.reason).toMatch(/same day 2023-02-28.*same place/);
  });

  it('another day, or another place, is another event', () => {
    expect(scoreEvent(event('Dockworkers protest', { start: day('2023-03-07') }), protest)).toBeNull();
    expect(
      scoreEvent(event('Dockworkers protest', { start: day('2023-02-28'), location: 'North Ustin' }), protest),
    ).toBeNull();
  });

  it('a month-precision date is compatible with a day in it', () => {
    expect(scoreEvent(event('Dockworkers protest in Tamir Bay', { start: month('2023-02') }), protest)?.reason).toMatch(
      /overlapping dates/,
    );
  });

  it('without dates, participants or a parent, likeness alone stays weak', () => {
    const undated = eventCandidate(2, 'Ensuing violence leaves many injured');
    const match = scoreEvent(event('The ensuing violence leaves many injured', { kind: 'PROTEST' }), undated);
    expect(match?.score).toBeLessThan(0.8);
  });
});

describe('decide', () => {
  const m = (nodeId: number, score: number): Match => ({
    nodeId,
    key: `k${nodeId}`,
    label: `n${nodeId}`,
    rule: 'NAME',
    score,
    reason: '',
  });
  const base = { kind: 'PERSON' as const, localKey: 'x', description: {} };

  it('one strong match decides; the best of several strong ones only with a clear lead', () => {
    expect(decide(base, [m(1, 0.9), m(2, 0.5)])).toMatchObject({ outcome: 'existing', match: { nodeId: 1 } });
    expect(decide(base, [m(1, 1.2), m(2, 0.95)])).toMatchObject({ outcome: 'existing', match: { nodeId: 1 } });
    expect(decide(base, [m(1, 0.95), m(2, 0.9)])).toMatchObject({
      outcome: 'ambiguous',
      candidates: [{ nodeId: 1 }, { nodeId: 2 }],
    });
  });

  it('weak matches are asked about, none makes a new node', () => {
    expect(decide(base, [m(1, 0.5)])).toMatchObject({ outcome: 'ambiguous', reason: expect.stringMatching(/weakly/) });
    expect(decide(base, [m(1, 0.2), null])).toMatchObject({ outcome: 'create', rule: 'CREATED' });
  });
});
