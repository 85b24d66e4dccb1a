/**
 * Shared shapes of the drafting engine: what each finder proposes before assembly turns the
 * proposals into a `kg-annotation/1` document. Offsets are UTF-16 code units, [start, end).
 */
import type { DateValue, Span } from '../annotations/format.js';

export interface Range {
  start: number;
  end: number;
}

/** How sure a rule is: 0..1. Items below REVIEW_BELOW are flagged for the curator. */
export type Confidence = number;
export const REVIEW_BELOW = 0.8;

/** Why something was proposed: the rule that fired and, for a reader, what it saw. */
export interface Provenance {
  rule: string;
  confidence: Confidence;
  /** Set when the curator must decide; says what to check. */
  flag?: string;
}

export interface CountryMention extends Range, Provenance {
  code: string;
  text: string;
  /** How the words name the country (name, demonym, adjective, capital used as a metonym…). */
  kind: string;
}

export interface ResolvedDate extends Provenance {
  date: DateValue;
  /** The words that gave the date. */
  evidence: Span;
}

export type SpanOf = (range: Range) => Span;
