/**
 * Organizations: names expanded by an acronym in parentheses ("Collective Security Treaty
 * Organization (CSTO)"), capitalised names with an organisation head ("the Interior
 * Ministry", "CSTO Collective Security Council", with the acronym's organisation as parent),
 * a country's collective bodies ("Kazakh authorities", "the Russian Foreign Ministry"), the
 * reporting agency, and descriptions naming a lead country ("the Russia-led bloc").
 */
import type { organizationKinds } from '../annotations/format.js';
import { slug } from './keys.js';
import { addAppositiveNames, addBareAcronyms, addDescriptions, initials, mergeForms } from './organization-forms.js';
import type { MentionProposal } from './persons.js';
import type { CountryMention, Provenance, Range } from './types.js';

export type OrganizationKind = (typeof organizationKinds)[number];

export interface OrganizationProposal extends Provenance {
  key: string;
  name: string;
  acronym: string | null;
  kind: OrganizationKind;
  country: string | null;
  parentKey: string | null;
  leadCountry: { code: string; evidence: Range } | null;
  mentions: MentionProposal[];
  /**
   * Common nouns the text uses for it ("the operator" after "the port’s operator, North Ustin
   * Stevedoring"; "the association" after "…, an association of rail and port operators"): ways
   * to find it as a speaker, besides the last word of its name.
   */
  descriptions?: string[];
}

/**
 * Words that end the names of companies ("Baltic Subsea Systems", "Transalpine Cargo Rail",
 * "Nordwind Offshore"): an organisation's head when the name has another capitalised word before.
 */
const INDUSTRY_HEAD =
  'Services|Systems|Offshore|Rail|Shipping|Logistics|Airways|Motors|Energy|Mining|Foods|Pharmaceuticals|Technologies|Solutions|Traders|Stevedoring|Cargo|Freight|Lines|Transport|Petroleum|Chemicals|Metals|Shipyards|Ports|Refining|Telecom|Construction|Engineering|Capital|Media|Communications|Insurance|Airport|Exchange';
/** Whether a name reads as a company's ("Baltic Subsea Systems", "Andes Copper Holdings"): what "the company" may be. */
export function isCompanyName(name: string): boolean {
  return new RegExp(
    `\\b(?:${INDUSTRY_HEAD}|Company|Holdings|Inc|Ltd|LLC|PLC|Corporation|Group|Terminals|Railways|Airlines|Industries|Partners)$`,
    'u',
  ).test(name);
}
const HEAD =
  'Organization|Organisation|Journal|Gazette|Herald|Tribune|Terminals|Railways|Airlines|Industries|Partners|Federation|Holdings|Inc|Ltd|LLC|PLC|Forum|Network|Initiative|Consortium|Society|League|Board|Authority|Chamber|Cooperative|Partnership|Observatory|Academy|Group|Council|Committee|Commission|Ministry|Parliament|Assembly|Agency|Union|Bank|Fund|Party|Office|Service|Department|Court|Institute|University|Forces|Army|Navy|Guard|Front|Movement|Association|Alliance|Coalition|Company|Corporation|Foundation|Secretariat|Senate|Duma|Cabinet|Centre|Center|Bureau|Directorate|Inspectorate|Police|Prosecutor’s Office|Mission';
const CAP = "[\\p{Lu}][\\p{L}’'&-]*";
/** A capitalised word that is not a weekday or month: "the Institute on Monday" is not a name. */
const NAME_WORD = `(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\\b)${CAP}`;
const JOIN = '(?:\\s+(?:of|for|on|and|the|de)\\s+|\\s+)';
/** A capitalised name ending in an organisation head, or a head "of" capitalised words. */
const NAMED = new RegExp(
  `(?<![\\p{L}])(?:(?:${CAP}${JOIN})*?(?:${HEAD})(?:\\s+(?:of|for|on)\\s+(?:the\\s+)?${NAME_WORD}(?:${JOIN}${NAME_WORD})*)?|(?:${CAP}\\s+)+(?:${INDUSTRY_HEAD}))(?![\\p{L}])`,
  'gu',
);
const ACRONYM_AFTER = /^\s+\((\p{Lu}[\p{Lu}\d&-]{1,9})\)/u;

