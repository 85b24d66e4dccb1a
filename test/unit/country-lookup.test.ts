import { describe, expect, it } from 'vitest';
import { lookupCountry, normalizeCountryName } from '../../src/reference/country-lookup.js';

const codes = (name: string, options?: { capitals?: boolean }) => lookupCountry(name, options).map((m) => m.code);

describe('lookupCountry', () => {
  it.each([
    ['Kazakhstan', 'KZ', 'name'],
    ['kazakhstan', 'KZ', 'name'],
    ['Republic of Kazakhstan', 'KZ', 'official'],
    ['KAZ', 'KZ', 'code'],
    ['kz', 'KZ', 'code'],
    ['Kazakhstani', 'KZ', 'demonym'],
    ['Kazakh', 'KZ', 'adjective'],
    ['Uzbek', 'UZ', 'adjective'],
    ['Turkey', 'TR', 'alias'],
    ['Türkiye', 'TR', 'name'],
    ['Turkiye', 'TR', 'name'], // Türkiye without its diaeresis
    ['the U.S.', 'US', 'code'], // dots dropped: US
    ['America', 'US', 'alias'],
    ['Belarusian', 'BY', 'demonym'],
    ['Cote d’Ivoire', 'CI', 'alternative'],
    ['Turkmenia', 'TM', 'alias'],
    ['Philippine', 'PH', 'adjective'],
  ])('%s is %s (by %s)', (name, code, kind) => {
    expect(lookupCountry(name)).toEqual([{ code, kind }]);
  });

  it('prefers a sovereign state among equal matches', () => {
    expect(codes('French')).toEqual(['FR']);
    expect(codes('American')).toEqual(['US']);
  });

  it('reports every country an ambiguous name may designate', () => {
    expect(codes('Dominican').sort()).toEqual(['DM', 'DO']);
    expect(codes('Congolese').sort()).toEqual(['CD', 'CG']);
  });

  it('takes capitals only when asked', () => {
    expect(codes('Astana')).toEqual([]);
    expect(lookupCountry('Astana', { capitals: true })).toEqual([{ code: 'KZ', kind: 'capital' }]);
  });

  it('knows nothing of made-up names', () => {
    expect(codes('Freedonia')).toEqual([]);
  });

  it('normalizes case, diacritics, dots and a leading "the"', () => {
    expect(normalizeCountryName('  The  U.S.A. ')).toBe('usa');
    expect(normalizeCountryName('Türkiye')).toBe('turkiye');
  });
});
