/**
 * Committed changes of the graph, announced after their transaction commits: what caches and
 * live updates listen to. Articles (ingested, replaced, curated) also reach the listeners of
 * `onArticleIngested` (src/ingest/index.ts), with the whole outcome.
 */
export type GraphChange =
  | { kind: 'article'; articleId: number; articleKey: string }
  | { kind: 'node'; type: 'Person' | 'Organization' | 'Event'; id: number };

type Listener = (change: GraphChange) => void;
const listeners = new Set<Listener>();

/** Calls `listener` after every committed change, until the returned function is called. */
export function onGraphChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceChange(change: GraphChange): void {
  for (const listener of listeners) {
    try {
      listener(change);
    } catch (error) {
      // A listener's failure must not undo or hide a committed change.
      console.error(`a change listener failed: ${(error as Error).message}`);
    }
  }
}
