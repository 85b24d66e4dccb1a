/**
 * Statements: every quotation style and the reported-speech patterns the issue lists, with
 * the exact text span, the attribution span, the speaker and the countries spoken about.
 * Speakers are fictional people at fictional organisations.
 */
import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../src/draft/index.js';

const LEAD =
  'SYNTHETIC TEST ARTICLE — not news\n\nTest headline for the statement rules\n\nASTANA, March 12 (Testwire) - ';
const PEOPLE = 'Director of the Fergana Policy Forum Dilnoza Karimova arrived. ';

interface StatementDoc {
  kind: string;
  speaker: { person?: string; organization?: string };
  text: { text: string };
  attribution: { text: string } | null;
  about: string[];
  saidOn: { value: string; precision: string } | null;
}

function statements(body: string): [string, string, string, string | null, string[]][] {
  const draft = draftArticle({ text: `${LEAD}${PEOPLE}${body}\n`, publishedOn: '2024-03-12', source: 'testwire' });
  return (draft.document.statements as StatementDoc[]).map((s) => [
    s.kind,
    s.speaker.person ?? s.speaker.organization ?? '',
    s.text.text,
    s.attribution?.text ?? null,
    s.about,
  ]);
}

const K = 'dilnoza-karimova';

describe('direct quotations in every style', () => {
  it.each([
    ['straight', '"Uzbekistan must act now," Karimova said.', 'Uzbekistan must act now,'],
    ['curly', '“Uzbekistan must act now,” Karimova said.', 'Uzbekistan must act now,'],
    ['single', '‘Uzbekistan must act now,’ Karimova said.', 'Uzbekistan must act now,'],
    ['guillemets', '«Uzbekistan must act now,» Karimova said.', 'Uzbekistan must act now,'],
    ['low-high', '„Uzbekistan must act now,“ Karimova said.', 'Uzbekistan must act now,'],
  ])('%s quotation marks', (_style, body, words) => {
    expect(statements(body)).toEqual([['QUOTE', K, words, 'Karimova said', ['UZ']]]);
  });

  it('a quotation split by its attribution gives two quotes with the one attribution', () => {
    expect(statements('“We will stay,” said Karimova, “until Tajikistan opens the canal.”')).toEqual([
      ['QUOTE', K, 'We will stay,', 'said Karimova', []],
      ['QUOTE', K, 'until Tajikistan opens the canal.', 'said Karimova', ['TJ']],
    ]);
  });

  it('an attribution before the quotation, and a quotation standing alone continues its speaker', () => {
    expect(statements('Karimova said: "The canal is dry." "Nobody came."')).toEqual([
      ['QUOTE', K, 'The canal is dry.', 'Karimova said', []],
      ['QUOTE', K, 'Nobody came.', null, []],
    ]);
  });

  it('quoted words inside reported speech belong to the paraphrase', () => {
    expect(statements('According to her, there are "too few engineers" in Kyrgyzstan.')).toEqual([
      ['PARAPHRASE', K, 'there are "too few engineers" in Kyrgyzstan', 'According to her', ['KG']],
    ]);
  });
});

