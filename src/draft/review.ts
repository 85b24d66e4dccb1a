/**
 * The review report that goes with a draft: every proposed item with its confidence and the
 * rule that proposed it, the items flagged for the curator, pronoun suggestions, and the
 * body sentences in which nothing was found.
 */
import { type Range, REVIEW_BELOW } from './types.js';

export type ReviewKind =
  | 'article'
  | 'country'
  | 'person'
  | 'organization'
  | 'statement'
  | 'event'
  | 'date'
  | 'pronoun'
  | 'unresolved';

export interface ReviewItem {
  /** JSON path of the item in the draft, e.g. `$.statements[2]`; null for suggestions outside it. */
  path: string | null;
  kind: ReviewKind;
  /** What it is, in words: the name, the quoted words, the date. */
  label: string;
  confidence: number;
  /** Which rule or pattern proposed it. */
  rule: string;
  flagged: boolean;
  /** What to check, when flagged. */
  reason: string | null;
}

export interface ReviewReport {
  items: ReviewItem[];
  flaggedCount: number;
  /** Body sentences with no mention, statement, event or date. */
  emptySentences: (Range & { text: string })[];
}

export function reviewItem(
  path: string | null,
  kind: ReviewKind,
  label: string,
  p: { rule: string; confidence: number; flag?: string | undefined },
): ReviewItem {
  const flagged = p.flag !== undefined || p.confidence < REVIEW_BELOW;
  return {
    path,
    kind,
    label,
    confidence: Math.round(p.confidence * 100) / 100,
    rule: p.rule,
    flagged,
    reason: p.flag ?? (flagged ? 'low confidence' : null),
  };
}

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The report as Markdown, for a curator's terminal or editor. */
export function reviewMarkdown(report: ReviewReport, title: string): string {
  const lines = [
    `# Draft review: ${title}`,
    '',
    `${report.items.length} proposals, ${report.flaggedCount} flagged for review.`,
    '',
  ];
  const flagged = report.items.filter((i) => i.flagged);
  if (flagged.length > 0) {
    lines.push('## Flagged', '');
    for (const i of flagged)
      lines.push(`- [ ] ${i.kind} ${i.path ?? ''} "${clip(i.label)}" (${i.confidence}, ${i.rule}): ${i.reason}`);
    lines.push('');
  }
  lines.push('## All proposals', '', '| kind | path | item | confidence | rule |', '| --- | --- | --- | --- | --- |');
  for (const i of report.items) {
    lines.push(
      `| ${i.kind} | ${i.path ?? ''} | ${clip(i.label, 70).replace(/\|/g, '\\|')} | ${i.confidence} | ${i.rule} |`,
    );
  }
  lines.push('', '## Sentences with nothing found', '');
  if (report.emptySentences.length === 0) lines.push('(none)');
  for (const s of report.emptySentences) lines.push(`- [${s.start}, ${s.end}) ${clip(s.text, 120)}`);
  return `${lines.join('\n')}\n`;
}
