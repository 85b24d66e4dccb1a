/** How nodes, edges and dates are named on screen. */
import type { GraphEdge, GraphNode, NodeKind } from './types.js';

export const KIND_NAMES: Record<NodeKind, string> = {
  Person: 'person',
  Organization: 'organization',
  Country: 'country',
  Event: 'event',
  Statement: 'statement',
  Article: 'article',
};

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The full name of a node. */
export function nodeTitle(node: GraphNode): string {
  switch (node.__typename) {
    case 'Person':
      return node.name;
    case 'Organization':
      return node.acronym && node.acronym !== node.name ? `${node.name} (${node.acronym})` : node.name;
    case 'Country':
      return `${node.name} (${node.code})`;
    case 'Event':
      return node.title;
    case 'Statement':
      return `“${node.text}”`;
    case 'Article':
      return node.title;
  }
}

/** A short label for drawing. */
export function nodeLabel(node: GraphNode): string {
  if (node.__typename === 'Organization') return node.acronym ?? shorten(node.name, 28);
  if (node.__typename === 'Country') return node.name;
  return shorten(nodeTitle(node), node.__typename === 'Statement' ? 40 : 32);
}

/** True when the API marks the node, or the article it comes from, as synthetic. */
export function isSynthetic(node: GraphNode): boolean {
  return Boolean(node.synthetic || node.article?.synthetic);
}

export function edgeLabel(edge: Pick<GraphEdge, 'type' | 'label' | 'role'>): string {
  const detail = edge.label ?? edge.role?.toLowerCase().replaceAll('_', ' ');
  return detail ? `${edge.type} (${detail})` : edge.type;
}

/** A date as precise as the data says: "10 January 2022", "January 2022", "2022". */
export function formatDate(date: string | null | undefined, precision?: string | null): string {
  if (!date) return 'date unknown';
  const [year, month, day] = date.split('-').map(Number);
  const value = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    precision === 'YEAR'
      ? { year: 'numeric' }
      : precision === 'MONTH'
        ? { year: 'numeric', month: 'long' }
        : { year: 'numeric', month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(value);
}
