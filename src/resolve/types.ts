/** The vocabulary of resolution: what is matched, against what, and what was decided. */
import type { EntityKind, ResolutionRule } from '../generated/prisma/enums.js';

export type { EntityKind, ResolutionRule };

/** A match at or above this score decides; below it, a match is only a reason to ask. */
export const STRONG = 0.8;
/** Below this, a candidate is not worth mentioning. */
export const WEAK = 0.45;
/** Among strong candidates, the best decides only with this lead over the next. */
export const MARGIN = 0.15;

/** One candidate node and how well a description matches it. */
export interface Match {
  /** Database id (a country's alpha-2 code). */
  nodeId: number | string;
  key: string;
  /** Name or title, for people reading the report. */
  label: string;
  rule: ResolutionRule;
  /**
   * How well it matches: 0.8 or more is strong. Name rules score up to 1; an event's score adds
   * up every agreeing piece of evidence and may exceed 1.
   */
  score: number;
  reason: string;
}

interface DecisionBase {
  kind: EntityKind;
  /** The entity's key in the annotation (a country: its designation). */
  localKey: string;
  /** What the annotation said of it, as recorded in Resolution.description. */
  description: Record<string, unknown>;
}

export type Decision =
  | (DecisionBase & { outcome: 'existing'; match: Match })
  | (DecisionBase & { outcome: 'create'; rule: 'CREATED' | 'HINT_NEW'; score: number; reason: string })
  | (DecisionBase & { outcome: 'ambiguous'; reason: string; candidates: Match[] });

/**
 * Picks the decision from scored candidates: one strong match decides, and so does the best
 * of several when it leads the next by MARGIN; several strong ones that are close, or only
 * weak ones, are not guessed; none makes a new node.
 */
export function decide(base: DecisionBase, matches: readonly (Match | null)[]): Decision {
  const scored = matches
    .filter((m): m is Match => m !== null && m.score >= WEAK)
    .sort((a, b) => b.score - a.score || String(a.key).localeCompare(String(b.key)));
  const strong = scored.filter((m) => m.score >= STRONG);
  const [best, next] = strong;
  if (best && (!next || best.score - next.score >= MARGIN)) {
    return { ...base, outcome: 'existing', match: best };
  }
  if (strong.length > 1) {
    return {
      ...base,
      outcome: 'ambiguous',
      reason: `matches ${strong.length} nodes about as well (no lead of ${MARGIN} or more)`,
      candidates: strong,
    };
  }
  if (scored.length > 0) {
    return {
      ...base,
      outcome: 'ambiguous',
      reason: 'matches only weakly: confirm with a resolve hint',
      candidates: scored,
    };
  }
  return { ...base, outcome: 'create', rule: 'CREATED', score: 1, reason: 'no node in the graph matches' };
}
