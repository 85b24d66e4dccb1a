/**
 * The synthetic world: who exists (persons, organizations, news agencies) and what the
 * articles say (statements, events, participants, mentions, roles), as plain rows.
 *
 * Pure and deterministic: the same options and countries give the same rows, byte for byte,
 * however the rows are later batched. Articles are produced one at a time (`ArticleStream`) so
 * a million statements never sit in memory at once.
 *
 * Every span is recorded while the article body is being built (`TextBuilder`), so
 * `body.slice(start, end) === text` holds by construction; the tests check it in SQL anyway.
 */
import { createHash } from 'node:crypto';
import { organizationNameKeys, personNameKeys } from '../resolve/names.js';
import { distribute, Random, Zipf } from './random.js';
import {
  CLAUSES,
  EVENT_TEMPLATES,
  type EventKindName,
  FIRST_NAMES,
  HUB_COUNTRIES,
  LAST_NAMES,
  MONTHS,
  ORG_KIND_WEIGHTS,
  ORG_PATTERNS,
  PARAPHRASES,
  PARTICIPANT_ROLES,
  PERSON_TITLES,
  QUOTES,
  SYLLABLES,
  TIME_PHRASES,
  TOPICS,
  WEEKDAYS,
} from './vocabulary.js';

/** Prefix of every key the generator writes: how generated rows are told apart from real ones. */
export const GENERATED_KEY_PREFIX = 'gen-';
export const GENERATOR_VERSION = 'kg-generate/1';

export interface GenerateOptions {
  seed: number;
  statements: number;
  articles: number;
  events: number;
  persons: number;
  organizations: number;
  /** First publication day (UTC, YYYY-MM-DD) and the number of days articles spread over. */
  firstDay: string;
  days: number;
}

const clamp = (x: number, min: number, max: number) => Math.max(min, Math.min(max, x));

/** Fills in the sizes not given, by ratios seen in agency news (see docs/benchmarks.md). */
export function resolveOptions(given: Partial<GenerateOptions> & { statements: number }): GenerateOptions {
  const n = given.statements;
  if (!Number.isInteger(n) || n < 0) throw new Error('statements must be a non-negative integer');
  const articles = given.articles ?? (n === 0 ? 0 : Math.max(1, Math.ceil(n / 20)));
  const options: GenerateOptions = {
    seed: given.seed ?? 1,
    statements: n,
    articles,
    events: given.events ?? Math.round(n / 4),
    persons: given.persons ?? clamp(Math.round(n / 100), 20, 20_000),
    organizations: given.organizations ?? clamp(Math.round(n / 500), 12, 5_000),
    firstDay: given.firstDay ?? '2021-01-01',
    days: given.days ?? 1095,
  };
  if (n > 0 && options.articles > n)
    throw new Error('every article needs at least one statement: articles ≤ statements');
  if (options.organizations < 4) throw new Error('organizations must be at least 4 (news agencies and speakers)');
  if (options.persons < 1 && n > 0) throw new Error('persons must be at least 1');
  return options;
}

/** The identity of a generated data set: stored as every generated article's annotationHash. */
export function parametersHash(options: GenerateOptions): string {
  return createHash('sha256')
    .update(JSON.stringify({ generator: GENERATOR_VERSION, ...options }))
    .digest('hex');
}

export function describeOptions(o: GenerateOptions): string {
  return (
    `seed ${o.seed}, ${o.statements} statements, ${o.articles} articles, ${o.events} events, ` +
    `${o.persons} persons, ${o.organizations} organizations`
  );
}

export interface CountryInfo {
  code: string;
  name: string;
  capital: string | null;
}

// ---------------------------------------------------------------------------------------------
// Rows, as the loader inserts them (column names as in the database).
// ---------------------------------------------------------------------------------------------

