/** In-app links: real hrefs (open in a new tab, copy), handled without a page load. */
import { h } from './dom.js';
import { type State, stateUrl } from './url-state.js';

export type Navigate = (state: State) => void;

export function appLink(navigate: Navigate, state: State, label: string, attributes: Record<string, string> = {}) {
  return h(
    'a',
    {
      href: stateUrl(state),
      ...attributes,
      onclick: (event: Event) => {
        const mouse = event as MouseEvent;
        if (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.button !== 0) return;
        event.preventDefault();
        navigate(state);
      },
    },
    label,
  );
}

export const badge = (text: string, kind = text) => h('span', { class: `badge badge-${kind}` }, text);