describe('reported speech', () => {
  it.each([
    [
      'X said that',
      'Karimova said that the canal in Kazakhstan was dry.',
      'the canal in Kazakhstan was dry',
      'Karimova said that',
      ['KZ'],
    ],
    ['according to X', 'According to Karimova, the canal was dry.', 'the canal was dry', 'According to Karimova', []],
    ['X noted', 'The canal was dry, Karimova noted.', 'The canal was dry', 'Karimova noted', []],
    [
      'X believes',
      'Karimova believes it necessary to dredge the canal.',
      'it necessary to dredge the canal',
      'Karimova believes',
      [],
    ],
    [
      'X pointed out',
      'Karimova pointed out that the canal was dry.',
      'the canal was dry',
      'Karimova pointed out that',
      [],
    ],
    [
      'X posted on … that',
      'Karimova posted on Telegram that the canal was dry.',
      'the canal was dry',
      'Karimova posted on Telegram that',
      [],
    ],
    ['said X', 'The canal was dry, said Karimova.', 'The canal was dry', 'said Karimova', []],
    [
      'X on Monday said',
      'Karimova on Monday said that the canal was dry.',
      'the canal was dry',
      'Karimova on Monday said that',
      [],
    ],
    [
      'a parenthetical attribution',
      'The canal, Karimova says, is dry.',
      'The canal, Karimova says, is dry',
      'Karimova says',
      [],
    ],
  ])('%s', (_pattern, body, words, attribution, about) => {
    expect(statements(body)).toEqual([['PARAPHRASE', K, words, attribution, about]]);
  });

  it('flags a pronoun speaker and reads it as the person named last', () => {
    const draft = draftArticle({
      text: `${LEAD}${PEOPLE}She pointed out that the canal was dry.\n`,
      publishedOn: '2024-03-12',
      source: 'testwire',
    });
    const statement = (draft.document.statements as StatementDoc[])[0];
    expect(statement?.speaker).toEqual({ person: K });
    expect(draft.review.items.find((i) => i.path === '$.statements[0]')?.reason).toMatch(/She/);
  });

  it('dates a statement by its attribution, or by the same speaker’s only dated one, flagged', () => {
    const draft = draftArticle({
      text: `${LEAD}${PEOPLE}Karimova said on Monday that the canal was dry. "Nobody came," Karimova noted.\n`,
      publishedOn: '2024-03-12',
      source: 'testwire',
    });
    const [first, second] = draft.document.statements as StatementDoc[];
    expect(first?.saidOn).toMatchObject({ value: '2024-03-11', precision: 'DAY' });
    expect(second?.saidOn).toMatchObject({ value: '2024-03-11', precision: 'DAY' });
    expect(draft.review.items.find((i) => i.path === '$.statements[1].saidOn')?.flagged).toBe(true);
  });

  it('does not count the speaker’s own country word in the attribution as what the words are about', () => {
    const draft = draftArticle({
      text: `${LEAD}Uzbek economist Dilnoza Karimova said that prices in Tajikistan rose.\n`,
      publishedOn: '2024-03-12',
      source: 'testwire',
    });
    expect((draft.document.statements as StatementDoc[]).map((s) => s.about)).toEqual([['TJ']]);
  });
});

