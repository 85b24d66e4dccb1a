/**
 * Loads one annotated article into the graph, all or nothing, in one transaction.
 * Loading the same annotation twice changes nothing; a changed annotation replaces
 * everything the article contributed (statements, events, roles, mentions) and updates
 * the persons and organizations it names, which may be shared with other articles.
 */

import type { DateValue, Span } from '../annotations/format.js';
import type { AnnotatedArticle } from '../annotations/read.js';
import { sha256Hex } from '../annotations/validate.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

export type LoadResult =
  | { status: 'unchanged'; key: string }
  | { status: 'created' | 'replaced'; key: string; counts: Record<string, number> };

type Tx = Prisma.TransactionClient;

/** A date as the database stores it: the first day of what is known, plus its precision. */
function toDbDate(date: DateValue | null) {
  if (!date) return { date: null, precision: null, basis: null };
  const [year, month = '01', day = '01'] = date.value.split('-');
  return { date: new Date(`${year}-${month}-${day}T00:00:00Z`), precision: date.precision, basis: date.basis };
}

const spanColumns = (span: Span) => ({ start: span.start, end: span.end, text: span.text });
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

export async function loadAnnotatedArticle(
  prisma: PrismaClient,
  { annotation, text }: AnnotatedArticle,
  options: { force?: boolean } = {},
): Promise<LoadResult> {
  const a = annotation;
  const contentHash = sha256Hex(text);
  const annotationHash = sha256Hex(JSON.stringify(a));

  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.article.findUnique({ where: { key: a.article.key } });
      const unchanged = existing?.contentHash === contentHash && existing.annotationHash === annotationHash;
      if (unchanged && !options.force) return { status: 'unchanged', key: a.article.key } as const;
      // Deleting the article cascades to everything it contributed.
      if (existing) await tx.article.delete({ where: { id: existing.id } });

      const orgIds = await upsertOrganizations(tx, a.organizations);
      const personIds = await upsertPersons(tx, a.persons);
      await addCountryAliases(tx, a.countries);

      const published = toDbDate(a.article.publishedOn);
      const article = await tx.article.create({
        data: {
          key: a.article.key,
          title: a.article.title.text,
          subtitle: a.article.subtitle?.text ?? null,
          body: text,
          language: a.article.language,
          dateline: a.article.dateline?.text ?? null,
          sourceId: idOf(orgIds, a.article.source),
          publishedOn: published.date as Date,
          publishedOnPrecision: a.article.publishedOn.precision,
          publishedOnBasis: a.article.publishedOn.basis,
          url: a.article.url,
          contentHash,
          annotationHash,
        },
      });

      // Parents and lead-country evidence point at rows created above.
      for (const org of a.organizations) {
        await tx.organization.update({
          where: { id: idOf(orgIds, org.key) },
          data: {
            parentId: org.parent ? idOf(orgIds, org.parent) : null,
            leadCountryCode: org.leadCountry?.code ?? null,
            leadCountryArticleId: org.leadCountry ? article.id : null,
            leadCountryEvidenceStart: org.leadCountry?.evidence.start ?? null,
            leadCountryEvidenceEnd: org.leadCountry?.evidence.end ?? null,
            leadCountryEvidenceText: org.leadCountry?.evidence.text ?? null,
          },
        });
      }

      const roles = a.persons.flatMap((p) =>
        p.roles.map((role) => ({
          personId: idOf(personIds, p.key),
          title: role.title,
          countryCode: role.country,
          organizationId: role.organization ? idOf(orgIds, role.organization) : null,
          articleId: article.id,
          evidenceStart: role.evidence.start,
          evidenceEnd: role.evidence.end,
          evidenceText: role.evidence.text,
        })),
      );
      await tx.role.createMany({ data: roles });

      const eventIds = new Map<string, number>();
      for (const event of a.events) {
        const start = toDbDate(event.start);
        const end = toDbDate(event.end);
        const created = await tx.event.create({
          data: {
            key: event.key,
            articleId: article.id,
            title: event.title,
            kind: event.kind,
            startDate: start.date,
            startPrecision: start.precision,
            startBasis: start.basis,
            endDate: end.date,
            endPrecision: end.precision,
            endBasis: end.basis,
            countryCode: event.country,
            location: event.location,
            evidenceStart: event.evidence.start,
            evidenceEnd: event.evidence.end,
            evidenceText: event.evidence.text,
            participants: {
              create: event.participants.map((p) => ({
                role: p.role,
                personId: 'person' in p.actor ? idOf(personIds, p.actor.person) : null,
                organizationId: 'organization' in p.actor ? idOf(orgIds, p.actor.organization) : null,
                countryCode: 'country' in p.actor ? p.actor.country : null,
              })),
            },
          },
        });
        eventIds.set(event.key, created.id);
      }
      for (const event of a.events.filter((e) => e.parent)) {
        await tx.event.update({
          where: { id: idOf(eventIds, event.key) },
          data: { parentId: idOf(eventIds, event.parent as string) },
        });
      }

      const statementIds = new Map<string, number>();
      for (const s of a.statements) {
        const saidOn = toDbDate(s.saidOn);
        const created = await tx.statement.create({
          data: {
            key: `${a.article.key}/${s.key}`,
            articleId: article.id,
            kind: s.kind,
            text: s.text.text,
            start: s.text.start,
            end: s.text.end,
            attributionStart: s.attribution?.start ?? null,
            attributionEnd: s.attribution?.end ?? null,
            attributionText: s.attribution?.text ?? null,
            speakerPersonId: 'person' in s.speaker ? idOf(personIds, s.speaker.person) : null,
            speakerOrganizationId: 'organization' in s.speaker ? idOf(orgIds, s.speaker.organization) : null,
            saidOn: saidOn.date,
            saidOnPrecision: saidOn.precision,
            saidOnBasis: saidOn.basis,
            occasionId: s.occasion ? idOf(eventIds, s.occasion) : null,
            note: s.note,
            about: { connect: s.about.map((code) => ({ code })) },
          },
        });
        statementIds.set(s.key, created.id);
      }

      const articleId = article.id;
      const mentions: Prisma.MentionCreateManyInput[] = [
        ...a.persons.flatMap((p) =>
          p.mentions.map((m) => ({ articleId, ...spanColumns(m), personId: idOf(personIds, p.key) })),
        ),
        ...a.organizations.flatMap((o) =>
          o.mentions.map((m) => ({ articleId, ...spanColumns(m), organizationId: idOf(orgIds, o.key) })),
        ),
        ...a.countries.flatMap((c) => c.mentions.map((m) => ({ articleId, ...spanColumns(m), countryCode: c.code }))),
        ...a.events.flatMap((e) =>
          e.mentions.map((m) => ({ articleId, ...spanColumns(m), eventId: idOf(eventIds, e.key) })),
        ),
        ...a.statements.flatMap((s) =>
          s.restatedIn.map((m) => ({ articleId, ...spanColumns(m), statementId: idOf(statementIds, s.key) })),
        ),
      ];
      await tx.mention.createMany({ data: mentions });

      return {
        status: existing ? 'replaced' : 'created',
        key: a.article.key,
        counts: {
          persons: a.persons.length,
          organizations: a.organizations.length,
          events: a.events.length,
          statements: a.statements.length,
          roles: roles.length,
          mentions: mentions.length,
        },
      } as const;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

function idOf(ids: ReadonlyMap<string, number>, key: string): number {
  const id = ids.get(key);
  // The validator has already checked every reference; reaching this is a bug.
  if (id === undefined) throw new Error(`internal: no row for key ${key}`);
  return id;
}

async function upsertOrganizations(tx: Tx, organizations: AnnotatedArticle['annotation']['organizations']) {
  const ids = new Map<string, number>();
  for (const org of organizations) {
    const existing = await tx.organization.findUnique({ where: { key: org.key }, select: { aliases: true } });
    const data = { name: org.name, acronym: org.acronym, kind: org.kind, countryCode: org.country };
    const row = await tx.organization.upsert({
      where: { key: org.key },
      create: { key: org.key, ...data, aliases: org.aliases },
      update: { ...data, aliases: union(existing?.aliases ?? [], org.aliases) },
      select: { id: true },
    });
    ids.set(org.key, row.id);
  }
  return ids;
}

async function upsertPersons(tx: Tx, persons: AnnotatedArticle['annotation']['persons']) {
  const ids = new Map<string, number>();
  for (const person of persons) {
    const existing = await tx.person.findUnique({ where: { key: person.key }, select: { aliases: true } });
    const row = await tx.person.upsert({
      where: { key: person.key },
      create: { key: person.key, name: person.name, aliases: person.aliases },
      update: { name: person.name, aliases: union(existing?.aliases ?? [], person.aliases) },
      select: { id: true },
    });
    ids.set(person.key, row.id);
  }
  return ids;
}

async function addCountryAliases(tx: Tx, countries: AnnotatedArticle['annotation']['countries']) {
  for (const country of countries) {
    if (country.aliases.length === 0) continue;
    const row = await tx.country.findUniqueOrThrow({ where: { code: country.code }, select: { aliases: true } });
    const aliases = union(row.aliases, country.aliases);
    if (aliases.length !== row.aliases.length) {
      await tx.country.update({ where: { code: country.code }, data: { aliases } });
    }
  }
}