export interface PersonRow {
  id: number;
  key: string;
  name: string;
  aliases: string[];
  nameKeys: string[];
}
export interface OrganizationRow {
  id: number;
  key: string;
  name: string;
  acronym: string | null;
  aliases: string[];
  kind: string;
  parentId: number | null;
  countryCode: string | null;
  nameKeys: string[];
}
export interface ArticleRow {
  id: number;
  key: string;
  title: string;
  body: string;
  language: string;
  dateline: string;
  sourceId: number;
  publishedOn: string;
  publishedOnPrecision: string;
  publishedOnBasis: string;
  contentHash: string;
  annotationHash: string;
  synthetic: true;
}
export interface StatementRow {
  id: number;
  key: string;
  articleId: number;
  kind: 'QUOTE' | 'PARAPHRASE';
  text: string;
  start: number;
  end: number;
  attributionStart: number;
  attributionEnd: number;
  attributionText: string;
  speakerPersonId: number | null;
  speakerOrganizationId: number | null;
  saidOn: string | null;
  saidOnPrecision: string | null;
  saidOnBasis: string | null;
  occasionId: number | null;
}
export interface StatementAboutRow {
  /** Country code. */
  A: string;
  /** Statement id. */
  B: number;
}
export interface EventRow {
  id: number;
  key: string;
  articleId: number;
  title: string;
  kind: EventKindName;
  startDate: string | null;
  startPrecision: string | null;
  startBasis: string | null;
  endDate: string | null;
  endPrecision: string | null;
  endBasis: string | null;
  countryCode: string | null;
  location: string | null;
  parentId: number | null;
  evidenceStart: number;
  evidenceEnd: number;
  evidenceText: string;
}
export interface ParticipantRow {
  id: number;
  eventId: number;
  articleId: number;
  role: string;
  personId: number | null;
  organizationId: number | null;
  countryCode: string | null;
}
export interface MentionRow {
  id: number;
  articleId: number;
  start: number;
  end: number;
  text: string;
  personId: number | null;
  organizationId: number | null;
  countryCode: string | null;
}
export interface RoleRow {
  id: number;
  personId: number;
  title: string;
  countryCode: string | null;
  articleId: number;
  evidenceStart: number;
  evidenceEnd: number;
  evidenceText: string;
}

/** An article's report of one of its events: every generated event has exactly one. */
export type EventReportRow = Omit<EventRow, 'id' | 'key'> & { eventId: number; localKey: string };

/** Which nodes an article supports (see Resolution): generated entities are the article's own. */
export interface ResolutionRow {
  articleId: number;
  kind: 'PERSON' | 'ORGANIZATION' | 'COUNTRY' | 'EVENT';
  localKey: string;
  description: string;
  rule: 'KEY' | 'CREATED' | 'COUNTRY_NAME';
  score: number;
  reason: string;
  personId: number | null;
  organizationId: number | null;
  countryCode: string | null;
  eventId: number | null;
}

/** Everything one article contributes. */
export interface ArticleRows {
  article: ArticleRow;
  statements: StatementRow[];
  about: StatementAboutRow[];
  events: EventRow[];
  reports: EventReportRow[];
  participants: ParticipantRow[];
  mentions: MentionRow[];
  roles: RoleRow[];
  resolutions: ResolutionRow[];
}

/** The largest id already used in each table: generated ids continue from there. */
export interface IdBases {
  person: number;
  organization: number;
  article: number;
  statement: number;
  event: number;
  participant: number;
  mention: number;
  role: number;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDay = (epochDay: number) => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const firstOfMonth = (epochDay: number) => {
  const d = new Date(epochDay * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
};
const monthName = (epochDay: number) => MONTHS[new Date(epochDay * DAY_MS).getUTCMonth()] as string;
const dayOfMonth = (epochDay: number) => new Date(epochDay * DAY_MS).getUTCDate();
const weekday = (epochDay: number) => WEEKDAYS[new Date(epochDay * DAY_MS).getUTCDay()] as string;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Mark {
  start: number;
  end: number;
  /** What the marked words refer to, e.g. a country code. */
  ref: string;
}

/** Replaces {SLOT}s; slots whose value has a `ref` are recorded as marks (offsets in the result). */
function fill(
  template: string,
  slots: Record<string, { text: string; ref?: string }>,
): { text: string; marks: Mark[] } {
  let out = '';
  const marks: Mark[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([A-Z0-9]+)\}/g)) {
    out += template.slice(last, match.index);
    const slot = slots[match[1] as string];
    if (!slot) throw new Error(`internal: template slot {${match[1]}} has no value in "${template}"`);
    if (slot.ref !== undefined) marks.push({ start: out.length, end: out.length + slot.text.length, ref: slot.ref });
    out += slot.text;
    last = (match.index as number) + match[0].length;
  }
  out += template.slice(last);
  return { text: out, marks };
}

/** Appends text and remembers where each piece landed, in UTF-16 code units (String.slice). */
class TextBuilder {
  private parts: string[] = [];
  length = 0;

  append(text: string): { start: number; end: number; text: string } {
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    return { start, end: this.length, text };
  }

  toString(): string {
    return this.parts.join('');
  }
}

function inventWord(random: Random, syllables = random.range(2, 3)): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLES);
  return capitalize(word);
}

const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w) && !['Of', 'The'].includes(w))
    .map((w) => w[0])
    .join('');

// ---------------------------------------------------------------------------------------------
// The cast: persons and organizations
// ---------------------------------------------------------------------------------------------

interface Person {
  row: PersonRow;
  surname: string;
  country: CountryInfo;
  title: string;
}

