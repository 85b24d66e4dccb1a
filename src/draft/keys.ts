/** Keys in the format's lower-case kebab-case, from names as written ("Kassym-Jomart Tokayev"). */
export function slug(words: string, maxWords = 8): string {
  const ascii = words
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.split('-').filter(Boolean).slice(0, maxWords).join('-') || 'item';
}

/** A key not yet in `taken`, suffixed -2, -3… if needed; the set is updated. */
export function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}
