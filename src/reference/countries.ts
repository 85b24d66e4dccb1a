/** ISO 3166-1 country reference data from the maintained `world-countries` package. */
import worldCountries, { type Countries } from 'world-countries';

// The package ships CommonJS (`module.exports = [...]`) with types written as an ES default
// export, so under NodeNext TypeScript types the default import as the module namespace.
// At run time the default import is the array itself.
const all = worldCountries as unknown as Countries;

/** The 249 officially assigned ISO 3166-1 countries (the package also lists Kosovo, XK). */
export const isoCountries = all.filter((c) => c.status === 'officially-assigned');

export const isoAlpha2Codes: ReadonlySet<string> = new Set(isoCountries.map((c) => c.cca2));
