/**
 * What one ingestion accepts. An article over a limit is refused before anything is read
 * from or written to the database, with the limit named (IngestLimitError). The numbers are
 * measured to ingest well within the ingestion transaction's timeout on this project's
 * 2-core reference machine (see docs/ingestion.md).
 */
export const INGEST_LIMITS = {
  /** Characters (UTF-16 code units) of the article text: 2 MiB of ASCII. */
  textLength: 2_097_152,
  /** Spans of all kinds in one annotation: mentions, evidence, statements, attributions. */
  spans: 50_000,
  /** Entities of one annotation: persons + organizations + events + statements. */
  entities: 5_000,
  /** Articles of one ingestArticles batch. */
  batch: 100,
} as const;

/** The ingestion transaction's timeout: a bigger article is refused by the limits above first. */
export const INGEST_TRANSACTION_TIMEOUT_MS = 120_000;

/** Counts the spans of a parsed-or-not document without trusting its shape. */
export function countSpans(value: unknown): number {
  let count = 0;
  const visit = (v: unknown, depth: number) => {
    if (depth > 12 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    const record = v as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number') count++;
    for (const child of Object.values(record)) visit(child, depth + 1);
  };
  visit(value, 0);
  return count;
}