describe('attributions of other shapes', () => {
  const ORG = 'The Kestrel Rail Freight Organisation (KRFO), an association of rail operators, met. ';
  it.each([
    [
      'said with an honorific after the verb',
      '“The canal is dry,” said Dr Dilnoza Karimova, “and nobody came.”',
      [
        ['QUOTE', K, 'The canal is dry,', 'said Dr Dilnoza Karimova', []],
        ['QUOTE', K, 'and nobody came.', 'said Dr Dilnoza Karimova', []],
      ],
    ],
    [
      'said with a title after the verb',
      '„We will help“, said Director Dilnoza Karimova, who leads the team.',
      [['QUOTE', K, 'We will help', 'said Director Dilnoza Karimova, who leads the team', []]],
    ],
    [
      'told an addressee, no "that", quoted words inside',
      'Karimova told delegates the canal in Tajikistan had ‘done its job’ and that it would reopen.',
      [
        [
          'PARAPHRASE',
          K,
          'the canal in Tajikistan had ‘done its job’ and that it would reopen',
          'Karimova told delegates',
          ['TJ'],
        ],
      ],
    ],
    [
      'said on a day, no "that"',
      'Karimova said on Monday the canal would reopen once the pumps arrived.',
      [['PARAPHRASE', K, 'the canal would reopen once the pumps arrived', 'Karimova said on Monday', []]],
    ],
    [
      'according to X, a relative clause, quoted words',
      'According to forum director Karimova, whose forum called the meeting, the canal will stay shut „until the rain comes“.',
      [
        [
          'PARAPHRASE',
          K,
          'the canal will stay shut „until the rain comes“',
          'According to forum director Karimova',
          [],
        ],
      ],
    ],
    [
      'called X “…”, adding that',
      'Director Karimova called the deal “a fair end to a dry month”, adding that the first pumps had arrived.',
      [
        ['QUOTE', K, 'a fair end to a dry month', 'Director Karimova called the deal', []],
        ['PARAPHRASE', K, 'the first pumps had arrived', 'adding that', []],
      ],
    ],
  ])('%s', (_pattern, body, expected) => {
    expect(statements(body)).toEqual(expected);
  });

  it('an appeal ("called on X to …") is the words; quoted, it is a quotation', () => {
    expect(statements(`${ORG}The KRFO called on both sides to return to talks.`)).toEqual([
      ['PARAPHRASE', 'krfo', 'both sides to return to talks', 'The KRFO called on', []],
    ]);
    expect(statements(`${ORG}The KRFO called on members to “treat the corridor as one network”.`)).toEqual([
      ['QUOTE', 'krfo', 'treat the corridor as one network', 'The KRFO called on members to', []],
    ]);
  });

  it('an organisation’s "it said" continues the organisation that spoke before', () => {
    expect(statements(`${ORG}Trade grew, according to the KRFO. It said 212 members had voted.`)).toEqual([
      ['PARAPHRASE', 'krfo', 'Trade grew', 'according to the KRFO', []],
      ['PARAPHRASE', 'krfo', '212 members had voted', 'It said', []],
    ]);
  });

  it('a report, an event or its organizers speak for the organisation that owns them', () => {
    const body =
      'The Kestrel Rail Freight Organisation said in its annual corridor report that trade grew. ' +
      'According to the report, Georgian terminals were busy. ' +
      'The annual forum of the Kestrel Rail Freight Organisation opened. About 200 delegates came, the organizers said.';
    expect(statements(body).map(([, speaker, words]) => [speaker, words])).toEqual([
      ['kestrel-rail-freight-organisation', 'trade grew'],
      ['kestrel-rail-freight-organisation', 'Georgian terminals were busy'],
      ['kestrel-rail-freight-organisation', 'About 200 delegates came'],
    ]);
  });

  it('the circumstance after a reported clause is not the words, but what they are about', () => {
    expect(
      statements(`${ORG}The KRFO said on Tuesday that it would decide by May, after a week of unrest in Kazakhstan.`),
    ).toEqual([['PARAPHRASE', 'krfo', 'it would decide by May', 'The KRFO said on Tuesday that', ['KZ']]]);
  });

  it('an attribution naming the organisation by an appositive after a trailing "according to"', () => {
    expect(statements('The protest ended peacefully, according to the port’s operator, Dunmore Stevedoring.')).toEqual([
      [
        'PARAPHRASE',
        'dunmore-stevedoring',
        'The protest ended peacefully',
        'according to the port’s operator, Dunmore Stevedoring',
        [],
      ],
    ]);
  });
});

describe('about-countries through places', () => {
  const lead =
    'SYNTHETIC TEST ARTICLE — not news\n\nFerry test headline\n\nORVIK BAY, Kazakhstan, 2 May (Testwire) - Director Dilnoza Karimova arrived. ';
  const draft = (body: string) =>
    draftArticle({ text: `${lead}${body}\n`, publishedOn: '2024-05-02', source: 'testwire' });

  it('counts the country of a place the words open with, or of places of two countries, flagged', () => {
    const d = draft(
      '“Orvik Bay cannot wait,” Karimova said. “A strike in Orvik Bay is felt in Baku within days,” she added. ' +
        'Karimova said the ferries would stay in Orvik Bay.',
    );
    const about = (d.document.statements as StatementDoc[]).map((s) => s.about);
    expect(about).toEqual([['KZ'], ['KZ', 'AZ'], []]);
    const flags = d.review.items.filter((i) => /^\$\.statements\[[01]\]$/.test(i.path ?? ''));
    expect(flags.every((i) => i.flagged && /through Orvik Bay/.test(i.reason ?? ''))).toBe(true);
  });

  it('does not count places when the words name a country themselves', () => {
    const d = draft('Orvik Bay ships mostly grain to Iran, Karimova said.');
    expect((d.document.statements as StatementDoc[]).map((s) => s.about)).toEqual([['IR']]);
  });
});

