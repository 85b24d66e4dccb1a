/** Statements and articles for the evidence panel, each fetched once. */
import { graphql } from '../api.js';
import type { Features } from '../features.js';
import { articleQuery, statementQuery } from '../queries.js';
import type { Article, StatementDetails } from '../types.js';

const statements = new Map<string, Promise<StatementDetails>>();
const articles = new Map<string, Promise<Article>>();

function cached<T>(cache: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(id);
  if (!value) {
    value = load();
    cache.set(id, value);
    value.catch(() => cache.delete(id)); // a failure is not remembered
  }
  return value;
}

export const loadStatement = (f: Features, id: string) =>
  cached(statements, id, async () => {
    const { node } = await graphql<{ node: StatementDetails | null }>(statementQuery(f), { id });
    if (node?.__typename !== 'Statement') throw new Error('This statement no longer exists.');
    articles.set(node.article.id, Promise.resolve(node.article));
    return node;
  });

export const loadArticle = (f: Features, id: string) =>
  cached(articles, id, async () => {
    const { node } = await graphql<{ node: Article | null }>(articleQuery(f), { id });
    if (!node) throw new Error('This article no longer exists.');
    return node;
  });