interface Organization {
  row: OrganizationRow;
  country: CountryInfo | null;
  /** Short name used in titles. */
  short: string;
}

export class World {
  readonly countries: CountryInfo[];
  readonly countryZipf: Zipf;
  readonly persons: Person[] = [];
  readonly organizations: Organization[] = [];
  readonly agencies: Organization[] = [];
  readonly speakingOrganizations: Organization[] = [];
  private readonly personZipf: Zipf;
  private readonly speakingOrgZipf: Zipf;
  private readonly agencyZipf: Zipf;
  private readonly topicZipf = new Zipf(TOPICS.length, 0.9);

  constructor(
    readonly options: GenerateOptions,
    countries: readonly CountryInfo[],
    readonly ids: IdBases,
  ) {
    if (countries.length === 0) throw new Error('no countries in the database: seed it first (npm run seed)');
    const random = new Random(options.seed, 1);
    // Hubs first (the countries this service's news is about), then a seeded shuffle of the rest.
    const byCode = new Map(countries.map((c) => [c.code, c]));
    const hubs = HUB_COUNTRIES.map((code) => byCode.get(code)).filter((c): c is CountryInfo => c !== undefined);
    const rest = random.shuffled(
      [...countries].filter((c) => !HUB_COUNTRIES.includes(c.code)).sort((a, b) => (a.code < b.code ? -1 : 1)),
    );
    this.countries = [...hubs, ...rest];
    this.countryZipf = new Zipf(this.countries.length, 1.1);

    this.buildOrganizations(random);
    this.buildPersons(random);
    this.personZipf = new Zipf(Math.max(1, this.persons.length), 1.0);
    this.speakingOrgZipf = new Zipf(Math.max(1, this.speakingOrganizations.length), 1.0);
    this.agencyZipf = new Zipf(this.agencies.length, 1.2);
  }

  randomCountry(random: Random): CountryInfo {
    return this.countries[this.countryZipf.sample(random)] as CountryInfo;
  }

  topic(random: Random): string {
    return TOPICS[this.topicZipf.sample(random)] as string;
  }

  private buildOrganizations(random: Random) {
    const total = this.options.organizations;
    const agencies = Math.max(3, Math.round(total / 20));
    const names = new Set<string>();
    const governmentOf = new Map<string, Organization>();
    for (let i = 0; i < total; i++) {
      const kind = i < agencies ? 'NEWS_AGENCY' : random.weighted(ORG_KIND_WEIGHTS);
      const countryBound = ['GOVERNMENT', 'GOVERNMENT_BODY', 'ARMED_FORCES', 'NEWS_AGENCY'].includes(kind);
      const country = countryBound || random.chance(0.3) ? this.randomCountry(random) : null;
      let name = '';
      for (let attempt = 0; attempt < 20 && (name === '' || names.has(name)); attempt++) {
        const pattern = random.pick(ORG_PATTERNS[kind as keyof typeof ORG_PATTERNS] as readonly string[]);
        name = fill(pattern, {
          C: { text: (country ?? this.randomCountry(random)).name },
          X: { text: inventWord(random) },
        }).text;
      }
      if (names.has(name)) name = `${name} ${i}`;
      names.add(name);
      const acronym = [
        'NEWS_AGENCY',
        'INTERGOVERNMENTAL_ORGANIZATION',
        'INTERGOVERNMENTAL_BODY',
        'NON_STATE_GROUP',
      ].includes(kind)
        ? initials(name)
        : null;
      const parent = kind === 'GOVERNMENT_BODY' && country ? governmentOf.get(country.code) : undefined;
      const org: Organization = {
        row: {
          id: this.ids.organization + i + 1,
          key: `${GENERATED_KEY_PREFIX}o${pad(i + 1, 5)}`,
          name,
          acronym,
          aliases: acronym ? [acronym] : [],
          kind,
          parentId: parent?.row.id ?? null,
          countryCode: country?.code ?? null,
          nameKeys: organizationNameKeys(name, acronym, acronym ? [acronym] : []),
        },
        country,
        short: acronym ?? name,
      };
      if (kind === 'GOVERNMENT' && country && !governmentOf.has(country.code)) governmentOf.set(country.code, org);
      this.organizations.push(org);
      if (kind === 'NEWS_AGENCY') this.agencies.push(org);
      else this.speakingOrganizations.push(org);
    }
  }

  private buildPersons(random: Random) {
    for (let i = 0; i < this.options.persons; i++) {
      const first = random.pick(FIRST_NAMES);
      const surname = random.pick(LAST_NAMES);
      const country = this.randomCountry(random);
      const title = fill(random.weighted(PERSON_TITLES), { C: { text: country.name } }).text;
      this.persons.push({
        row: {
          id: this.ids.person + i + 1,
          key: `${GENERATED_KEY_PREFIX}p${pad(i + 1, 6)}`,
          name: `${first} ${surname}`,
          aliases: [surname],
          nameKeys: personNameKeys(`${first} ${surname}`, [surname]),
        },
        surname,
        country,
        title,
      });
    }
  }

