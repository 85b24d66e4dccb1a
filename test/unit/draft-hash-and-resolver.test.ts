/**
 * The draft block's content hash tells an unedited draft from an edited one, and a resolver
 * plugged into drafting turns matches into `resolve` hints that the validator accepts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAnnotation } from '../../src/annotations/validate.js';
import {
  draftArticle,
  draftArticleResolved,
  draftContentHash,
  type EntityCandidate,
  isUneditedDraft,
} from '../../src/draft/index.js';

const text = readFileSync('seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan/article.txt', 'utf8');
const input = { text, publishedOn: '2022-01-10', source: 'tass' };

describe('draftContentHash', () => {
  it('is the sha256 of the document without its draft and review blocks, as the draft block records', () => {
    const { document } = draftArticle(input, { now: new Date('2026-01-01T00:00:00Z') });
    const block = document.draft as { contentHash: string; createdAt: string; tool: string };
    expect(block).toMatchObject({ tool: 'kg-draft', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(block.contentHash).toBe(draftContentHash(document));
    expect(isUneditedDraft(JSON.parse(JSON.stringify(document)))).toBe(true);
    // A review block does not change what was drafted; an edit does.
    expect(isUneditedDraft({ ...document, review: { by: 'curator', at: '2026-01-02T00:00:00Z' } })).toBe(true);
    const edited = structuredClone(document) as { statements: { about: string[] }[] };
    edited.statements[0]?.about.push('RU');
    expect(isUneditedDraft(edited)).toBe(false);
  });

  it('does not change when an editor reorders keys or spells out a default', () => {
    const { document } = draftArticle(input);
    const reordered = Object.fromEntries(Object.entries(document).reverse());
    expect(isUneditedDraft(reordered)).toBe(true);
    const withDefault = structuredClone(document) as { statements: { note?: unknown }[] };
    for (const s of withDefault.statements) delete s.note;
    expect(isUneditedDraft(withDefault)).toBe(true);
  });

  it('is the same for two drafts of the same text: drafting is deterministic', () => {
    const a = draftArticle(input).document.draft as { contentHash: string };
    const b = draftArticle(input).document.draft as { contentHash: string };
    expect(a.contentHash).toBe(b.contentHash);
  });
});

describe('draftArticleResolved', () => {
  it('asks the resolver about every person and organisation and records its matches as resolve hints', async () => {
    const asked: EntityCandidate[] = [];
    const draft = await draftArticleResolved(input, {
      resolver: async (candidate) => {
        asked.push(candidate);
        if (candidate.key === 'alexander-lukashenko')
          return { node: { id: 'UGVyc29uOjE=', key: 'alexander-lukashenko' }, rule: 'same key', confidence: 0.95 };
        if (candidate.acronym === 'CSTO') return { node: { key: 'csto' }, rule: 'acronym', confidence: 0.6 };
        if (candidate.key === 'kassym-jomart-tokayev') {
          return { candidates: [{ key: 'tokayev-1' }, { key: 'tokayev-2' }], reason: 'two close matches' };
        }
        return null;
      },
    });
    expect(asked.map((c) => `${c.kind}:${c.key}`)).toContain('person:kassym-jomart-tokayev');
    expect(asked.find((c) => c.key === 'alexander-lukashenko')?.roles).toEqual([
      { title: 'President of Belarus', country: 'BY' },
    ]);
    const persons = draft.document.persons as { key: string; resolve?: unknown }[];
    expect(persons.find((p) => p.key === 'alexander-lukashenko')?.resolve).toEqual({ id: 'UGVyc29uOjE=' });
    expect(persons.find((p) => p.key === 'kassym-jomart-tokayev')?.resolve).toBeUndefined();
    const csto = draft.review.items.find((i) => i.rule === 'resolver: acronym');
    expect(csto?.flagged).toBe(true);
    const organizations = draft.document.organizations as { key: string; resolve?: unknown }[];
    expect(organizations.find((o) => o.key === 'csto')?.resolve).toEqual({ key: 'csto' });
    const ambiguous = draft.review.items.find((i) => i.rule === 'resolver-ambiguous');
    expect(ambiguous?.reason).toMatch(/tokayev-1, tokayev-2/);
    expect(validateAnnotation(structuredClone(draft.document), text).ok).toBe(true);
    expect((draft.document.draft as { contentHash: string }).contentHash).toBe(draftContentHash(draft.document));
  });

  it('keeps the proposal and flags it when the resolver fails', async () => {
    const draft = await draftArticleResolved(input, {
      resolver: async () => {
        throw new Error('graph unavailable');
      },
    });
    expect(draft.review.items.filter((i) => i.rule === 'resolver-failed').length).toBeGreaterThan(0);
    expect((draft.document.persons as { resolve?: unknown }[]).every((p) => p.resolve === undefined)).toBe(true);
  });

  it('asks a document resolver once, with the validated draft, and answers each proposal from it', async () => {
    const seen: { persons: string[]; countries: string[] }[] = [];
    const eventKey = (draftArticle(input).document.events as { key: string }[])[0]?.key as string;
    const draft = await draftArticleResolved(input, {
      resolver: {
        async resolveDocument(annotation, countries) {
          seen.push({ persons: annotation.persons.map((p) => p.key), countries: countries.map((c) => c.code) });
          return new Map([
            [
              'person:alexander-lukashenko',
              { node: { key: 'lukashenko', id: 'UGVyc29uOmx1a2FzaGVua28=' }, rule: 'NAME', confidence: 0.95 },
            ],
            [
              'organization:csto',
              {
                node: { key: 'csto', id: 'T3JnYW5pemF0aW9uOmNzdG8=' },
                rule: 'ACRONYM',
                confidence: 0.9,
                warning: 'two proposals are one node',
              },
            ],
            [`event:${eventKey}`, { candidates: [{ key: 'a', name: 'A', id: 'RXZlbnQ6YQ==' }], reason: 'weak' }],
          ]);
        },
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.persons).toContain('alexander-lukashenko');
    expect(seen[0]?.countries).toContain('KZ');
    const persons = draft.document.persons as { key: string; resolve?: unknown }[];
    expect(persons.find((p) => p.key === 'alexander-lukashenko')?.resolve).toEqual({ id: 'UGVyc29uOmx1a2FzaGVua28=' });
    expect(draft.review.items.find((i) => i.rule === 'resolver: ACRONYM')).toMatchObject({
      flagged: true,
      reason: 'two proposals are one node',
    });
    const events = draft.document.events as { key: string; resolve?: unknown }[];
    expect(events.map((e) => e.key)).toContain(eventKey);
    expect(events.every((e) => e.resolve === undefined)).toBe(true);
    expect(draft.review.items.find((i) => i.rule === 'resolver-ambiguous' && i.kind === 'event')?.reason).toMatch(
      /a \(A\) id RXZlbnQ6YQ==/,
    );
  });

  it('flags every proposal when a document resolver fails, and keeps the draft', async () => {
    const draft = await draftArticleResolved(input, {
      resolver: {
        resolveDocument: () => Promise.reject(new Error('database unavailable')),
      },
    });
    const failed = draft.review.items.filter((i) => i.rule === 'resolver-failed');
    expect(failed.length).toBe(
      (draft.document.persons as unknown[]).length +
        (draft.document.organizations as unknown[]).length +
        (draft.document.events as unknown[]).length,
    );
    expect(failed[0]?.reason).toMatch(/database unavailable/);
  });
});
