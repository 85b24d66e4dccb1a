/**
 * Provenance of edges: the same relation stated by several articles (a role, a participation,
 * an event relation) is one edge, supported by the evidence of each. Kept in article order
 * (ingestion order), so an edge's first evidence is the earliest article's whatever the order
 * the rows were read in.
 */
import type { EdgeEvidence } from './types.js';

const compare = (a: EdgeEvidence, b: EdgeEvidence) => a.articleId - b.articleId || a.start - b.start || a.end - b.end;

/** Adds `evidence` to `supportedBy` in order, once (the same row read from both ends is one statement of it). */
export function addSupport(supportedBy: EdgeEvidence[], evidence: EdgeEvidence): void {
  let at = supportedBy.length;
  while (at > 0 && compare(supportedBy[at - 1] as EdgeEvidence, evidence) > 0) at--;
  const before = supportedBy[at - 1];
  if (before && compare(before, evidence) === 0) return;
  supportedBy.splice(at, 0, evidence);
}