  pickPerson(random: Random): Person {
    return this.persons[this.personZipf.sample(random)] as Person;
  }

  pickSpeakingOrganization(random: Random): Organization {
    return this.speakingOrganizations[this.speakingOrgZipf.sample(random)] as Organization;
  }

  pickAgency(random: Random): Organization {
    return this.agencies[this.agencyZipf.sample(random)] as Organization;
  }

  /** The key of a generated person or organization, from its id (ids are consecutive). */
  personKey(id: number): string {
    return (this.persons[id - this.ids.person - 1] as Person).row.key;
  }

  organizationKey(id: number): string {
    return (this.organizations[id - this.ids.organization - 1] as Organization).row.key;
  }
}

// ---------------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------------

const TITLE_PATTERNS = [
  '{S} warns of {T} risks in {C1}',
  '{S} calls for talks with {C1} on {T}',
  '{C1} ready to cooperate on {T}, says {S}',
  '{S} comments on situation in {C1}',
  '{S}: decisions on {T} in {C1} expected {W}',
];

/**
 * Produces the articles in order, each with everything it contributes. Article i's date,
 * statement count and event count are fixed up front (dates sorted, as a news archive is
 * ingested in publication order), the rest is drawn from one random stream as articles are
 * produced, so the rows do not depend on how the loader batches them.
 */
export class ArticleStream {
  private readonly random: Random;
  private readonly days: Int32Array;
  private readonly statementCounts: number[];
  private readonly eventCounts: number[];
  private readonly hash: string;
  private readonly personHasRole: Uint8Array;
  /** Recent CRISIS events per country, the parents of later events there. */
  private readonly crises = new Map<string, number[]>();
  private next = 0;
  private statementOrdinal = 0;
  private eventOrdinal = 0;
  private participantOrdinal = 0;
  private mentionOrdinal = 0;
  private roleOrdinal = 0;
  private readonly contentHashes = new Set<string>();

  constructor(private readonly world: World) {
    const o = world.options;
    this.hash = parametersHash(o);
    this.personHasRole = new Uint8Array(world.persons.length);
    const random = new Random(o.seed, 2);
    // Publication days: mostly uniform, a fifth clustered around a few "big news" weeks.
    const first = dayOf(o.firstDay);
    const bursts = Array.from({ length: 12 }, () => random.int(o.days));
    const days = new Int32Array(o.articles);
    for (let i = 0; i < o.articles; i++) {
      const offset = random.chance(0.2)
        ? clamp(Math.round((bursts[random.int(bursts.length)] as number) + random.normal() * 6), 0, o.days - 1)
        : random.int(o.days);
      days[i] = first + offset;
    }
    days.sort();
    this.days = days;
    // Statements per article: log-normal-ish sizes around the mean, at least one each.
    const sizes = Array.from({ length: o.articles }, () => Math.exp(0.5 * random.normal()));
    this.statementCounts = distribute(o.statements, sizes, o.articles > 0 ? 1 : 0);
    this.eventCounts = distribute(o.events, this.statementCounts, 0);
    this.random = new Random(o.seed, 3);
  }

  get remaining(): number {
    return this.world.options.articles - this.next;
  }

