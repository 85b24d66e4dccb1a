/**
 * GraphiQL served entirely by the service: @graphql-yoga/render-graphiql inlines GraphiQL's
 * CSS, script, editor workers and favicon into the page, where yoga's built-in page loads them
 * from a CDN (a blank "Loading..." page offline). Its version must match graphql-yoga's.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { exampleQuery } from '../graphiql-example.js';
import { graphiqlTabs } from './graphiql-tabs.js';

export const graphiqlOptions: GraphiQLOptions = {
  title: 'News knowledge graph',
  // Used by GraphiQL when no tabs are given; the first tab holds the same query.
  defaultQuery: exampleQuery,
  defaultTabs: graphiqlTabs,
};

let rendered: { key: string; html: string } | undefined;

/**
 * The page is about 9 MB of inlined assets and the same for the same options: rendered once,
 * not on every request.
 */
export function renderOfflineGraphiQL(options: GraphiQLOptions): string {
  const key = JSON.stringify(options);
  if (rendered?.key !== key) rendered = { key, html: renderGraphiQL(options) };
  return rendered.html;
}