describe('reported clauses without "that"', () => {
  it.each([
    [
      'a second clause of its own',
      'The canal froze on Monday, and Karimova said it would not reopen before Sunday.',
      'it would not reopen before Sunday',
      'Karimova said',
    ],
    ['a quantity', 'Karimova said about 40 barges were waiting.', 'about 40 barges were waiting', 'Karimova said'],
    [
      'a bare noun before a finite verb',
      'Karimova said talks with the water boards of Uzbekistan would start in May.',
      'talks with the water boards of Uzbekistan would start in May',
      'Karimova said',
    ],
  ])('%s', (_pattern, body, words, attribution) => {
    const found = statements(body);
    expect(found.map(([kind, speaker, text, attr]) => [kind, speaker, text, attr])).toEqual([
      ['PARAPHRASE', K, words, attribution],
    ]);
  });

  it('does not date a saying by the day of an earlier clause', () => {
    const draft = draftArticle({
      text: `${LEAD}${PEOPLE}The canal froze on Monday, and Karimova said it would not reopen before Sunday.\n`,
      publishedOn: '2024-03-12',
      source: 'testwire',
    });
    expect((draft.document.statements as StatementDoc[])[0]?.saidOn).toBeNull();
  });

  it('reads an organisation’s own warning ("opened … with a warning that")', () => {
    expect(
      statements(
        'The Kestrel Shipping Union opened its congress on Tuesday with a warning that fuel rules could idle the fleet.',
      ),
    ).toEqual([['PARAPHRASE', 'kestrel-shipping-union', 'fuel rules could idle the fleet', 'a warning that', []]]);
  });

  it('names an organisation given after a plural possessive ("The buyers\' group, X, said")', () => {
    expect(
      statements("The buyers' group, Coastal Grain Traders, said in a reply that the demand was too high."),
    ).toEqual([
      [
        'PARAPHRASE',
        'coastal-grain-traders',
        'the demand was too high',
        "The buyers' group, Coastal Grain Traders, said in a reply that",
        [],
      ],
    ]);
  });
});

describe('speakers the text names by a noun, and countries by "both"', () => {
  it('takes "the company" for the company named last, and a company by the words its name ends in', () => {
    const body =
      'The Kestrel Policy Institute counted the trains. Transalpine Cargo Rail will cut its night trains, the company said. ' +
      'Engineers expect to reopen one track in April, the company said.';
    expect(statements(body).map(([, speaker, words]) => [speaker, words])).toEqual([
      ['transalpine-cargo-rail', 'Transalpine Cargo Rail will cut its night trains'],
      ['transalpine-cargo-rail', 'Engineers expect to reopen one track in April'],
    ]);
  });

  it('takes "the federation" for the Federation of …', () => {
    expect(
      statements('The Federation of Baltic Hauliers met. Drivers left the border, according to the federation.'),
    ).toEqual([
      ['PARAPHRASE', 'federation-of-baltic-hauliers', 'Drivers left the border', 'according to the federation', []],
    ]);
  });

  it('reads "both countries" as the two countries named last, flagged', () => {
    const draft = draftArticle({
      text: `${LEAD}${PEOPLE}Power will flow to Germany and Denmark. "Consumers in both countries will pay," Karimova said.\n`,
      publishedOn: '2024-03-12',
      source: 'testwire',
    });
    const statement = (draft.document.statements as StatementDoc[])[0];
    expect([...(statement?.about ?? [])].sort()).toEqual(['DE', 'DK']);
    expect(draft.review.items.find((i) => i.path === '$.statements[0]')?.reason).toMatch(/both countries/);
  });

  it('proposes words of a described, unnamed speaker with the placeholder, flagged', () => {
    const draft = draftArticle({
      text: `${LEAD}The builder of a North Sea wind farm insisted on Friday that the cable delay would not matter.\n`,
      publishedOn: '2024-03-12',
      source: 'testwire',
    });
    const statement = (draft.document.statements as StatementDoc[])[0];
    expect(statement?.text.text).toBe('the cable delay would not matter');
    expect(statement?.speaker).toEqual({ organization: 'unresolved-speaker' });
    expect(draft.review.items.find((i) => i.path === '$.statements[0]')?.reason).toMatch(/described, not named/);
  });
});