  /** The next article with everything it contributes, or null when all are produced. */
  nextArticle(): ArticleRows | null {
    const index = this.next;
    if (index >= this.world.options.articles) return null;
    this.next++;
    const { world, random } = this;
    const articleId = world.ids.article + index + 1;
    const articleKey = `${GENERATED_KEY_PREFIX}a${pad(index + 1, 7)}`;
    const day = this.days[index] as number;
    const published = isoDay(day);
    const agency = world.pickAgency(random);

    const rows: ArticleRows = {
      article: undefined as unknown as ArticleRow,
      statements: [],
      about: [],
      events: [],
      reports: [],
      participants: [],
      mentions: [],
      roles: [],
      resolutions: [],
    };

    // Plan the statements first: the title and dateline come from the first one.
    const plans = Array.from({ length: this.statementCounts[index] as number }, () => this.planStatement(day));
    const lead = plans[0];
    const mainCountry = lead ? (world.countries[lead.about[0] as number] as CountryInfo) : world.randomCountry(random);
    const datelineCountry = mainCountry.capital ? mainCountry : (agency.country ?? mainCountry);
    const dateline = `${(datelineCountry.capital ?? datelineCountry.name).toUpperCase()}, ${monthName(day)} ${dayOfMonth(day)}. /${agency.short}/.`;
    const title = fill(random.pick(TITLE_PATTERNS), {
      S: { text: lead ? lead.speakerShort : agency.short },
      T: { text: lead?.topic ?? world.topic(random) },
      C1: { text: mainCountry.name },
      W: { text: random.pick(TIME_PHRASES) },
    }).text;

    const body = new TextBuilder();
    body.append(`${title}\n\n${dateline} `);

    // Events first in the plan so statements can name one as their occasion.
    const eventCount = this.eventCounts[index] as number;
    const events: { row: EventRow; sentence: string; marks: Mark[] }[] = [];
    for (let e = 0; e < eventCount; e++) events.push(this.planEvent(day, articleId, mainCountry));
    const occasions = events.filter((e) => e.row.kind === 'MEETING' || e.row.kind === 'OTHER').map((e) => e.row.id);

    // Sentence order: the first event (if any) sets the scene, then statements and the other
    // events interleaved; paragraphs of one to three sentences.
    type Item = { kind: 'statement'; index: number } | { kind: 'event'; index: number };
    const items: Item[] = [
      ...plans.map((_, i) => ({ kind: 'statement' as const, index: i })),
      ...events.slice(1).map((_, i) => ({ kind: 'event' as const, index: i + 1 })),
    ];
    const order: Item[] = [
      ...(events.length > 0 ? [{ kind: 'event' as const, index: 0 }] : []),
      ...random.shuffled(items),
    ];
    let inParagraph = 0;
    let paragraphSize = random.range(1, 3);
    order.forEach((item, position) => {
      if (position > 0) {
        if (inParagraph >= paragraphSize) {
          body.append('\n\n');
          inParagraph = 0;
          paragraphSize = random.range(1, 3);
        } else {
          body.append(' ');
        }
      }
      inParagraph++;
      if (item.kind === 'event') {
        const event = events[item.index] as (typeof events)[number];
        const span = body.append(event.sentence);
        event.row.evidenceStart = span.start;
        event.row.evidenceEnd = span.end;
        event.row.evidenceText = span.text;
        for (const mark of event.marks) {
          const text = event.sentence.slice(mark.start, mark.end);
          rows.mentions.push(
            this.mention(articleId, span.start + mark.start, span.start + mark.end, text, { countryCode: mark.ref }),
          );
        }
      } else {
        const plan = plans[item.index] as StatementPlan;
        this.writeStatement(plan, body, articleId, articleKey, day, rows.statements.length, occasions, rows);
      }
    });
    body.append('\n');

    const text = body.toString();
    const contentHash = createHash('sha256').update(text).digest('hex');
    if (this.contentHashes.has(contentHash)) {
      // Practically impossible; kept so a unique-constraint violation can never stop a load.
      throw new Error(`internal: generated article ${articleKey} repeats an earlier body`);
    }
    this.contentHashes.add(contentHash);
    rows.article = {
      id: articleId,
      key: articleKey,
      title,
      body: text,
      language: 'en',
      dateline,
      sourceId: agency.row.id,
      publishedOn: published,
      publishedOnPrecision: 'DAY',
      publishedOnBasis: `synthetic (${GENERATOR_VERSION}; ${describeOptions(world.options)})`,
      contentHash,
      annotationHash: this.hash,
      synthetic: true,
    };
    rows.events = events.map((e) => e.row);
    rows.reports = rows.events.map(({ id, key, ...report }) => ({ ...report, eventId: id, localKey: key }));
    for (const e of rows.events) {
      if (e.kind === 'CRISIS' && e.countryCode) {
        const list = this.crises.get(e.countryCode) ?? [];
        list.push(e.id);
        if (list.length > 4) list.shift();
        this.crises.set(e.countryCode, list);
      }
    }
    for (const e of events) rows.participants.push(...this.participants(e.row));
    rows.resolutions = supportedNodes(rows, world);
    return rows;
  }

  private mention(
    articleId: number,
    start: number,
    end: number,
    text: string,
    target: { personId?: number; organizationId?: number; countryCode?: string },
  ): MentionRow {
    this.mentionOrdinal++;
    return {
      id: this.world.ids.mention + this.mentionOrdinal,
      articleId,
      start,
      end,
      text,
      personId: target.personId ?? null,
      organizationId: target.organizationId ?? null,
      countryCode: target.countryCode ?? null,
    };
  }

