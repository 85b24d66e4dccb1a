/** Imports every model's types and fields, then builds the schema. */
import { builder } from '../builder.js';
import './enums.js';
import './filters.js';
import './evidence.js';
import './article.js';
import './country.js';
import './person.js';
import './organization.js';
import './statement.js';
import './event.js';
import './mention.js';
import './resolution.js';
import './provenance.js';
import './ingest.js';
import './merge.js';
import './edit.js';
import './curation.js';
import './graph.js';
import './stats.js';
import './search.js';
import './draft.js';
import './subscriptions.js';

export const schema = builder.toSchema({ sortSchema: true });
