/**
 * Checks an annotation against its article text beyond what the zod schema can see:
 * every span equals the text it points at, every reference resolves, keys are unique,
 * and every direct quotation in the text is covered by a statement.
 */
import { createHash } from 'node:crypto';
import { findDirectQuotations } from '../text/quotes.js';
import type { Annotation, DateValue, Span } from './format.js';

export class AnnotationError extends Error {
  constructor(readonly problems: string[]) {
    super(`annotation is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'AnnotationError';
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Validates `annotation` against `text` and the set of known ISO alpha-2 codes.
 * Returns the list of problems (empty when valid) so callers can report them all at once.
 */
export function findAnnotationProblems(
  annotation: Annotation,
  text: string,
  knownCountryCodes: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const checkSpan = (where: string, span: Span | null | undefined) => {
    if (!span) return;
    if (span.end > text.length) {
      problems.push(`${where}: span [${span.start}, ${span.end}) runs past the end of the text`);
      return;
    }
    const actual = text.slice(span.start, span.end);
    if (actual !== span.text) {
      problems.push(
        `${where}: span [${span.start}, ${span.end}) is ${JSON.stringify(actual)}, not ${JSON.stringify(span.text)}`,
      );
    }
  };
  const checkSpans = (where: string, spans: readonly Span[]) => {
    for (const [i, span] of spans.entries()) checkSpan(`${where}[${i}]`, span);
  };
  const checkDate = (where: string, date: DateValue | null) => {
    if (!date) return;
    checkSpan(`${where}.evidence`, date.evidence);
    if (Number.isNaN(Date.parse(date.value.padEnd(10, '-01').slice(0, 10)))) {
      problems.push(`${where}: ${date.value} is not a calendar date`);
    }
  };
  const checkCountry = (where: string, code: string | null) => {
    if (code !== null && !knownCountryCodes.has(code)) {
      problems.push(`${where}: ${code} is not an ISO 3166-1 alpha-2 code`);
    }
  };
  const uniqueKeys = (kind: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`${kind} key ${key} is used twice`);
      seen.add(key);
    }
    return seen;
  };

  const { article } = annotation;
  if (sha256Hex(text) !== article.sha256) {
    problems.push(`article.sha256 does not match the text (text has ${sha256Hex(text)})`);
  }
  checkSpan('article.title', article.title);
  checkSpan('article.subtitle', article.subtitle);
  checkSpan('article.dateline', article.dateline);
  checkDate('article.publishedOn', article.publishedOn);

  const persons = uniqueKeys(
    'person',
    annotation.persons.map((p) => p.key),
  );
  const organizations = uniqueKeys(
    'organization',
    annotation.organizations.map((o) => o.key),
  );
  const events = uniqueKeys(
    'event',
    annotation.events.map((e) => e.key),
  );
  uniqueKeys(
    'statement',
    annotation.statements.map((s) => s.key),
  );
  uniqueKeys(
    'country',
    annotation.countries.map((c) => c.code),
  );

  const checkOrg = (where: string, key: string | null) => {
    if (key !== null && !organizations.has(key)) problems.push(`${where}: unknown organization ${key}`);
  };
  checkOrg('article.source', article.source);

  for (const country of annotation.countries) {
    checkCountry(`countries.${country.code}`, country.code);
    checkSpans(`countries.${country.code}.mentions`, country.mentions);
  }
  for (const person of annotation.persons) {
    const at = `persons.${person.key}`;
    checkSpans(`${at}.mentions`, person.mentions);
    person.roles.forEach((role, i) => {
      checkSpan(`${at}.roles[${i}].evidence`, role.evidence);
      checkCountry(`${at}.roles[${i}].country`, role.country);
      checkOrg(`${at}.roles[${i}].organization`, role.organization);
    });
  }
  for (const org of annotation.organizations) {
    const at = `organizations.${org.key}`;
    checkSpans(`${at}.mentions`, org.mentions);
    checkOrg(`${at}.parent`, org.parent);
    if (org.parent === org.key) problems.push(`${at}: an organization cannot be its own parent`);
    checkCountry(`${at}.country`, org.country);
    if (org.leadCountry) {
      checkCountry(`${at}.leadCountry`, org.leadCountry.code);
      checkSpan(`${at}.leadCountry.evidence`, org.leadCountry.evidence);
    }
  }
  for (const event of annotation.events) {
    const at = `events.${event.key}`;
    checkSpan(`${at}.evidence`, event.evidence);
    checkSpans(`${at}.mentions`, event.mentions);
    checkDate(`${at}.start`, event.start);
    checkDate(`${at}.end`, event.end);
    checkCountry(`${at}.country`, event.country);
    if (event.parent !== null && !events.has(event.parent)) problems.push(`${at}: unknown parent ${event.parent}`);
    if (event.parent === event.key) problems.push(`${at}: an event cannot be its own parent`);
    event.participants.forEach((p, i) => {
      const where = `${at}.participants[${i}]`;
      if ('person' in p.actor && !persons.has(p.actor.person))
        problems.push(`${where}: unknown person ${p.actor.person}`);
      if ('organization' in p.actor) checkOrg(where, p.actor.organization);
      if ('country' in p.actor) checkCountry(where, p.actor.country);
    });
  }
  for (const statement of annotation.statements) {
    const at = `statements.${statement.key}`;
    checkSpan(`${at}.text`, statement.text);
    checkSpan(`${at}.attribution`, statement.attribution);
    checkSpans(`${at}.restatedIn`, statement.restatedIn);
    checkDate(`${at}.saidOn`, statement.saidOn);
    for (const code of statement.about) checkCountry(`${at}.about`, code);
    if ('person' in statement.speaker && !persons.has(statement.speaker.person)) {
      problems.push(`${at}: unknown speaker ${statement.speaker.person}`);
    }
    if ('organization' in statement.speaker) checkOrg(`${at}.speaker`, statement.speaker.organization);
    if (statement.occasion !== null && !events.has(statement.occasion)) {
      problems.push(`${at}: unknown occasion ${statement.occasion}`);
    }
  }

  // Every direct quotation must be found inside a statement's text or one of its restatements.
  const covered = annotation.statements.flatMap((s) => [s.text, ...s.restatedIn]);
  for (const quote of findDirectQuotations(text)) {
    if (!covered.some((span) => span.start <= quote.start && quote.end <= span.end)) {
      problems.push(
        `direct quote at [${quote.start}, ${quote.end}) is not covered by any statement: ${JSON.stringify(quote.text)}`,
      );
    }
  }
  return problems;
}
