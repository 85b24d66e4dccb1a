/**
 * The API's search snippet is escaped HTML whose only tags are <mark>…</mark>. Parsed into
 * an inert document and rebuilt from its text, so nothing in it can ever run or style.
 */
import { h } from '../dom.js';

export function snippetNodes(snippet: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${snippet}</p>`, 'text/html');
  return [...(parsed.body.firstElementChild?.childNodes ?? [])].map((node) =>
    node.nodeName === 'MARK' ? h('mark', {}, node.textContent ?? '') : document.createTextNode(node.textContent ?? ''),
  );
}
