/** Letters that do not decompose into a Latin letter and a mark ("Aydın", "Łódź", "Søren"). */
const LETTERS: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  þ: 'th',
  Þ: 'th',
  ð: 'd',
};

/** Keys in the format's lower-case kebab-case, from names as written ("Kassym-Jomart Tokayev"). */
export function slug(words: string, maxWords = 8): string {
  const ascii = words
    .replace(/[ıłŁøØđĐßæÆœŒþÞð]/g, (c) => LETTERS[c] ?? c)
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
