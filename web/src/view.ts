/** What every view gets from the app, and gives back. */
import type { Features } from './features.js';
import type { Navigate } from './links.js';
import type { State } from './url-state.js';

export interface Context {
  features: Features;
  /** Opens another state (a new history entry) and renders it. */
  navigate: Navigate;
  /** Records the view's new state in the URL (same history entry), without rendering again. */
  replace: (state: State) => void;
  /** Shows an error to the user. */
  report: (error: unknown) => void;
}

export interface View {
  element: HTMLElement;
  destroy: () => void;
}

/** Runs tasks one after the other; a failed task is reported and does not stop the next. */
export function serial(report: (error: unknown) => void) {
  let queue: Promise<void> = Promise.resolve();
  return (task: () => Promise<void>) => {
    queue = queue.then(task).catch(report);
    return queue;
  };
}