/** Collective bodies named by a country word: "Kazakh authorities", "Russia's Foreign Ministry". */
const BODY: [RegExp, OrganizationKind][] = [
  [/^(?:authorities|government|leadership|side|administration|officials)\b/i, 'GOVERNMENT'],
  [
    /^(?:(?:Foreign|Defen[cs]e|Interior|Emergencies|Emergency|Justice|Finance|Health)\s+Ministry|parliament|embassy|delegation|police|security service)\b/i,
    'GOVERNMENT_BODY',
  ],
  [/^(?:military|armed forces|security forces|troops|army)\b/i, 'ARMED_FORCES'],
];

/** Agencies that write datelines, by the name they print. */
const AGENCIES: Record<string, { name: string; acronym: string | null }> = {
  tass: { name: 'TASS', acronym: null },
  reuters: { name: 'Reuters', acronym: null },
  ap: { name: 'Associated Press', acronym: 'AP' },
  afp: { name: 'Agence France-Presse', acronym: 'AFP' },
  xinhua: { name: 'Xinhua', acronym: null },
  interfax: { name: 'Interfax', acronym: null },
  belta: { name: 'BelTA', acronym: null },
  kazinform: { name: 'Kazinform', acronym: null },
  dpa: { name: 'dpa', acronym: null },
};

export function findOrganizations(
  text: string,
  countries: CountryMention[],
  source: { key: string; nameInText: string | null },
  /** Spans where no organisation is looked for besides the agency: the dateline ("TAMIR BAY, …"). */
  skip: Range[] = [],
): OrganizationProposal[] {
  const orgs: OrganizationProposal[] = [];
  const byKey = new Map<string, OrganizationProposal>();
  const add = (org: OrganizationProposal) => {
    const existing = byKey.get(org.key);
    if (existing) existing.mentions.push(...org.mentions);
    else {
      byKey.set(org.key, org);
      orgs.push(org);
    }
    return existing ?? org;
  };
  const agency = addSource(text, source, add);
  const countrySpan = (start: number, end: number) => countries.some((c) => c.start <= start && end <= c.end);
  const taken = (start: number, end: number) =>
    [...agency.mentions, ...skip].some((m) => m.start < end && start < m.end);
  for (const match of text.matchAll(NAMED)) {
    const name = match[0].replace(/^(?:The|the)\s+/, '');
    const start = match.index + match[0].length - name.length;
    // The agency's own name ("Meltem News Service") is the source, found already.
    if (taken(start, start + name.length)) continue;
    // A leading country word is the body's country, not part of a proper name ("Kazakh Interior Ministry").
    const lead = countries.find((c) => c.start === start && c.kind !== 'capital');
    if (countrySpan(start, start + name.length)) continue; // "Russian Federation"
    let acronym = ACRONYM_AFTER.exec(text.slice(start + name.length))?.[1] ?? null;
    // "the Steering Council of the Silk Corridor Freight Organization (SCFO)": the acronym is the
    // organisation's after "of", and the name before it is a body of that organisation.
    const of = acronym ? /^(.+?)\s+of\s+(?:the\s+)?(.+)$/u.exec(name) : null;
    if (acronym && of && initials(of[2] as string) === acronym && initials(name) !== acronym) {
      const tail = of[2] as string;
      const tailStart = start + name.length - tail.length;
      add({
        key: slug(acronym),
        name: tail,
        acronym,
        kind: kindOf(tail, false),
        country: null,
        parentKey: null,
        leadCountry: null,
        mentions: [
          { start: tailStart, end: tailStart + tail.length, text: tail, rule: 'organization-name', confidence: 0.9 },
        ],
        rule: 'organization-name-with-acronym',
        confidence: 0.95,
      });
      add({
        key: slug(name),
        name,
        acronym: null,
        kind: kindOf(name, true),
        country: null,
        parentKey: slug(acronym),
        leadCountry: null,
        mentions: [{ start, end: start + name.length, text: name, rule: 'organization-name', confidence: 0.85 }],
        rule: 'organization-body-of-acronym',
        confidence: 0.85,
      });
      acronym = null;
      continue;
    }
    const country = lead && !acronym ? lead.code : null;
    const words = name.split(/\s+/);
    // A head word alone ("Union chairman …") names no organisation.
    if (words.length === 1 && !acronym) continue;
    // "CSTO Collective Security Council", "the Steering Council of the SCFO": a body of the acronym's organisation.
    const parentAcronym =
      (/^\p{Lu}{2,}$/u.test(words[0] ?? '') && words.length > 1 ? (words[0] as string) : null) ??
      /\sof\s+(?:the\s+)?(\p{Lu}{2,})$/u.exec(name)?.[1] ??
      null;
    const org = add({
      // An acronym is the shortest stable key ("csto"), as curated files use.
      key: slug(acronym ?? name),
      name,
      acronym,
      kind: kindOf(name, parentAcronym !== null),
      country,
      parentKey: null,
      leadCountry: null,
      mentions: [{ start, end: start + name.length, text: name, rule: 'organization-name', confidence: 0.85 }],
      rule: acronym ? 'organization-name-with-acronym' : 'organization-name',
      confidence: acronym ? 0.95 : 0.8,
      ...(parentAcronym ? { parentAcronym } : {}),
    });
    if (parentAcronym) (org as OrganizationProposal & { parentAcronym?: string }).parentAcronym = parentAcronym;
  }
  addCountryBodies(text, countries, add);
  addAppositiveNames(text, orgs, add, (start, end) => taken(start, end) || countrySpan(start, end));
  addBareAcronyms(
    text,
    orgs,
    add,
    (start, end) => taken(start, end) || countries.some((c) => c.start < end && start < c.end),
  );
  linkAcronyms(text, orgs);
  const merged = mergeForms(orgs);
  addDescriptions(text, merged);
  addLedDescriptions(text, countries, merged);
  return merged;
}

