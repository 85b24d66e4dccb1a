/** One node by its global ID, with the fields the explorer draws. */
import { graphql } from '../api.js';
import type { Features } from '../features.js';
import { nodeQuery } from '../queries.js';
import type { GraphNode } from '../types.js';

export async function fetchNode(f: Features, id: string): Promise<GraphNode | null> {
  const { node } = await graphql<{ node: GraphNode | null }>(nodeQuery(f), { id });
  return node?.__typename ? node : null;
}
