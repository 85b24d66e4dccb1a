/** GraphQL enums, one for each Prisma enum, so the two can never drift apart. */
import { builder } from '../builder.js';
import {
  DatePrecision as DatePrecisionValues,
  EventKind as EventKindValues,
  OrganizationKind as OrganizationKindValues,
  ParticipantRole as ParticipantRoleValues,
  StatementKind as StatementKindValues,
} from '../generated/prisma/enums.js';

export const DatePrecision = builder.enumType(DatePrecisionValues, {
  name: 'DatePrecision',
  description: 'How much of a date is known. A MONTH date is given as the first day of that month.',
});
export const StatementKind = builder.enumType(StatementKindValues, {
  name: 'StatementKind',
  description: 'QUOTE: the words inside quotation marks. PARAPHRASE: reported speech, as the article words it.',
});
export const OrganizationKind = builder.enumType(OrganizationKindValues, { name: 'OrganizationKind' });
export const EventKind = builder.enumType(EventKindValues, { name: 'EventKind' });
export const ParticipantRole = builder.enumType(ParticipantRoleValues, { name: 'ParticipantRole' });