function kindOf(name: string, hasParent: boolean): OrganizationKind {
  if (/\b(?:Army|Forces|Navy|Guard)\b/.test(name)) return 'ARMED_FORCES';
  if (hasParent && /\b(?:Council|Assembly|Commission|Secretariat|Committee)\b/.test(name))
    return 'INTERGOVERNMENTAL_BODY';
  if (
    /\b(?:Treaty|Nations|Cooperation Organi[sz]ation|Alliance|(?:European|African|Economic|Customs) Union)\b/.test(name)
  )
    return 'INTERGOVERNMENTAL_ORGANIZATION';
  if (
    /\b(?:Ministry|Parliament|Duma|Senate|Cabinet|Department|Office|Service|Police|Bureau|Directorate|Inspectorate|Prosecutor)\b/.test(
      name,
    )
  )
    return 'GOVERNMENT_BODY';
  if (/\bAgency\b/.test(name) && /\bNews\b/.test(name)) return 'NEWS_AGENCY';
  return 'OTHER';
}

function addSource(
  text: string,
  source: { key: string; nameInText: string | null },
  add: (o: OrganizationProposal) => OrganizationProposal,
): OrganizationProposal {
  const known = AGENCIES[source.key];
  const written = [known?.name, known?.acronym, source.nameInText, source.key].filter((w): w is string => Boolean(w));
  const mentions: MentionProposal[] = [];
  // The agency as the text writes it, in any case ("/TESTWIRE/", "told Testwire").
  for (const form of new Set(written.map((w) => w.toLowerCase()))) {
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegExp(form)}(?![\\p{L}])`, 'giu'))) {
      if (mentions.some((x) => x.start === m.index)) continue;
      mentions.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        rule: 'organization-source',
        confidence: 0.95,
      });
    }
  }
  // A name written in ordinary case beats the dateline's capitals.
  const name =
    known?.name ??
    mentions.map((m) => m.text).find((t) => t !== t.toUpperCase()) ??
    source.nameInText ??
    source.key.toUpperCase();
  return add({
    key: source.key,
    name,
    acronym: known?.acronym ?? null,
    kind: 'NEWS_AGENCY',
    country: null,
    parentKey: null,
    leadCountry: null,
    mentions,
    rule: 'organization-source',
    confidence: 0.95,
  });
}

function addCountryBodies(
  text: string,
  countries: CountryMention[],
  add: (o: OrganizationProposal) => OrganizationProposal,
) {
  for (const c of countries) {
    if (c.kind === 'capital') continue;
    const rest = text.slice(c.end, c.end + 40).replace(/^(?:’s|'s)/, '');
    const gap = text.slice(c.end, c.end + 40).length - rest.length;
    if (!/^\s/.test(rest)) continue;
    const trimmed = rest.trimStart();
    for (const [re, kind] of BODY) {
      const m = re.exec(trimmed);
      if (!m) continue;
      const end = c.end + gap + (rest.length - trimmed.length) + m[0].length;
      const written = text.slice(c.start, end);
      const noun = m[0].toLowerCase();
      add({
        key: slug(`${c.text} ${noun}`),
        name: written.charAt(0).toUpperCase() + written.slice(1),
        acronym: null,
        kind,
        country: c.code,
        parentKey: null,
        leadCountry: null,
        mentions: [{ start: c.start, end, text: written, rule: 'organization-country-body', confidence: 0.85 }],
        rule: 'organization-country-body',
        confidence: 0.85,
      });
      break;
    }
  }
}

/** Every later use of an acronym ("CSTO") is a mention; a name starting with one is its body. */
function linkAcronyms(text: string, orgs: OrganizationProposal[]) {
  for (const org of orgs.filter((o) => o.acronym)) {
    const acronym = org.acronym as string;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}(])${escapeRegExp(acronym)}(?![\\p{L})])`, 'gu'))) {
      if (!org.mentions.some((x) => x.start === m.index)) {
        org.mentions.push({
          start: m.index,
          end: m.index + acronym.length,
          text: acronym,
          rule: 'organization-acronym',
          confidence: 0.95,
        });
      }
    }
    // The acronym inside its own parentheses is a mention too.
    const inParens = text.indexOf(`(${acronym})`);
    if (inParens >= 0 && !org.mentions.some((x) => x.start === inParens + 1)) {
      org.mentions.push({
        start: inParens + 1,
        end: inParens + 1 + acronym.length,
        text: acronym,
        rule: 'organization-acronym',
        confidence: 0.95,
      });
    }
  }
  for (const org of orgs) {
    const parentAcronym = (org as OrganizationProposal & { parentAcronym?: string }).parentAcronym;
    delete (org as OrganizationProposal & { parentAcronym?: string }).parentAcronym;
    if (!parentAcronym) continue;
    const parent = orgs.find((o) => o.acronym === parentAcronym && o !== org);
    if (parent) org.parentKey = parent.key;
  }
}

/** "the Russia-led bloc": a mention of the last organisation named before it, and its lead country. */
function addLedDescriptions(text: string, countries: CountryMention[], orgs: OrganizationProposal[]) {
  const re =
    /(?<![\p{L}])([\p{Lu}][\p{L}.]*)-led\s+(?:military\s+)?(bloc|alliance|coalition|organization|organisation|grouping|union|group|force|forces|mission)\b/gu;
  for (const m of text.matchAll(re)) {
    const country = countries.find((c) => c.start === m.index);
    if (!country) continue;
    const target = orgs
      .filter((o) => o.kind !== 'NEWS_AGENCY' && o.mentions.some((x) => x.end <= m.index && m.index - x.end < 400))
      .sort((a, b) => Math.max(...b.mentions.map((x) => x.end)) - Math.max(...a.mentions.map((x) => x.end)))[0];
    if (!target) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    target.mentions.push({
      ...span,
      text: m[0],
      rule: 'organization-led-description',
      confidence: 0.7,
      flag: `"${m[0]}" taken as ${target.name}`,
    });
    target.leadCountry ??= {
      code: country.code,
      evidence: { start: m.index, end: m.index + (m[1] as string).length + 4 },
    };
  }
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
