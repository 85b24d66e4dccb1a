/**
 * Turns the finders' proposals into a `kg-annotation/1` document (keys, spans with their
 * text, references between sections) and the review items that say why each is there.
 */
import { type DateValue, PLACEHOLDER_SPEAKER, type Span } from '../annotations/format.js';
import type { EventProposal } from './events.js';
import { slug, uniqueKey } from './keys.js';
import type { OrganizationProposal } from './organizations.js';
import type { PersonProposal } from './persons.js';
import { type ReviewItem, reviewItem } from './review.js';
import type { StatementProposal } from './statements.js';
import type { CountryMention, Range, ResolvedDate } from './types.js';

/** The draft's stand-in for a speaker no rule found (ingestion refuses it). */
export const UNRESOLVED_SPEAKER = PLACEHOLDER_SPEAKER;

export interface Assembly {
  text: string;
  countries: CountryMention[];
  persons: PersonProposal[];
  organizations: OrganizationProposal[];
  statements: (StatementProposal & {
    saidOn: ResolvedDate | null;
    saidOnRule: string | null;
    occasion: number | null;
  })[];
  events: EventProposal[];
}

type Json = Record<string, unknown>;

export function assembleSections(a: Assembly): { sections: Json; items: ReviewItem[] } {
  const span = (r: Range): Span => ({ start: r.start, end: r.end, text: a.text.slice(r.start, r.end) });
  const date = (d: ResolvedDate | null): DateValue | null => d && { ...d.date, evidence: span(d.evidence) };
  const items: ReviewItem[] = [];

  const byCode = new Map<string, CountryMention[]>();
  for (const m of a.countries) byCode.set(m.code, [...(byCode.get(m.code) ?? []), m]);
  const countries = [...byCode].map(([code, mentions], i) => {
    for (const m of mentions) items.push(reviewItem(`$.countries[${i}]`, 'country', `${m.text} → ${code}`, m));
    const aliases = [
      ...new Set(mentions.filter((m) => ['alias', 'adjective', 'plural'].includes(m.kind)).map((m) => m.text)),
    ];
    return { code, aliases, mentions: mentions.map(span) };
  });

  const needsPlaceholder = a.statements.some((s) => !s.speakerRef);
  const orgs: OrganizationProposal[] = [...a.organizations];
  for (const e of a.events) {
    if (e.force && !orgs.some((o) => o.key === e.force?.key)) {
      orgs.push({
        key: e.force.key,
        name: e.force.name,
        acronym: null,
        kind: 'ARMED_FORCES',
        country: null,
        parentKey: null,
        leadCountry: null,
        mentions: [
          {
            start: e.force.start,
            end: e.force.end,
            text: a.text.slice(e.force.start, e.force.end),
            rule: 'organization-deployed-force',
            confidence: 0.6,
          },
        ],
        rule: 'organization-deployed-force',
        confidence: 0.6,
        flag: 'a force the text names only by a noun: keep it as an organization?',
      });
    }
  }
  const orgKeys = new Set(orgs.map((o) => o.key));
  const orgByText = (written: string | null) => {
    if (!written) return null;
    const named = orgs.find((o) => o.name === written || o.acronym === written || o.key === slug(written));
    if (named) return named.key;
    // "the association’s director", "the company’s general manager": the one organisation so called.
    const noun = written
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/[’']s$/, '');
    const called = orgs.filter(
      (o) =>
        o.kind !== 'NEWS_AGENCY' &&
        (o.name.toLowerCase().split(/\s+/).at(-1) === noun || (o.descriptions ?? []).includes(noun)),
    );
    return called.length === 1 ? (called[0] as OrganizationProposal).key : null;
  };

  const persons = a.persons.map((p, i) => {
    items.push(reviewItem(`$.persons[${i}]`, 'person', p.name, p));
    for (const m of p.mentions.filter((m) => m.flag))
      items.push(reviewItem(`$.persons[${i}].mentions`, 'person', m.text, m));
    return {
      key: p.key,
      name: p.name,
      aliases: p.aliases,
      mentions: p.mentions.map(span),
      roles: p.roles.map((r) => {
        const organization = orgByText(r.organizationText);
        return {
          title: r.organizationText && !organization ? r.written : r.title,
          country: r.country,
          organization,
          evidence: span(r),
        };
      }),
    };
  });

  const organizations = orgs.map((o, i) => {
    items.push(reviewItem(`$.organizations[${i}]`, 'organization', o.name, o));
    for (const m of o.mentions.filter((m) => m.flag))
      items.push(reviewItem(`$.organizations[${i}].mentions`, 'organization', m.text, m));
    return {
      key: o.key,
      name: o.name,
      acronym: o.acronym,
      aliases: [],
      kind: o.kind,
      parent: o.parentKey && orgKeys.has(o.parentKey) ? o.parentKey : null,
      country: o.country,
      leadCountry: o.leadCountry && { code: o.leadCountry.code, evidence: span(o.leadCountry.evidence) },
      mentions: uniqueSpans(o.mentions).map(span),
    };
  });
  if (needsPlaceholder) {
    organizations.push({
      key: UNRESOLVED_SPEAKER,
      name: 'Unresolved speaker (the curator must name who said it)',
      acronym: null,
      aliases: [],
      kind: 'OTHER',
      parent: null,
      country: null,
      leadCountry: null,
      mentions: [],
    });
    items.push(
      reviewItem(`$.organizations[${organizations.length - 1}]`, 'unresolved', 'placeholder speaker', {
        rule: 'speaker-placeholder',
        confidence: 0,
        flag: 'stands for speakers the draft could not find: replace it in every statement that uses it, then delete it',
      }),
    );
  }

  const eventKeys = new Set<string>();
  const events = a.events.map((e, i) => {
    const when = e.start?.date.value ?? e.end?.date.value;
    const country = e.country ? `-${e.country.toLowerCase()}` : '';
    const key = uniqueKey(slug(`${e.kind.toLowerCase()}${country}${when ? `-${when}` : ''}`), eventKeys);
    items.push(reviewItem(`$.events[${i}]`, 'event', `${e.kind}: ${e.title}`, e));
    return {
      key,
      title: e.title,
      kind: e.kind,
      start: date(e.start),
      end: date(e.end),
      country: e.country,
      location: null,
      parent: null,
      participants: e.participants,
      evidence: span(e.evidence),
      mentions: e.mention ? [span(e.mention)] : [],
    };
  });

  const statementKeys = new Set<string>();
  const statements = a.statements.map((s, i) => {
    const speaker = s.speakerRef ?? { organization: UNRESOLVED_SPEAKER };
    const who = 'person' in speaker ? speaker.person.split('-').at(-1) : speaker.organization;
    const key = uniqueKey(slug(`${who} ${a.text.slice(s.text.start, s.text.end)}`, 7), statementKeys);
    const flag = s.flag ?? (s.speakerRef ? undefined : 'no speaker found: the placeholder speaker stands in');
    items.push(
      reviewItem(`$.statements[${i}]`, 'statement', `${s.kind} ${a.text.slice(s.text.start, s.text.end)}`, {
        ...s,
        ...(flag ? { flag } : {}),
      }),
    );
    if (s.saidOn)
      items.push(
        reviewItem(`$.statements[${i}].saidOn`, 'date', `${s.saidOn.date.value} (${s.saidOn.date.precision})`, {
          ...s.saidOn,
          rule: s.saidOnRule ?? s.saidOn.rule,
        }),
      );
    return {
      key,
      kind: s.kind,
      speaker,
      text: span(s.text),
      attribution: s.attribution && span(s.attribution),
      about: s.about.map((x) => x.code),
      saidOn: date(s.saidOn),
      occasion: s.occasion === null ? null : (events[s.occasion]?.key ?? null),
      restatedIn: s.restatedIn.map(span),
      note: null,
    };
  });
  return { sections: { countries, persons, organizations, events, statements, eventRelations: [] }, items };
}

function uniqueSpans<T extends Range>(ranges: T[]): T[] {
  const seen = new Set<string>();
  return [...ranges]
    .sort((a, b) => a.start - b.start)
    .filter((r) => !seen.has(`${r.start}:${r.end}`) && seen.add(`${r.start}:${r.end}`));
}
