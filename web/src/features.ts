/**
 * Fields the explorer shows when the API has them. Articles may come to carry a `synthetic`
 * flag (generated test data); the explorer asks the schema once and selects it only if it
 * exists, so the same bundle works before and after the backend adds it.
 */
import { graphql } from './api.js';

export interface Features {
  articleSynthetic: boolean;
}

const QUERY = `query ExplorerFeatures { article: __type(name: "Article") { fields { name } } }`;

let features: Promise<Features> | undefined;

export function loadFeatures(): Promise<Features> {
  features ??= graphql<{ article: { fields: { name: string }[] } | null }>(QUERY).then(
    ({ article }) => ({ articleSynthetic: Boolean(article?.fields.some((f) => f.name === 'synthetic')) }),
    () => ({ articleSynthetic: false }),
  );
  return features;
}

/** `synthetic` where the API has it, else nothing. */
export const syntheticField = (f: Features) => (f.articleSynthetic ? 'synthetic' : '');
/** The article's flag on statements and events. */
export const articleSyntheticField = (f: Features) => (f.articleSynthetic ? 'article { synthetic }' : '');
