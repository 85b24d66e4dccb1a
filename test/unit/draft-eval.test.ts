/** The evaluation's scoring: a curated file scores perfectly against itself, and each kind of miss counts where it should. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/annotations/format.js';
import { validateAnnotation } from '../../src/annotations/validate.js';
import { scoreDraft } from '../../src/draft/eval/score.js';

const folder = 'test/fixtures/draft-dev/synthetic-2024-05-14-kazakh-grain-frost';
const text = readFileSync(`${folder}/article.txt`, 'utf8');
const raw = JSON.parse(readFileSync(`${folder}/annotations.json`, 'utf8'));
const curated = (() => {
  const result = validateAnnotation(structuredClone(raw), text);
  if (!result.ok) throw new Error('the dev fixture is invalid');
  return result.annotation;
})();
const datesOf = (a: Annotation) =>
  [a.article.publishedOn, ...a.events.flatMap((e) => [e.start, e.end]), ...a.statements.map((s) => s.saidOn)].flatMap(
    (d) => (d?.evidence ? [{ value: d.value, precision: d.precision, evidence: d.evidence }] : []),
  );

describe('scoreDraft', () => {
  it('scores a curated file against itself as perfect', () => {
    const score = scoreDraft(curated, structuredClone(curated), datesOf(curated), new Set(), 'unresolved-speaker');
    expect(score.misses).toEqual([]);
    expect(score.countryMentions.fp + score.countryMentions.fn).toBe(0);
    expect(score.persons).toEqual({ tp: 3, fp: 0, fn: 0 });
    expect(score.statements).toMatchObject({ curated: 8, proposed: 8, exactSpan: 8, speaker: 8, about: 8 });
    expect(score.dates.correct).toBe(score.dates.curated);
  });

  it('counts a missing statement, a wrong speaker, a wrong about, an extra person and an invented day', () => {
    const draft = structuredClone(curated);
    draft.statements.pop();
    (draft.statements[0] as Annotation['statements'][number]).about = ['RU'];
    (draft.statements[1] as Annotation['statements'][number]).speaker = { person: 'saule-dzhaksybekova' };
    draft.persons.push({
      key: 'nobody',
      name: 'Nobody',
      aliases: [],
      mentions: [{ start: 0, end: 9, text: text.slice(0, 9) }],
      roles: [],
    });
    const dates = datesOf(curated).map((d) => (d.evidence.text === 'yesterday' ? { ...d, value: '2024-05-12' } : d));
    const score = scoreDraft(curated, draft, dates, new Set(), 'unresolved-speaker');
    expect(score.statements).toMatchObject({ curated: 8, proposed: 7, exactSpan: 7, speaker: 6, about: 6 });
    expect(score.persons).toEqual({ tp: 3, fp: 1, fn: 0 });
    expect(score.dates.inventedDays).toBe(1);
  });
});
