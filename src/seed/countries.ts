/** ISO 3166-1 reference data, from the maintained `world-countries` package and the reviewed alias file. */

import type { PrismaClient } from '../generated/prisma/client.js';
import { isoCountries } from '../reference/countries.js';
import { reviewedAliases } from '../reference/country-lookup.js';

export function isoCountryRows() {
  return isoCountries.map((c) => ({
    code: c.cca2,
    alpha3: c.cca3,
    numeric: c.ccn3 || null,
    name: c.name.common,
    officialName: c.name.official,
    demonyms: [...new Set(Object.values(c.demonyms?.eng ?? {}))],
    // The package lists the alpha-2 code itself among the spellings: it is not a name.
    aliases: [...new Set([...c.altSpellings.filter((s) => s !== c.cca2), ...reviewedAliases(c.cca2)])],
    region: c.region || null,
    subregion: c.subregion || null,
  }));
}

/**
 * Inserts the missing countries and adds reference aliases an existing row lacks (names
 * articles added stay), in one statement; rows already up to date are not touched.
 * Returns the number of rows inserted or updated.
 */
export async function loadCountries(prisma: Pick<PrismaClient, '$executeRaw'>): Promise<number> {
  const rows = JSON.stringify(isoCountryRows());
  return prisma.$executeRaw`
    INSERT INTO "Country" (code, alpha3, "numeric", name, "officialName", demonyms, aliases, region, subregion)
    SELECT code, alpha3, "numeric", name, "officialName", demonyms, aliases, region, subregion
    FROM json_to_recordset(${rows}::json) AS x(code text, alpha3 text, "numeric" text, name text,
      "officialName" text, demonyms text[], aliases text[], region text, subregion text)
    ON CONFLICT (code) DO UPDATE
      SET aliases = ARRAY(SELECT DISTINCT a FROM unnest("Country".aliases || EXCLUDED.aliases) AS a ORDER BY a)
      WHERE NOT ("Country".aliases @> EXCLUDED.aliases)`;
}
