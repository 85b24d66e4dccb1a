/**
 * Checks an annotation document completely before anything is written: first its shape (the
 * zod schema), then what a schema cannot see: every span equals the text it points at, every
 * reference resolves, keys are unique, every country designation names exactly one country,
 * and every direct quotation in the text is covered by a statement.
 *
 * Every problem names the JSON path of what is wrong (`$.statements[3].attribution`), so a
 * curator can find it in the file, and nothing here throws on malformed input.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { type CountryNameKind, lookupCountry } from '../reference/country-lookup.js';
import { findDirectQuotations } from '../text/quotes.js';
import { type Annotation, annotationSchema, type DateValue, type Span } from './format.js';

export interface Problem {
  /** JSONPath of the offending value, e.g. `$.statements[3].text`. */
  path: string;
  message: string;
}

export class AnnotationError extends Error {
  readonly problems: string[];
  constructor(
    readonly details: Problem[],
    /** Which article, for messages: a file path or an article key. */
    readonly where?: string,
  ) {
    const lines = details.map((p) => `${where ? `${where}: ` : ''}${p.path}: ${p.message}`);
    super(`annotation is invalid:\n  - ${lines.join('\n  - ')}`);
    this.name = 'AnnotationError';
    this.problems = lines;
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Kinds of entity a reference can point at outside the document, in the graph. */
export type GraphRefKind = 'person' | 'organization' | 'event';

export interface ValidateOptions {
  /**
   * Keys the document uses without defining them that name nodes already in the graph
   * (`"speaker": { "person": "kassym-jomart-tokayev" }` with no such person in the file).
   * Without it, every reference must be defined in the document.
   */
  graphKeys?: { has(kind: GraphRefKind, key: string): boolean };
}

/** A country designation the document used, and what it was resolved to. */
export interface CountryDesignation {
  designation: string;
  code: string;
  kind: CountryNameKind;
}

export type ValidationResult =
  | { ok: true; annotation: Annotation; countries: CountryDesignation[] }
  | { ok: false; problems: Problem[] };

/** `$.a[0].b` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
}

/** The schema's issues as problems, with messages a curator can act on. */
export function schemaProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'invalid_union') message = unionMessage(issue.path);
    if (issue.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return { path: jsonPath(issue.path), message };
  });
}

function unionMessage(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (last === 'speaker') return 'speaker must be {"person": "<key>"} or {"organization": "<key>"}';
  if (last === 'actor') return 'actor must be {"person": "<key>"}, {"organization": "<key>"} or {"country": "<code>"}';
  if (last === 'resolve') return 'resolve must be "new", {"id": "<global ID>"} or {"key": "<node key>"}';
  return 'does not match any allowed form';
}

/** Keys the document references without defining them: candidates for `graphKeys`. */
export function undefinedReferences(annotation: Annotation): { kind: GraphRefKind; key: string }[] {
  const defined = {
    person: new Set(annotation.persons.map((p) => p.key)),
    organization: new Set(annotation.organizations.map((o) => o.key)),
    event: new Set(annotation.events.map((e) => e.key)),
  };
  const found = new Map<string, { kind: GraphRefKind; key: string }>();
  const ref = (kind: GraphRefKind, key: string | null | undefined) => {
    if (key && !defined[kind].has(key)) found.set(`${kind}:${key}`, { kind, key });
  };
  ref('organization', annotation.article.source);
  for (const p of annotation.persons) for (const r of p.roles) ref('organization', r.organization);
  for (const o of annotation.organizations) ref('organization', o.parent);
  for (const e of annotation.events) {
    ref('event', e.parent);
    for (const { actor } of e.participants) {
      if ('person' in actor) ref('person', actor.person);
      if ('organization' in actor) ref('organization', actor.organization);
    }
  }
  for (const s of annotation.statements) {
    if ('person' in s.speaker) ref('person', s.speaker.person);
    else ref('organization', s.speaker.organization);
    ref('event', s.occasion);
  }
  for (const r of annotation.eventRelations) {
    ref('event', r.from);
    ref('event', r.to);
  }
  return [...found.values()];
}