describe('more speaker phrases', () => {
  it('takes "X, who …" for a person and "she" for her', () => {
    const draft = draftArticle({
      text: `${LEAD}Aigul Bekmukhamedova, who runs a seed cooperative, was hopeful. «We have seen worse years,» she said.\n`,
      publishedOn: '2024-03-12',
      source: 'testwire',
    });
    expect((draft.document.persons as { name: string }[]).map((p) => p.name)).toEqual(['Aigul Bekmukhamedova']);
    expect((draft.document.statements as StatementDoc[])[0]?.speaker).toEqual({ person: 'aigul-bekmukhamedova' });
  });

  it('reads "the dockers\' union said" and "The port operator, X, said"', () => {
    const body =
      "Cranes stood still on Monday, and the dockers' union said it saw no reason to talk. " +
      "The port operator, Varna Terminal Services, said in a statement that its offer stood. The Black Sea Dockers' Union met.";
    expect(statements(body).map(([, speaker, words]) => [speaker, words])).toEqual([
      ['black-sea-dockers-union', 'it saw no reason to talk'],
      ['varna-terminal-services', 'its offer stood'],
    ]);
  });

  it('proposes ", saying …" of a described subject with the placeholder, and no date from a relative clause', () => {
    const draft = draftArticle({
      text:
        `${LEAD}A Geneva-based alliance of seed banks asked donors for funds, saying thousands of samples could be lost. ` +
        'Farms depend on the store, according to Rahim Qureshi, an agronomist who worked there until last year.\n',
      publishedOn: '2024-03-12',
      source: 'testwire',
    });
    const [first, second] = draft.document.statements as StatementDoc[];
    expect(first?.text.text).toBe('thousands of samples could be lost');
    expect(first?.speaker).toEqual({ organization: 'unresolved-speaker' });
    expect(second?.saidOn).toBeNull();
  });
});

describe('fourth-batch shapes', () => {
  it('reads "X, chair of the Y, welcomed … but warned that"', () => {
    expect(
      statements(
        'Selin Aydın, chair of the Kemerlik Chamber of Logistics, welcomed the plan but warned that Turkish yards were full.',
      ),
    ).toEqual([
      [
        'PARAPHRASE',
        'selin-aydin',
        'Turkish yards were full',
        'Selin Aydın, chair of the Kemerlik Chamber of Logistics, welcomed the plan but warned that',
        ['TR'],
      ],
    ]);
  });

  it('reads "X warned, however, that"', () => {
    expect(statements('Karimova warned, however, that the canal was dry.')).toEqual([
      ['PARAPHRASE', K, 'the canal was dry', 'Karimova warned, however, that', []],
    ]);
  });

  it('does not take ", X said, closing the dispute" for a parenthetical attribution', () => {
    expect(
      statements(
        'The last payment arrived on Thursday, the Kestrel Dockers’ Union said, closing the dispute at the port.',
      ),
    ).toEqual([
      [
        'PARAPHRASE',
        'kestrel-dockers-union',
        'The last payment arrived on Thursday',
        'the Kestrel Dockers’ Union said, closing the dispute at the port',
        [],
      ],
    ]);
  });

  it('dates what is reported from a note by the note', () => {
    const draft = draftArticle({
      text: `${LEAD}Trade recovered, the Kestrel Institute said in a note published on Monday. According to the note, volumes rose.\n`,
      publishedOn: '2024-03-12',
      source: 'testwire',
    });
    const [first, second] = draft.document.statements as StatementDoc[];
    expect(first?.saidOn).toMatchObject({ value: '2024-03-11' });
    expect(second?.speaker).toEqual({ organization: 'kestrel-institute' });
    expect(second?.saidOn).toMatchObject({ value: '2024-03-11' });
  });
});
