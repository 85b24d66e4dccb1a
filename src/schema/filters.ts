/**
 * GraphQL filter inputs, generated from the allow-list in src/filters/entities.ts: each entity
 * gets `<Entity>Filter` with its fields plus AND / OR / NOT, and each to-many relation a
 * `<Entity>ListFilter` with some / none / every.
 */
import { z } from 'zod';
import { builder } from '../builder.js';
import {
  articleSpec,
  countrySpec,
  editSpec,
  eventSpec,
  organizationSpec,
  participantSpec,
  personSpec,
  resolutionSpec,
  roleSpec,
  statementSpec,
} from '../filters/entities.js';
import { type EntitySpec, FILTER_LIMITS, type FilterValue, measureFilter } from '../filters/spec.js';
import { EntityKind, EventKind, OrganizationKind, ParticipantRole, ResolutionRule, StatementKind } from './enums.js';

const enums = { EntityKind, EventKind, OrganizationKind, ParticipantRole, ResolutionRule, StatementKind } as const;

const inList = z
  .array(z.unknown())
  .max(FILTER_LIMITS.maxInList, `in accepts at most ${FILTER_LIMITS.maxInList} values`);
const nonEmpty = (op: string) => z.string().min(1, `${op} needs at least one character`);

export const StringFilter = builder.inputRef<FilterValue>('StringFilter').implement({
  description: 'Case-insensitive string matching. Several operators together must all hold.',
  fields: (t) => ({
    equals: t.string(),
    in: t.stringList({ validate: inList }),
    contains: t.string({ validate: nonEmpty('contains') }),
    startsWith: t.string({ validate: nonEmpty('startsWith') }),
    isNull: t.boolean({ description: 'true: the value is missing; false: it is present.' }),
  }),
});

export const IntFilter = builder.inputRef<FilterValue>('IntFilter').implement({
  description: 'Integer comparison. Several operators together must all hold.',
  fields: (t) => ({
    equals: t.int(),
    in: t.intList({ validate: inList }),
    gt: t.int(),
    gte: t.int(),
    lt: t.int(),
    lte: t.int(),
  }),
});

export const DateFilter = builder.inputRef<FilterValue>('DateFilter').implement({
  description: 'Date comparison (YYYY-MM-DD). A MONTH-precision date compares as its first day.',
  fields: (t) => ({
    equals: t.field({ type: 'Date' }),
    gt: t.field({ type: 'Date' }),
    gte: t.field({ type: 'Date' }),
    lt: t.field({ type: 'Date' }),
    lte: t.field({ type: 'Date' }),
    isNull: t.boolean({ description: 'true: the date is unknown; false: it is known.' }),
  }),
});

const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}$/, 'code must be an ISO 3166-1 alpha-2 or alpha-3 code, e.g. "UZ" or "UZB"');

const specs = [
  countrySpec,
  personSpec,
  roleSpec,
  organizationSpec,
  articleSpec,
  participantSpec,
  eventSpec,
  statementSpec,
  resolutionSpec,
  editSpec,
];
const filterRefs = new Map(specs.map((spec) => [spec, builder.inputRef<FilterValue>(spec.name)]));
const listRefs = new Map(
  specs.map((spec) => [spec, builder.inputRef<FilterValue>(`${spec.name.replace(/Filter$/, '')}ListFilter`)]),
);

const refOf = (spec: EntitySpec) => filterRefs.get(spec) as NonNullable<ReturnType<typeof filterRefs.get>>;

for (const spec of specs) {
  const ref = refOf(spec);
  ref.implement({
    description: spec.description,
    fields: (t) => {
      const fields: Record<string, unknown> = {
        AND: t.field({ type: [ref], description: 'All of these must hold.' }),
        OR: t.field({ type: [ref], description: 'At least one of these must hold.' }),
        NOT: t.field({ type: ref, description: 'This must not hold.' }),
      };
      for (const [name, field] of Object.entries(spec.fields)) {
        const description = field.description;
        switch (field.kind) {
          case 'string':
            fields[name] = t.field({ type: StringFilter, description });
            break;
          case 'int':
            fields[name] = t.field({ type: IntFilter, description });
            break;
          case 'date':
            fields[name] = t.field({ type: DateFilter, description });
            break;
          case 'enum': {
            const type = enums[field.enumName as keyof typeof enums];
            fields[name] = t.field({ type, description });
            fields[`${name}In`] = t.field({
              type: [type],
              validate: inList,
              description: `Any of these ${name} values.`,
            });
            break;
          }
          case 'countryCode':
            fields[name] = t.string({ description, validate: countryCode });
            break;
          case 'relation':
            fields[name] = t.field({ type: refOf(field.target()), description });
            break;
          case 'list':
            fields[name] = t.field({ type: listRefs.get(field.target()) as typeof ref, description });
            break;
        }
      }
      return fields as never;
    },
  });

  const list = listRefs.get(spec) as typeof ref;
  list.implement({
    description: `Conditions on a list of related rows (${spec.table}): some, none, or every one of them match.`,
    fields: (t) => ({
      some: t.field({ type: ref, description: 'At least one related row matches.' }),
      none: t.field({ type: ref, description: 'No related row matches.' }),
      every: t.field({ type: ref, description: 'Every related row matches (true when there are none).' }),
    }),
  });
}

export const CountryFilter = refOf(countrySpec);
export const PersonFilter = refOf(personSpec);
export const OrganizationFilter = refOf(organizationSpec);
export const ArticleFilter = refOf(articleSpec);
export const EventFilter = refOf(eventSpec);
export const StatementFilter = refOf(statementSpec);
export const ResolutionFilter = refOf(resolutionSpec);
export const EditFilter = refOf(editSpec);

/** Validation of a whole `where` argument: nesting and size limits. */
export const filterLimits = z.custom<FilterValue>().superRefine((value, ctx) => {
  const { depth, conditions } = measureFilter(value);
  if (depth > FILTER_LIMITS.maxDepth) {
    ctx.addIssue({ code: 'custom', message: `filter is nested too deeply (at most ${FILTER_LIMITS.maxDepth} levels)` });
  }
  if (conditions > FILTER_LIMITS.maxConditions) {
    ctx.addIssue({
      code: 'custom',
      message: `filter has too many conditions (at most ${FILTER_LIMITS.maxConditions})`,
    });
  }
});