/** Parses and checks `raw` against `text`; on success the annotation has every country as alpha-2. */
export function validateAnnotation(raw: unknown, text: string, options: ValidateOptions = {}): ValidationResult {
  const parsed = annotationSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error) };
  const annotation = parsed.data;
  const checker = new Checker(text, options);
  const problems = checker.run(annotation);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, annotation, countries: [...checker.designations.values()] };
}

class Checker {
  readonly problems: Problem[] = [];
  /** Every country designation seen, by designation. */
  readonly designations = new Map<string, CountryDesignation>();
  private defined = {
    person: new Set<string>(),
    organization: new Set<string>(),
    event: new Set<string>(),
  };

  constructor(
    private readonly text: string,
    private readonly options: ValidateOptions,
  ) {}

  private problem(path: string, message: string) {
    this.problems.push({ path, message });
  }

  private span(path: string, span: Span | null | undefined) {
    if (!span) return;
    if (span.end > this.text.length) {
      this.problem(path, `span [${span.start}, ${span.end}) runs past the end of the text (${this.text.length})`);
      return;
    }
    const actual = this.text.slice(span.start, span.end);
    if (actual !== span.text) {
      this.problem(
        path,
        `span [${span.start}, ${span.end}) is ${JSON.stringify(actual)}, not ${JSON.stringify(span.text)}`,
      );
    }
  }

  private spans(path: string, spans: readonly Span[]) {
    for (const [i, span] of spans.entries()) this.span(`${path}[${i}]`, span);
  }