  private planStatement(day: number): StatementPlan {
    const { world, random } = this;
    const byPerson = random.chance(0.75) || world.speakingOrganizations.length === 0;
    const person = byPerson ? world.pickPerson(random) : null;
    const org = person ? null : world.pickSpeakingOrganization(random);
    const aboutCount = random.weighted([
      [1, 60],
      [2, 30],
      [3, 10],
    ] as const);
    const about: number[] = [];
    const home = person?.country ?? org?.country ?? null;
    if (home && random.chance(0.3)) about.push(world.countries.indexOf(home));
    for (let guard = 0; about.length < aboutCount && guard < 20; guard++) {
      const c = world.countryZipf.sample(random);
      if (!about.includes(c)) about.push(c);
    }
    const kind: 'QUOTE' | 'PARAPHRASE' = random.chance(0.55) ? 'QUOTE' : 'PARAPHRASE';
    const templates = (kind === 'QUOTE' ? QUOTES : PARAPHRASES)[about.length] as readonly string[];
    const topic = world.topic(random);
    const slots: Record<string, { text: string; ref?: string }> = {
      T: { text: topic },
      W: { text: random.pick(TIME_PHRASES) },
    };
    about.forEach((c, i) => {
      const country = world.countries[c] as CountryInfo;
      slots[`C${i + 1}`] = { text: country.name, ref: country.code };
    });
    const content = fill(random.pick(templates), slots);
    if (random.chance(0.25)) content.text += `, ${random.pick(CLAUSES)}`;
    // When it was said: the day of publication or just before (DAY), "earlier this month"
    // (MONTH), or not stated.
    const when = random.weighted([
      ['day', 80],
      ['month', 10],
      ['none', 10],
    ] as const);
    const back = random.weighted([
      [0, 60],
      [1, 30],
      [2, 10],
    ] as const);
    return {
      kind,
      person,
      org,
      about,
      topic,
      content,
      when,
      saidDay: when === 'day' ? day - back : when === 'month' ? firstOfMonth(day) : null,
      form: random.int(4),
      useTitle: random.chance(0.5),
      surnameOnly: random.chance(0.4),
      speakerShort: person ? person.surname : (org as Organization).short,
    };
  }

  private writeStatement(
    plan: StatementPlan,
    body: TextBuilder,
    articleId: number,
    articleKey: string,
    articleDay: number,
    index: number,
    occasions: number[],
    rows: ArticleRows,
  ) {
    const { world, random } = this;
    const whenPhrase =
      plan.when === 'day' ? `on ${weekday(plan.saidDay as number)}` : plan.when === 'month' ? 'earlier this month' : '';
    const saidOnBasis =
      plan.when === 'none' ? null : `"${whenPhrase}" in an article published on ${isoDay(articleDay)}`;

    // Attribution: the speaker's words and where the speaker's name sits inside them.
    const person = plan.person;
    const org = plan.org;
    const titled = Boolean(person && plan.useTitle);
    const name = person
      ? plan.surnameOnly && !titled
        ? person.surname
        : person.row.name
      : `the ${(org as Organization).row.name}`;
    const nameRef = person ? `p${person.row.id}` : `o${(org as Organization).row.id}`;
    const said = whenPhrase ? `said ${whenPhrase}` : 'said';
    let attribution: { text: string; marks: Mark[] };
    let sentence: (attr: string, content: string) => { text: string; attrAt: number; contentAt: number };
    const quote = plan.kind === 'QUOTE';
    const content = quote ? capitalize(plan.content.text) : plan.content.text;
    const speaker = { text: person ? name : (org as Organization).row.name, ref: nameRef };
    const titleSlot = { text: person ? person.title : '', ref: 'title' };
    if (quote) {
      if (plan.form % 2 === 0) {
        attribution = person
          ? fill(titled ? `{R} {N} ${said}` : `{N} ${said}`, { R: titleSlot, N: speaker })
          : fill(`the {N} ${said} in a statement`, { N: speaker });
        sentence = (a, c) => ({ text: `"${c}," ${a}.`, contentAt: 1, attrAt: c.length + 4 });
      } else {
        attribution = person
          ? fill(titled ? '{R} {N} told reporters' : '{N} told reporters', { R: titleSlot, N: speaker })
          : fill('A statement by the {N} reads', { N: speaker });
        sentence = (a, c) => ({ text: `${a}: "${c}."`, attrAt: 0, contentAt: a.length + 3 });
      }
    } else if (plan.form % 2 === 0 || !person) {
      attribution = person
        ? fill(titled ? `{R} {N} ${said} that` : `{N} ${said} that`, { R: titleSlot, N: speaker })
        : fill(`The {N} ${said} that`, { N: speaker });
      sentence = (a, c) => ({ text: `${a} ${c}.`, attrAt: 0, contentAt: a.length + 1 });
    } else {
      attribution = fill('According to {N}', { N: speaker });
      sentence = (a, c) => ({ text: `${a}, ${c}.`, attrAt: 0, contentAt: a.length + 2 });
    }
    let built = sentence(attribution.text, content);
    if (built.attrAt === 0) {
      // The attribution opens the sentence ("The Ministry of ... said that").
      attribution.text = capitalize(attribution.text);
      built = sentence(attribution.text, content);
    }
    const span = body.append(built.text);
    const text = content;
    const start = span.start + built.contentAt;
    const attrStart = span.start + built.attrAt;

    this.statementOrdinal++;
    const id = world.ids.statement + this.statementOrdinal;
    const occasionId = occasions.length > 0 && random.chance(0.4) ? random.pick(occasions) : null;
    rows.statements.push({
      id,
      key: `${articleKey}/s${pad(index + 1, 2)}`,
      articleId,
      kind: plan.kind,
      text,
      start,
      end: start + text.length,
      attributionStart: attrStart,
      attributionEnd: attrStart + attribution.text.length,
      attributionText: attribution.text,
      speakerPersonId: person?.row.id ?? null,
      speakerOrganizationId: org?.row.id ?? null,
      saidOn: plan.saidDay === null ? null : isoDay(plan.saidDay),
      saidOnPrecision: plan.when === 'day' ? 'DAY' : plan.when === 'month' ? 'MONTH' : null,
      saidOnBasis,
      occasionId,
    });
    for (const c of plan.about) rows.about.push({ A: (world.countries[c] as CountryInfo).code, B: id });

    for (const mark of attribution.marks) {
      const s = attrStart + mark.start;
      const e = attrStart + mark.end;
      if (mark.ref === 'title') {
        // The person's position, as the article states it: a Role, recorded once per person.
        const p = person as Person;
        const personIndex = p.row.id - world.ids.person - 1;
        if (!this.personHasRole[personIndex]) {
          this.personHasRole[personIndex] = 1;
          this.roleOrdinal++;
          rows.roles.push({
            id: world.ids.role + this.roleOrdinal,
            personId: p.row.id,
            title: p.title,
            countryCode: p.country.code,
            articleId,
            evidenceStart: s,
            evidenceEnd: e,
            evidenceText: p.title,
          });
        }
        continue;
      }
      const target = person ? { personId: person.row.id } : { organizationId: (org as Organization).row.id };
      rows.mentions.push(this.mention(articleId, s, e, attribution.text.slice(mark.start, mark.end), target));
    }
    for (const mark of plan.content.marks) {
      const words = text.slice(mark.start, mark.end);
      rows.mentions.push(
        this.mention(articleId, start + mark.start, start + mark.end, words, { countryCode: mark.ref }),
      );
    }
  }

