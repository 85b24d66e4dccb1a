/** ISO 3166-1 reference data, from the maintained `world-countries` package. */

import type { PrismaClient } from '../generated/prisma/client.js';
import { isoCountries } from '../reference/countries.js';

export function isoCountryRows() {
  return isoCountries.map((c) => ({
    code: c.cca2,
    alpha3: c.cca3,
    numeric: c.ccn3 || null,
    name: c.name.common,
    officialName: c.name.official,
    demonyms: [...new Set(Object.values(c.demonyms?.eng ?? {}))],
    // The package lists the alpha-2 code itself among the spellings: it is not a name.
    aliases: c.altSpellings.filter((s) => s !== c.cca2),
    region: c.region || null,
    subregion: c.subregion || null,
  }));
}

/** Inserts the countries that are missing; existing rows are left as they are. */
export async function loadCountries(prisma: Pick<PrismaClient, 'country'>): Promise<number> {
  const { count } = await prisma.country.createMany({ data: isoCountryRows(), skipDuplicates: true });
  return count;
}
