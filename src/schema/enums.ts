/** GraphQL enums, one for each Prisma enum, so the two can never drift apart. */
import { builder } from '../builder.js';
import {
  DatePrecision as DatePrecisionValues,
  EntityKind as EntityKindValues,
  EventKind as EventKindValues,
  EventRelationType as EventRelationTypeValues,
  OrganizationKind as OrganizationKindValues,
  ParticipantRole as ParticipantRoleValues,
  ResolutionRule as ResolutionRuleValues,
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
export const EventRelationType = builder.enumType(EventRelationTypeValues, {
  name: 'EventRelationType',
  description:
    'How the text says one event led to another: ESCALATED_INTO ("escalating into"), LED_TO ("as a result", "the ensuing"), FOLLOWED_BY ("subsequently"), RESPONSE_TO ("in response to"). A phase of a larger event is Event.parent.',
});
export const EntityKind = builder.enumType(EntityKindValues, {
  name: 'EntityKind',
  description: 'The kinds of node an article’s entities resolve to.',
});
export const ResolutionRule = builder.enumType(ResolutionRuleValues, {
  name: 'ResolutionRule',
  description:
    'Why an article’s entity was resolved to its node: CREATED (nothing matched: a new node), HINT_NEW / HINT_ID / HINT_KEY (the curator’s resolve hint), KEY (the node’s key and agreeing names), NAME (full name or a known name), TRANSLITERATION (the same name in another transliteration), SURNAME_AND_ROLE (surname plus an agreeing role, country or organization), ACRONYM, NAME_WORDS (the same words in another order), COUNTRY_NAME (an ISO code or name), COUNTRY_DEMONYM (a demonym or adjective), EVENT_MATCH (same kind, compatible dates, same country or participants, similar title).',
});