  private planEvent(
    articleDay: number,
    articleId: number,
    mainCountry: CountryInfo,
  ): { row: EventRow; sentence: string; marks: Mark[] } {
    const { world, random } = this;
    const kind = random.weighted(
      (Object.entries(EVENT_TEMPLATES) as [EventKindName, { weight: number }][]).map(
        ([k, t]) => [k, t.weight] as const,
      ),
    );
    const template = EVENT_TEMPLATES[kind];
    const country = random.chance(0.5) && mainCountry.capital ? mainCountry : this.worldCountryWithCapital();
    const back = kind === 'CRISIS' ? random.int(60) : random.int(20);
    const startDay = articleDay - back;
    const byMonth = random.chance(0.15);
    const startDate = byMonth ? firstOfMonth(startDay) : startDay;
    const datePhrase = byMonth ? `in ${monthName(startDay)}` : `on ${monthName(startDay)} ${dayOfMonth(startDay)}`;
    const topic = world.topic(random);
    const slots = {
      L: { text: country.capital as string },
      C1: { text: country.name, ref: country.code },
      D: { text: datePhrase },
      T: { text: topic },
      N: { text: String(random.range(3, 200)) },
    };
    const { text: sentence, marks } = fill(random.pick(template.sentence), slots);
    const title = fill(template.title, { ...slots, C1: { text: country.name } }).text;
    const hasEnd = !byMonth && random.chance(0.25);
    const endDay = startDay + random.int(8);
    const crises = kind === 'CRISIS' ? undefined : this.crises.get(country.code);
    this.eventOrdinal++;
    const id = world.ids.event + this.eventOrdinal;
    const basis = `"${datePhrase}" in an article published on ${isoDay(articleDay)}`;
    return {
      row: {
        id,
        key: `${GENERATED_KEY_PREFIX}e${pad(this.eventOrdinal, 7)}`,
        articleId,
        title,
        kind,
        startDate: isoDay(startDate),
        startPrecision: byMonth ? 'MONTH' : 'DAY',
        startBasis: basis,
        endDate: hasEnd ? isoDay(endDay) : null,
        endPrecision: hasEnd ? 'DAY' : null,
        endBasis: hasEnd ? 'synthetic: duration drawn by the generator' : null,
        countryCode: country.code,
        location: country.capital,
        parentId: crises && crises.length > 0 && random.chance(0.4) ? (crises[crises.length - 1] as number) : null,
        // Filled in when the sentence is placed in the body.
        evidenceStart: 0,
        evidenceEnd: 0,
        evidenceText: '',
      },
      sentence,
      marks,
    };
  }

