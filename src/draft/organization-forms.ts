/**
 * The other forms an organisation takes in one article: a name given in an appositive ("the
 * port’s operator, North Ustin Stevedoring"), an acronym used without its expansion ("the
 * SCFO"), or whose letters are the initials of a name the text gives ("Silk Corridor Freight
 * Organization" … "the SCFO"), the same name written twice (headline and body), a short form of
 * a body's name ("the Steering Council" for "the Steering Council of the SCFO"), and the common
 * noun an appositive gives it ("…, an association of rail and port operators" → "the association").
 */
import { slug } from './keys.js';
import type { OrganizationProposal } from './organizations.js';
import type { Range } from './types.js';

type Add = (o: OrganizationProposal) => OrganizationProposal;
type Blocked = (start: number, end: number) => boolean;

/** Nouns that, next to a name, say it is an organisation. */
const ORG_NOUN =
  'operator|company|firm|carrier|union|group|association|agency|organi[sz]ation|institute|consortium|cooperative|alliance|federation|network|body|council|committee|forum|chamber|bank|fund|foundation|manufacturer|maker|producer|builder|supplier|developer|lender|insurer|retailer|airline|railway|utility|broker|exporter|importer|distributor|contractor|shipper|buyer';

const APPOSITIVE_NAME = new RegExp(
  `\\b((?:[Tt]he|[Ii]ts|[Aa]n?)\\s+(?:[\\p{L}-]+(?:’s|'s|(?<=s)[’'])?\\s+){0,2}?(${ORG_NOUN}))\\s*,\\s+(\\p{Lu}[\\p{L}’'&-]*(?: (?:of |and |for )?\\p{Lu}[\\p{L}’'&-]*){0,5})(?=\\s*[,.;)]|\\s*$)`,
  'gu',
);

/** "according to the port’s operator, North Ustin Stevedoring": the name is an organisation's. */
export function addAppositiveNames(text: string, orgs: OrganizationProposal[], add: Add, blocked: Blocked) {
  for (const m of text.matchAll(APPOSITIVE_NAME)) {
    const [, phrase, noun, name] = m as unknown as [string, string, string, string];
    const start = m.index + m[0].length - name.length;
    const end = start + name.length;
    if (blocked(start, end)) continue;
    const description = {
      start: m.index,
      end: m.index + phrase.length,
      text: phrase,
      rule: 'organization-appositive',
      confidence: 0.8,
    };
    // A name found already ("North Ustin Stevedoring" by its head word): the description is its too.
    const known = orgs.find((o) => o.mentions.some((x) => x.start === start && x.end === end));
    if (known) {
      known.mentions.push(description);
      known.descriptions = [...new Set([...(known.descriptions ?? []), noun.toLowerCase()])];
      continue;
    }
    if (orgs.some((o) => o.mentions.some((x) => x.start < end && start < x.end))) continue;
    add({
      key: slug(name),
      name,
      acronym: null,
      kind: 'OTHER',
      country: null,
      parentKey: null,
      leadCountry: null,
      mentions: [
        {
          start: m.index,
          end: m.index + phrase.length,
          text: phrase,
          rule: 'organization-appositive',
          confidence: 0.8,
        },
        { start, end, text: name, rule: 'organization-appositive', confidence: 0.85 },
      ],
      descriptions: [noun.toLowerCase()],
      rule: 'organization-appositive',
      confidence: 0.85,
    });
  }
}

/** All capitals that are not acronyms of organisations. */
const NOT_ACRONYMS = new Set(
  'COVID SARS HIV AIDS GMT UTC CET GDP CEO CFO CTO COO MP MPS PM AM TV OK NB PS ID PHD LNG LPG IT AI EV USD EUR GBP RUB KZT CNY JPY VAT FAQ PDF URL'.split(
    ' ',
  ),
);

export const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join('');

/**
 * "the SCFO", "the CSTO": an acronym the text uses as a name (after "the", or twice) is an
 * organisation: the one whose name has those initials, or one of its own, known by the acronym
 * only (flagged).
 */
