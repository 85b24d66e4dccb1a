/** The README's examples are the service's real answers on the seeded database. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeExamples, runExample } from '../scripts/readme-examples.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = readmeExamples(readme);

describe('README examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(
    examples.map((e, i) => [
      i + 1,
      e.query
        .split('\n')
        .find((l) => /\w/.test(l) && !l.trim().startsWith('#'))
        ?.trim(),
      e,
    ]),
  )('example %i (%s) answers as documented', async (_i, _first, example) => {
    const documented: unknown = JSON.parse((example as { answer: string }).answer);
    expect(await runExample((example as { query: string }).query)).toEqual(documented);
  });
});
