/**
 * Entity resolution measured on the synthetic corpus with known answers
 * (test/fixtures/resolution-expectations.json, written independently of the rules): the
 * articles are ingested in order, a curator answering ingestion's questions from the truth.
 * No automatic decision may be wrong; look-alikes stay apart; the truly ambiguous entity is
 * asked about; most true links are found without asking.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { evaluateResolution } from '../src/resolve/evaluate.js';
import { projectRoot } from './support/shared.js';

describe('resolution on the synthetic corpus', () => {
  it('decides right, apart look-alikes, asks about the ambiguous, finds most links', async () => {
    const score = await evaluateResolution(
      prisma,
      projectRoot,
      join(projectRoot, 'test/fixtures/resolution-expectations.json'),
    );
    console.log(
      `resolution: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}, ` +
        `${score.merged.right} right merges, ${score.merged.wrong} wrong merges, ${score.created.right} right new nodes, ` +
        `${score.created.wrong} missed links, ${score.asked} questions (${score.askedAmbiguous} truly ambiguous)\n` +
        score.mistakes.map((m) => `  mistake: ${m}`).join('\n'),
    );
    expect(score.merged.wrong).toBe(0);
    expect(score.precision).toBe(1);
    expect(score.lookAlikesMerged).toBe(0);
    expect(score.askedAmbiguous).toBe(1);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.mistakes.filter((m) => !m.includes('made a new node'))).toEqual([]);
    // Every article of the corpus got in, with or without a curator's answers.
    expect(score.articles.every((a) => /^(CREATED|UNCHANGED)/.test(a.status))).toBe(true);
  });
});
