/**
 * Speakers named by a common noun or a pronoun instead of a name: "the council" (the one
 * organisation whose name ends in that word, or that an appositive called so), "the group"
 * (the organisation named last), "the report" or "the forum’s closing statement" (what an
 * organisation was said to own: "the Meridian Institute said in its annual report", "the
 * SCFO’s annual forum"), "the organizers" (of the one event that has an owner), and "it said"
 * (an organisation, decided with the statements around it). Not mentions: only ways to find
 * who speaks, and always flagged.
 */
import { isCompanyName, type OrganizationProposal } from './organizations.js';
import type { SpeakerMention } from './speakers.js';

/** The organisation an "it said" stands for is decided by the statements around it (src/draft/statements.ts). */
export const IT_SPEAKER = 'it-speaker';
/** A speaker described but not named ("The builder of a wind farm insisted that …"): the placeholder stands in. */
export const DESCRIBED_SPEAKER = 'described-speaker';

/**
 * "the council said", "according to the forum's communiqué": a definite description naming
 * the one organisation of the article whose name ends in that word (or that an appositive
 * called so).
 */
export function organizationDescriptions(text: string, organizations: OrganizationProposal[]): SpeakerMention[] {
  const byHead = new Map<string, OrganizationProposal[]>();
  for (const o of organizations) {
    if (o.kind === 'NEWS_AGENCY') continue;
    const words = o.name.split(/\s+/);
    const last = words.at(-1)?.toLowerCase();
    // "Andes Copper Holdings" is "the company"; other names by their last word ("the council"),
    // or by the head before "of" ("the Federation of Baltic Hauliers" is "the federation").
    const head = last && /^(?:holdings|inc|ltd|llc|plc|corporation|corp)$/.test(last) ? 'company' : last;
    const ofHead = /^(?:\p{Lu}[\p{L}’'-]*\s+)*?(\p{Lu}\p{Ll}+)\s+of\s/u.exec(o.name)?.[1]?.toLowerCase();
    for (const noun of new Set([head, ofHead, ...(o.descriptions ?? [])])) {
      if (noun && /^\p{L}{4,}$/u.test(noun)) byHead.set(noun, [...(byHead.get(noun) ?? []), o]);
    }
  }
  const out: SpeakerMention[] = [];
  for (const [head, orgs] of byHead) {
    if (orgs.length !== 1) continue;
    const org = orgs[0] as OrganizationProposal;
    // "the union", "the dockers' union", "the port’s operator".
    const re = new RegExp(`\\b[Tt]he\\s+(?:[\\p{L}-]+(?:’s|'s|(?<=s)[’'])\\s+)?(${head})\\b(?!\\s+\\p{Lu})`, 'gu');
    for (const m of text.matchAll(re)) {
      out.push({
        start: m.index + m[0].length - head.length,
        end: m.index + m[0].length,
        ref: { organization: org.key },
        phraseStart: m.index,
        via: 'organization',
        flag: `"${m[0]}" read as ${org.name}`,
      });
    }
  }
  // "according to the group", "the company said": a generic noun stands for the organisation
  // named last before it (when no organisation is called so by name).
  const named = organizations
    .filter((o) => o.kind !== 'NEWS_AGENCY')
    .flatMap((o) => o.mentions.map((m) => ({ at: m.end, org: o })))
    .sort((a, b) => a.at - b.at);
  for (const m of text.matchAll(/\b[Tt]he\s+(group|organi[sz]ation|body|company|firm)\b(?!\s+\p{Lu})/gu)) {
    const before = named.filter((n) => n.at <= m.index);
    // "the company": the company named last, if one reads as a company.
    const companies = /company|firm/.test(m[1] as string) ? before.filter((n) => isCompanyName(n.org.name)) : [];
    const last = (companies.length > 0 ? companies : before).at(-1);
    if (!last || out.some((x) => x.phraseStart === m.index)) continue;
    out.push({
      start: m.index + m[0].length - (m[1] as string).length,
      end: m.index + m[0].length,
      ref: { organization: last.org.key },
      phraseStart: m.index,
      via: 'organization',
      flag: `"${m[0]}" read as ${last.org.name}, the organization named last before it`,
    });
  }
  return out;
}

const EVENT_NOUN = 'forum|conference|summit|session|meeting|congress|assembly|convention';
const DOCUMENT_NOUN =
  'report|study|survey|statement|communiqu[ée]|declaration|review|analysis|assessment|forecast|bulletin|resolution|letter|note|paper|brief';
const OWNED = `${EVENT_NOUN}|${DOCUMENT_NOUN}`;
const SAYS = 'said|says|stated|wrote|writes|warned|warns|announced|reported|found|finds';

/**
 * What the text says an organisation owns: "the SCFO’s annual forum", "the annual forum of the
 * SCFO", "the institute said in its annual corridor report", "the SCFO forum".
 */
function owners(text: string, organizations: OrganizationProposal[]): Map<string, Set<OrganizationProposal>> {
  const found = new Map<string, Set<OrganizationProposal>>();
  const own = (noun: string | undefined, org: OrganizationProposal) => {
    if (!noun) return;
    const key = noun.toLowerCase().replace('communique', 'communiqué');
    found.set(key, new Set([...(found.get(key) ?? []), org]));
  };
  const possessive = new RegExp(`^(?:’s|'s)\\s+(?:[\\p{L}-]+\\s+){0,3}?(${OWNED})\\b`, 'u');
  const said = new RegExp(`^\\s+(?:${SAYS})\\s+in\\s+(?:its|a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(${OWNED})\\b`, 'u');
  const compound = new RegExp(`^\\s+(${OWNED})\\b`, 'u');
  const of = new RegExp(`\\b(${OWNED})\\s+of\\s+(?:the\\s+)?$`, 'u');
  for (const org of organizations) {
    if (org.kind === 'NEWS_AGENCY') continue;
    for (const m of org.mentions) {
      const after = text.slice(m.end, m.end + 80);
      own(possessive.exec(after)?.[1], org);
      own(said.exec(after)?.[1], org);
      own(compound.exec(after)?.[1], org);
      own(of.exec(text.slice(Math.max(0, m.start - 40), m.start))?.[1], org);
    }
  }
  return found;
}

/**
 * "According to the report, …", "The forum’s closing statement … called on …", "…, the
 * organizers said": the organisation that owns the report, the forum, or the one event of the
 * article that has an owner.
 */
export function ownerDescriptions(
  text: string,
  organizations: OrganizationProposal[],
  existing: SpeakerMention[],
): SpeakerMention[] {
  const byNoun = owners(text, organizations);
  const out: SpeakerMention[] = [];
  const phrase = new RegExp(
    `\\b[Tt]he\\s+(${OWNED})\\b(?:(?:’s|'s)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${DOCUMENT_NOUN})\\b)?(?!\\s+(?:of\\b|\\p{Lu}))`,
    'gu',
  );
  for (const m of text.matchAll(phrase)) {
    const orgs = byNoun.get((m[1] as string).toLowerCase());
    if (orgs?.size !== 1 || existing.some((x) => x.phraseStart === m.index)) continue;
    const org = [...orgs][0] as OrganizationProposal;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      ref: { organization: org.key },
      phraseStart: m.index,
      via: 'organization',
      flag: `"${m[0]}" read as ${org.name}'s`,
    });
  }
  const events = new Set(
    [...byNoun].filter(([noun]) => new RegExp(`^(?:${EVENT_NOUN})$`).test(noun)).flatMap(([, orgs]) => [...orgs]),
  );
  if (events.size === 1) {
    const org = [...events][0] as OrganizationProposal;
    for (const m of text.matchAll(/\b[Tt]he\s+(?:organi[sz]ers|hosts)\b/gu)) {
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        ref: { organization: org.key },
        phraseStart: m.index,
        via: 'organization',
        flag: `"${m[0]}" read as ${org.name}, whose event the article reports`,
      });
    }
  }
  return out;
}

/** "Georgian terminals, it said, …", "It said 212 delegates …": an organisation's "it". */
export function itPronouns(text: string): SpeakerMention[] {
  const out: SpeakerMention[] = [];
  const re =
    /(?<![\p{L}])[Ii]t(?=\s+(?:also\s+)?(?:said|says|added|noted|stated|announced|reported|warned|explained|insisted)\b)/gu;
  for (const m of text.matchAll(re)) {
    out.push({
      start: m.index,
      end: m.index + 2,
      ref: { organization: IT_SPEAKER },
      phraseStart: m.index,
      via: 'pronoun',
      flag: '"it" read as the organization that spoke just before, or the one named last',
    });
  }
  return out;
}
