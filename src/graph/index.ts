/** The graph view of the knowledge graph: traversal functions and their types. */

export { decodeEntityId, describeNodes, resolveEntity } from './nodes.js';
export { GRAPH_LIMITS, type NeighborsOptions, neighbors, type PathOptions, shortestPath } from './traverse.js';
export * from './types.js';