  private date(path: string, date: DateValue | null) {
    if (!date) return;
    this.span(`${path}.evidence`, date.evidence);
    const [year, month = '01', day = '01'] = date.value.split('-');
    const parsed = new Date(`${year}-${month}-${day}T00:00:00Z`);
    // Date.parse accepts 2022-02-30 as March 2; a calendar date must round-trip.
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) {
      this.problem(path, `${date.value} is not a calendar date`);
    } else if (Number(year) < 1) {
      this.problem(path, `${date.value}: years start at 0001`);
    }
  }

  /** Resolves a country designation to its alpha-2 code, or reports why it cannot. */
  private country(path: string, designation: string): string {
    const matches = lookupCountry(designation);
    const [only] = matches;
    if (only && matches.length === 1) {
      this.designations.set(designation, { designation, code: only.code, kind: only.kind });
      return only.code;
    }
    if (matches.length === 0) {
      this.problem(path, `${JSON.stringify(designation)} is not an ISO 3166-1 code or a known country name`);
    } else {
      const codes = matches.map((m) => m.code).join(', ');
      this.problem(path, `${JSON.stringify(designation)} may mean ${codes}: give the ISO code`);
    }
    return designation;
  }

  private unique(kind: string, path: string, keys: readonly string[]) {
    const seen = new Set<string>();
    for (const [i, key] of keys.entries()) {
      if (seen.has(key)) this.problem(`${path}[${i}].key`, `${kind} key ${key} is used twice`);
      seen.add(key);
    }
    return seen;
  }

  private ref(path: string, kind: GraphRefKind, key: string | null) {
    if (key === null || this.defined[kind].has(key)) return;
    if (this.options.graphKeys?.has(kind, key)) return;
    this.problem(
      path,
      `unknown ${kind} ${key}: not defined in this document${this.options.graphKeys ? ' nor in the graph' : ''}`,
    );
  }

  run(a: Annotation): Problem[] {
    const { article } = a;
    if (sha256Hex(this.text) !== article.sha256) {
      this.problem('$.article.sha256', `does not match the text (the text's sha256 is ${sha256Hex(this.text)})`);
    }
    this.span('$.article.title', article.title);
    this.span('$.article.subtitle', article.subtitle);
    this.span('$.article.dateline', article.dateline);
    this.date('$.article.publishedOn', article.publishedOn);

    this.defined.person = this.unique(
      'person',
      '$.persons',
      a.persons.map((p) => p.key),
    );
    this.defined.organization = this.unique(
      'organization',
      '$.organizations',
      a.organizations.map((o) => o.key),
    );
    this.defined.event = this.unique(
      'event',
      '$.events',
      a.events.map((e) => e.key),
    );
    this.unique(
      'statement',
      '$.statements',
      a.statements.map((s) => s.key),
    );
    this.ref('$.article.source', 'organization', article.source);

    const countryCodes = new Set<string>();
    for (const [i, country] of a.countries.entries()) {
      const at = `$.countries[${i}]`;
      country.code = this.country(`${at}.code`, country.code);
      if (countryCodes.has(country.code)) this.problem(`${at}.code`, `country ${country.code} is listed twice`);
      countryCodes.add(country.code);
      this.spans(`${at}.mentions`, country.mentions);
    }
    for (const [i, person] of a.persons.entries()) {
      const at = `$.persons[${i}]`;
      this.spans(`${at}.mentions`, person.mentions);
      for (const [j, role] of person.roles.entries()) {
        this.span(`${at}.roles[${j}].evidence`, role.evidence);
        if (role.country !== null) role.country = this.country(`${at}.roles[${j}].country`, role.country);
        this.ref(`${at}.roles[${j}].organization`, 'organization', role.organization);
      }
    }
    for (const [i, org] of a.organizations.entries()) {
      const at = `$.organizations[${i}]`;
      this.spans(`${at}.mentions`, org.mentions);
      this.ref(`${at}.parent`, 'organization', org.parent);
      if (org.parent === org.key) this.problem(`${at}.parent`, 'an organization cannot be its own parent');
      if (org.country !== null) org.country = this.country(`${at}.country`, org.country);
      if (org.leadCountry) {
        org.leadCountry.code = this.country(`${at}.leadCountry.code`, org.leadCountry.code);
        this.span(`${at}.leadCountry.evidence`, org.leadCountry.evidence);
      }
    }
    for (const [i, event] of a.events.entries()) {
      const at = `$.events[${i}]`;
      this.span(`${at}.evidence`, event.evidence);
      this.spans(`${at}.mentions`, event.mentions);
      this.date(`${at}.start`, event.start);
      this.date(`${at}.end`, event.end);
      if (event.start && event.end && event.end.value.padEnd(10, '-99') < event.start.value) {
        this.problem(`${at}.end`, `ends (${event.end.value}) before it starts (${event.start.value})`);
      }
      if (event.country !== null) event.country = this.country(`${at}.country`, event.country);
      this.ref(`${at}.parent`, 'event', event.parent);
      if (event.parent === event.key) this.problem(`${at}.parent`, 'an event cannot be its own parent');
      for (const [j, p] of event.participants.entries()) {
        const where = `${at}.participants[${j}].actor`;
        if ('person' in p.actor) this.ref(where, 'person', p.actor.person);
        if ('organization' in p.actor) this.ref(where, 'organization', p.actor.organization);
        if ('country' in p.actor) p.actor.country = this.country(where, p.actor.country);
      }
    }
    for (const [i, s] of a.statements.entries()) {
      const at = `$.statements[${i}]`;
      this.span(`${at}.text`, s.text);
      this.span(`${at}.attribution`, s.attribution);
      this.spans(`${at}.restatedIn`, s.restatedIn);
      this.date(`${at}.saidOn`, s.saidOn);
      s.about = s.about.map((code, j) => this.country(`${at}.about[${j}]`, code));
      if (new Set(s.about).size !== s.about.length) this.problem(`${at}.about`, 'a country is listed twice');
      if ('person' in s.speaker) this.ref(`${at}.speaker`, 'person', s.speaker.person);
      else this.ref(`${at}.speaker`, 'organization', s.speaker.organization);
      this.ref(`${at}.occasion`, 'event', s.occasion);
    }
    for (const [i, r] of a.eventRelations.entries()) {
      const at = `$.eventRelations[${i}]`;
      this.ref(`${at}.from`, 'event', r.from);
      this.ref(`${at}.to`, 'event', r.to);
      if (r.from === r.to) this.problem(at, 'an event cannot relate to itself');
      this.span(`${at}.evidence`, r.evidence);
    }
    this.quotations(a);
    return this.problems;
  }

  /** Every direct quotation must lie inside a statement's text or one of its restatements. */
  private quotations(a: Annotation) {
    const covered = a.statements.flatMap((s) => [s.text, ...s.restatedIn]);
    for (const quote of findDirectQuotations(this.text)) {
      if (!covered.some((span) => span.start <= quote.start && quote.end <= span.end)) {
        this.problem(
          '$.statements',
          `the quotation at [${quote.start}, ${quote.end}) is not covered by any statement: ${JSON.stringify(quote.text)}`,
        );
      }
    }
  }
}