export function addBareAcronyms(text: string, orgs: OrganizationProposal[], add: Add, blocked: Blocked) {
  const uses = new Map<string, Range[]>();
  for (const m of text.matchAll(/(?<![\p{L}\d])(\p{Lu}[\p{Lu}\d&]{1,7})(?![\p{L}\d])/gu)) {
    const acronym = m[1] as string;
    if (!/\p{Lu}.*\p{Lu}/u.test(acronym) || NOT_ACRONYMS.has(acronym) || /^[IVXLC]+$/.test(acronym)) continue;
    if (blocked(m.index, m.index + acronym.length) || /\d\s$/.test(text.slice(Math.max(0, m.index - 2), m.index)))
      continue;
    uses.set(acronym, [...(uses.get(acronym) ?? []), { start: m.index, end: m.index + acronym.length }]);
  }
  for (const [acronym, at] of uses) {
    if (orgs.some((o) => o.acronym === acronym || o.name === acronym || o.key === slug(acronym))) continue;
    const asName =
      at.length > 1 ||
      at.some((r) => /\b[Tt]he\s$/.test(text.slice(Math.max(0, r.start - 4), r.start))) ||
      at.some((r) => /^\s\p{Lu}\p{Ll}/u.test(text.slice(r.end, r.end + 3)));
    if (!asName) continue;
    const named = orgs.filter((o) => !o.acronym && o.kind !== 'NEWS_AGENCY' && initials(o.name) === acronym);
    if (named.length === 1) {
      (named[0] as OrganizationProposal).acronym = acronym;
      continue;
    }
    add({
      key: slug(acronym),
      name: acronym,
      acronym,
      kind: 'OTHER',
      country: null,
      parentKey: null,
      leadCountry: null,
      mentions: [],
      rule: 'organization-acronym-only',
      confidence: 0.7,
      flag: `only the acronym ${acronym} is given: write its full name`,
    });
  }
}

const fold = (s: string) => s.toLowerCase().replace(/[’']/g, "'");

/**
 * One organisation written in several forms becomes one proposal: the same name twice (the
 * one with an acronym kept), and a body's short form ("Steering Council" for "Steering Council
 * of the SCFO" or "SCFO Steering Council") when exactly one body has it.
 */
export function mergeForms(orgs: OrganizationProposal[]): OrganizationProposal[] {
  const into = new Map<OrganizationProposal, OrganizationProposal>();
  const live = () => orgs.filter((o) => !into.has(o));
  const byName = new Map<string, OrganizationProposal[]>();
  for (const org of orgs) {
    if (org.kind === 'NEWS_AGENCY') continue;
    byName.set(fold(org.name), [...(byName.get(fold(org.name)) ?? []), org]);
  }
  for (const group of byName.values()) {
    const keep = group.find((o) => o.acronym) ?? (group[0] as OrganizationProposal);
    for (const o of group) if (o !== keep) into.set(o, keep);
  }
  for (const org of live()) {
    if (org.acronym || org.kind === 'NEWS_AGENCY') continue;
    const name = fold(org.name);
    const longer = live().filter((o) => {
      if (o === org || o.kind === 'NEWS_AGENCY') return false;
      const full = fold(o.name);
      // "Steering Council" / "…Council of the SCFO", "SCFO Steering Council"; "Meridian Institute" / "… for Regional Studies".
      return (
        /^(?:of|for|on) /.test(full.startsWith(`${name} `) ? full.slice(name.length + 1) : '') ||
        (/^\p{Lu}{2,} /u.test(o.name) && full.endsWith(` ${name}`))
      );
    });
    if (longer.length === 1) into.set(org, longer[0] as OrganizationProposal);
  }
  for (const [drop, keep] of into) {
    keep.mentions.push(...drop.mentions.filter((m) => !keep.mentions.some((x) => x.start === m.start)));
    keep.descriptions = [...new Set([...(keep.descriptions ?? []), ...(drop.descriptions ?? [])])];
    keep.parentKey ??= drop.parentKey;
  }
  const kept = live();
  const renamed = new Map([...into].map(([drop, keep]) => [drop.key, keep.key]));
  for (const org of kept) if (org.parentKey) org.parentKey = renamed.get(org.parentKey) ?? org.parentKey;
  for (const org of kept) if (org.parentKey === org.key) org.parentKey = null;
  return kept;
}

/** "The SCFO, an association of rail and port operators, …": "the association" is the SCFO. */
export function addDescriptions(text: string, orgs: OrganizationProposal[]) {
  const after = new RegExp(
    `^\\s*(?:\\([^)]{1,12}\\))?,\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(${ORG_NOUN})\\b`,
    'u',
  );
  for (const org of orgs) {
    if (org.kind === 'NEWS_AGENCY') continue;
    for (const m of org.mentions) {
      const noun = after.exec(text.slice(m.end, m.end + 80))?.[1];
      if (noun) org.descriptions = [...new Set([...(org.descriptions ?? []), noun.toLowerCase()])];
    }
  }
}