  private worldCountryWithCapital(): CountryInfo {
    for (let i = 0; i < 8; i++) {
      const c = this.world.randomCountry(this.random);
      if (c.capital) return c;
    }
    return this.world.countries.find((c) => c.capital) as CountryInfo;
  }

  private participants(event: EventRow): ParticipantRow[] {
    const { world, random } = this;
    const count = event.kind === 'MEETING' ? random.range(2, 4) : random.range(0, 2);
    const seen = new Set<string>();
    const out: ParticipantRow[] = [];
    for (let i = 0; i < count; i++) {
      const type = random.weighted([
        ['person', 40],
        ['organization', 30],
        ['country', 30],
      ] as const);
      const actor =
        type === 'person'
          ? { personId: world.pickPerson(random).row.id }
          : type === 'organization'
            ? { organizationId: world.pickSpeakingOrganization(random).row.id }
            : { countryCode: world.randomCountry(random).code };
      const id = JSON.stringify(actor);
      if (seen.has(id)) continue;
      seen.add(id);
      this.participantOrdinal++;
      out.push({
        id: world.ids.participant + this.participantOrdinal,
        eventId: event.id,
        articleId: event.articleId,
        role: random.pick(PARTICIPANT_ROLES[event.kind as EventKindName]),
        personId: null,
        organizationId: null,
        countryCode: null,
        ...actor,
      });
    }
    return out;
  }
}

interface StatementPlan {
  kind: 'QUOTE' | 'PARAPHRASE';
  person: Person | null;
  org: Organization | null;
  /** Indexes into world.countries. */
  about: number[];
  topic: string;
  content: { text: string; marks: Mark[] };
  when: 'day' | 'month' | 'none';
  saidDay: number | null;
  form: number;
  useTitle: boolean;
  surnameOnly: boolean;
  speakerShort: string;
}

/**
 * The resolutions a generated article records: every person, organization, country and event
 * it names is its own (the generator invents them), recorded as resolved by key.
 */
function supportedNodes(rows: ArticleRows, world: World): ResolutionRow[] {
  const articleId = rows.article.id;
  const out = new Map<string, ResolutionRow>();
  const base = { articleId, description: '{}', score: 1, reason: 'synthetic: generated with its article' };
  const none = { personId: null, organizationId: null, countryCode: null, eventId: null };
  const add = (kind: ResolutionRow['kind'], localKey: string, target: Partial<ResolutionRow>) => {
    const rule = kind === 'COUNTRY' ? 'COUNTRY_NAME' : kind === 'EVENT' ? 'CREATED' : 'KEY';
    if (!out.has(`${kind}:${localKey}`))
      out.set(`${kind}:${localKey}`, { ...base, ...none, kind, localKey, rule, ...target });
  };
  const personKey = (id: number) => world.personKey(id);
  const organizationKey = (id: number) => world.organizationKey(id);
  add('ORGANIZATION', organizationKey(rows.article.sourceId), { organizationId: rows.article.sourceId });
  for (const m of rows.mentions) {
    if (m.personId !== null) add('PERSON', personKey(m.personId), { personId: m.personId });
    if (m.organizationId !== null)
      add('ORGANIZATION', organizationKey(m.organizationId), { organizationId: m.organizationId });
    if (m.countryCode !== null) add('COUNTRY', m.countryCode, { countryCode: m.countryCode });
  }
  for (const s of rows.statements) {
    if (s.speakerPersonId !== null) add('PERSON', personKey(s.speakerPersonId), { personId: s.speakerPersonId });
    if (s.speakerOrganizationId !== null) {
      add('ORGANIZATION', organizationKey(s.speakerOrganizationId), { organizationId: s.speakerOrganizationId });
    }
  }
  for (const a of rows.about) add('COUNTRY', a.A, { countryCode: a.A });
  for (const p of rows.participants) {
    if (p.personId !== null) add('PERSON', personKey(p.personId), { personId: p.personId });
    if (p.organizationId !== null)
      add('ORGANIZATION', organizationKey(p.organizationId), { organizationId: p.organizationId });
    if (p.countryCode !== null) add('COUNTRY', p.countryCode, { countryCode: p.countryCode });
  }
  for (const r of rows.roles) add('PERSON', personKey(r.personId), { personId: r.personId });
  for (const e of rows.events) add('EVENT', e.key, { eventId: e.id });
  return [...out.values()];
}
