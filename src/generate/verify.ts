/**
 * Checks of a generated data set, in SQL so they run where the data is: every evidence span
 * is the exact slice of its article body, and every trigger-kept count equals the real count.
 * Also a content hash of the generated rows (by keys, not ids) for determinism checks.
 *
 * substr() counts characters and JavaScript counts UTF-16 code units; the generator writes
 * BMP characters only, where the two agree.
 */
import type { SqlDriver } from './driver.js';
import { GENERATED_KEY_PREFIX } from './world.js';

const generatedArticles = `(SELECT id, body FROM "Article" WHERE starts_with(key, '${GENERATED_KEY_PREFIX}'))`;

/** Spans whose text is not the body slice, per kind. All zero for a correct data set. */
export async function spanMismatches(driver: SqlDriver): Promise<Record<string, number>> {
  const check = (from: string, start: string, end: string, text: string) => `
    (SELECT count(*)::int FROM ${from} x JOIN ${generatedArticles} a ON a.id = x."articleId"
      WHERE ${start} IS NOT NULL AND (substr(a.body, ${start} + 1, ${end} - ${start}) <> ${text} OR ${end} > length(a.body)))`;
  const rows = await driver.query<Record<string, number>>(`SELECT
    ${check('"Statement"', 'x.start', 'x."end"', 'x.text')} AS "statement",
    ${check('"Statement"', 'x."attributionStart"', 'x."attributionEnd"', 'x."attributionText"')} AS "attribution",
    ${check('"Event"', 'x."evidenceStart"', 'x."evidenceEnd"', 'x."evidenceText"')} AS "event",
    ${check('"Mention"', 'x.start', 'x."end"', 'x.text')} AS "mention",
    ${check('"Role"', 'x."evidenceStart"', 'x."evidenceEnd"', 'x."evidenceText"')} AS "role"`);
  return rows[0] ?? {};
}

/** Rows whose trigger-kept count differs from the count of the rows it counts, per column. */
export async function countMismatches(driver: SqlDriver): Promise<Record<string, number>> {
  const rows = await driver.query<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM "Person" p
      WHERE p."statementCount" <> (SELECT count(*) FROM "Statement" s WHERE s."speakerPersonId" = p.id)) AS "Person.statementCount",
    (SELECT count(*)::int FROM "Organization" o
      WHERE o."statementCount" <> (SELECT count(*) FROM "Statement" s WHERE s."speakerOrganizationId" = o.id)) AS "Organization.statementCount",
    (SELECT count(*)::int FROM "Country" c
      WHERE c."statementCount" <> (SELECT count(*) FROM "_StatementAbout" x WHERE x."A" = c.code)) AS "Country.statementCount",
    (SELECT count(*)::int FROM "Country" c
      WHERE c."eventCount" <> (SELECT count(*) FROM "Event" e WHERE e."countryCode" = c.code)) AS "Country.eventCount"`);
  return rows[0] ?? {};
}

/**
 * md5 over the generated rows of every table, each row rendered with natural keys instead of
 * ids (so the same data loaded after other rows hashes the same), in key order.
 */
export async function generatedContentHash(driver: SqlDriver): Promise<string> {
  const g = (column: string) => `starts_with(${column}, '${GENERATED_KEY_PREFIX}')`;
  const parts: string[] = [
    `SELECT 'P' || string_agg(md5(concat_ws('|', key, name, aliases::text, "statementCount")), '' ORDER BY key) FROM "Person" WHERE ${g('key')}`,
    `SELECT 'O' || string_agg(md5(concat_ws('|', o.key, o.name, o.acronym, o.kind, p.key, o."countryCode", o."statementCount")), '' ORDER BY o.key)
       FROM "Organization" o LEFT JOIN "Organization" p ON p.id = o."parentId" WHERE ${g('o.key')}`,
    `SELECT 'A' || string_agg(md5(concat_ws('|', a.key, a.title, a."contentHash", a.dateline, s.key, a."publishedOn", a."annotationHash")), '' ORDER BY a.key)
       FROM "Article" a JOIN "Organization" s ON s.id = a."sourceId" WHERE ${g('a.key')}`,
    `SELECT 'S' || string_agg(md5(concat_ws('|', s.key, a.key, s.kind, s.text, s.start, s."end", s."attributionText",
         s."attributionStart", p.key, o.key, s."saidOn", s."saidOnPrecision", s."saidOnBasis", e.key,
         (SELECT string_agg(x."A", ',' ORDER BY x."A") FROM "_StatementAbout" x WHERE x."B" = s.id))), '' ORDER BY s.key)
       FROM "Statement" s JOIN "Article" a ON a.id = s."articleId" LEFT JOIN "Person" p ON p.id = s."speakerPersonId"
       LEFT JOIN "Organization" o ON o.id = s."speakerOrganizationId" LEFT JOIN "Event" e ON e.id = s."occasionId"
      WHERE ${g('s.key')}`,
    `SELECT 'E' || string_agg(md5(concat_ws('|', e.key, a.key, e.title, e.kind, e."startDate", e."startPrecision", e."endDate",
         e."countryCode", e.location, p.key, e."evidenceStart", e."evidenceText",
         (SELECT string_agg(concat_ws(':', x.role, xp.key, xo.key, x."countryCode"), ',' ORDER BY x.id)
            FROM "EventParticipant" x LEFT JOIN "Person" xp ON xp.id = x."personId"
            LEFT JOIN "Organization" xo ON xo.id = x."organizationId" WHERE x."eventId" = e.id))), '' ORDER BY e.key)
       FROM "Event" e JOIN "Article" a ON a.id = e."articleId" LEFT JOIN "Event" p ON p.id = e."parentId" WHERE ${g('e.key')}`,
    `SELECT 'M' || string_agg(md5(concat_ws('|', a.key, m.start, m."end", m.text, p.key, o.key, m."countryCode")), '' ORDER BY a.key, m.start, m."end", m.text)
       FROM "Mention" m JOIN "Article" a ON a.id = m."articleId" LEFT JOIN "Person" p ON p.id = m."personId"
       LEFT JOIN "Organization" o ON o.id = m."organizationId" WHERE ${g('a.key')}`,
    `SELECT 'R' || string_agg(md5(concat_ws('|', p.key, r.title, r."countryCode", a.key, r."evidenceStart", r."evidenceText")), '' ORDER BY p.key, a.key)
       FROM "Role" r JOIN "Person" p ON p.id = r."personId" JOIN "Article" a ON a.id = r."articleId" WHERE ${g('a.key')}`,
  ];
  const rows = await driver.query<{ h: string }>(`SELECT md5(concat(${parts.map((p) => `(${p})`).join(', ')})) AS h`);
  return rows[0]?.h ?? '';
}
