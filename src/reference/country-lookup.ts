/**
 * Country names as articles write them, resolved to ISO 3166-1 alpha-2 codes: the reference
 * data (codes, common and official names, alternative spellings, English demonyms, capitals)
 * plus the reviewed alias file `country-aliases.json` (short names such as "Turkey" and
 * adjectives such as "Kazakh" that the reference data lacks). Ingestion resolves country
 * references with it; the drafting assistant finds country mentions with it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isoCountries } from './countries.js';

/** How a name designates a country, from the strongest evidence to the weakest. */
export const COUNTRY_NAME_KINDS = [
  'code',
  'name',
  'official',
  'alternative',
  'alias',
  'demonym',
  'adjective',
  'capital',
] as const;
export type CountryNameKind = (typeof COUNTRY_NAME_KINDS)[number];

export interface CountryName {
  /** The name as written in the reference data or the alias file. */
  name: string;
  code: string;
  kind: CountryNameKind;
}

export interface CountryMatch {
  code: string;
  kind: CountryNameKind;
}

const aliasFileSchema = z.object({
  names: z.record(z.string().regex(/^[A-Z]{2}$/), z.array(z.string().min(1))),
  adjectives: z.record(z.string().regex(/^[A-Z]{2}$/), z.array(z.string().min(1))),
});

const aliasFile = aliasFileSchema.parse(
  JSON.parse(readFileSync(new URL('./country-aliases.json', import.meta.url), 'utf8')),
);

/**
 * The form names are compared in: no diacritics, lower case, typographic apostrophes made
 * straight, dots dropped ("U.S." = "US"), a leading "the" dropped, white space collapsed.
 */
export function normalizeCountryName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const independent = new Set(isoCountries.filter((c) => c.independent).map((c) => c.cca2));

function collectNames(): CountryName[] {
  const names: CountryName[] = [];
  const add = (code: string, kind: CountryNameKind, values: Iterable<string | undefined>) => {
    for (const name of values) if (name) names.push({ name, code, kind });
  };
  for (const c of isoCountries) {
    add(c.cca2, 'code', [c.cca2, c.cca3]);
    add(c.cca2, 'name', [c.name.common]);
    add(c.cca2, 'official', [c.name.official]);
    // altSpellings repeats the alpha-2 code and holds native-script names: both are harmless.
    add(
      c.cca2,
      'alternative',
      c.altSpellings.filter((s) => s !== c.cca2),
    );
    add(c.cca2, 'demonym', Object.values(c.demonyms?.eng ?? {}));
    add(c.cca2, 'capital', c.capital ?? []);
  }
  for (const [code, values] of Object.entries(aliasFile.names)) add(code, 'alias', values);
  for (const [code, values] of Object.entries(aliasFile.adjectives)) add(code, 'adjective', values);
  return names;
}

/** Every known name of every country, for scanners that look for them in text. */
export const countryNames: readonly CountryName[] = collectNames();

const index = new Map<string, CountryName[]>();
for (const entry of countryNames) {
  const key = normalizeCountryName(entry.name);
  const list = index.get(key) ?? [];
  if (!list.some((e) => e.code === entry.code && e.kind === entry.kind)) list.push(entry);
  index.set(key, list);
}

const rank = (kind: CountryNameKind) => COUNTRY_NAME_KINDS.indexOf(kind);

/**
 * The countries a name designates: one match when it is unambiguous, several when it is not
 * ("Dominican"), none when it is unknown. Codes match in any case. The strongest kind of
 * match wins (a common name over someone else's demonym); among equals, a sovereign state
 * wins over a dependency ("French": France, not the French Southern Lands). Capitals count
 * only when asked for: "Moscow said" names Russia only as a metonym, which a reader decides.
 */
export function lookupCountry(name: string, options: { capitals?: boolean } = {}): CountryMatch[] {
  const entries = (index.get(normalizeCountryName(name)) ?? []).filter((e) => options.capitals || e.kind !== 'capital');
  if (entries.length === 0) return [];
  const best = Math.min(...entries.map((e) => rank(e.kind)));
  let strongest = entries.filter((e) => rank(e.kind) === best);
  if (strongest.some((e) => independent.has(e.code))) strongest = strongest.filter((e) => independent.has(e.code));
  const byCode = new Map(strongest.map((e) => [e.code, { code: e.code, kind: e.kind }]));
  return [...byCode.values()];
}

/** The extra names the alias file gives a country, for the database's `aliases` column. */
export function reviewedAliases(code: string): string[] {
  return [...(aliasFile.names[code] ?? []), ...(aliasFile.adjectives[code] ?? [])];
}
