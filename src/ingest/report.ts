/** Ingestion outcomes and failures as lines for people: the CLI's progress and summary, the seed's log. */
import { AnnotationInvalidError, IngestError, UnresolvedEntitiesError } from './errors.js';
import type { EntityCounts, WriteOutcome } from './write.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const entities = (label: string, c: EntityCounts) =>
  c.created + c.resolved === 0 ? null : `${label} ${c.resolved} resolved, ${c.created} new`;

/** "9 statements, 9 events, 4 event relations, 2 roles, 44 mentions" */
export function describeFacts(c: WriteOutcome['counts']): string {
  return [
    plural(c.statements, 'statement'),
    plural(c.events, 'event'),
    plural(c.eventRelations, 'event relation'),
    plural(c.roles, 'role'),
    plural(c.mentions, 'mention'),
  ].join(', ');
}

/** "created: 9 statements, 9 events, 4 relations, 44 mentions; persons 1 resolved, 1 new; …" */
export function describeOutcome(outcome: WriteOutcome): string {
  if (outcome.status === 'UNCHANGED') return 'unchanged';
  const facts = describeFacts(outcome.counts);
  const e = outcome.entities;
  const resolved = [
    entities('persons', e.persons),
    entities('organizations', e.organizations),
    entities('events', e.events),
    entities('countries', e.countries),
  ].filter(Boolean);
  const removed = outcome.removed.persons.length + outcome.removed.organizations.length + outcome.removed.events.length;
  return `${outcome.status.toLowerCase()}: ${facts}; ${resolved.join('; ')}${removed > 0 ? `; ${removed} orphaned nodes removed` : ''}`;
}

/** Every detail of a failure, one problem a line, for a terminal. */
export function describeError(error: unknown): string {
  if (error instanceof AnnotationInvalidError) {
    return [error.message, ...error.problems.map((p) => `    ${p.path}: ${p.message}`)].join('\n');
  }
  if (error instanceof UnresolvedEntitiesError) {
    const lines = error.unresolved.flatMap((d) => [
      `    ${d.kind.toLowerCase()} "${d.localKey}": ${d.reason}`,
      ...d.candidates.map((c) => `      candidate ${c.key} (${c.label}): ${c.rule} ${c.score.toFixed(2)}, ${c.reason}`),
    ]);
    return [error.message, ...lines].join('\n');
  }
  if (error instanceof IngestError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
