/** The start page: what the explorer does, and three ways in. */
import { h } from './dom.js';
import { appLink } from './links.js';
import { defaultCountry, defaultGraph, defaultPath } from './url-state.js';
import type { Context, View } from './view.js';

const LUKASHENKO = 'UGVyc29uOmFsZXhhbmRlci1sdWthc2hlbmtv';
const TOKAYEV = 'UGVyc29uOmthc3N5bS1qb21hcnQtdG9rYXlldg==';

export function homeView(ctx: Context): View {
  const element = h(
    'section',
    { class: 'home', 'data-ready': 'true' },
    h('h1', { id: 'view-heading' }, 'Explore who said what, about which country'),
    h(
      'p',
      {},
      'Persons, organizations, countries, events and statements read from news articles. Every statement and edge points at the exact words of its article. Search above, or start with:',
    ),
    h(
      'ul',
      { class: 'starts' },
      h('li', {}, appLink(ctx.navigate, defaultGraph(LUKASHENKO), 'Alexander Lukashenko’s neighbourhood')),
      h('li', {}, appLink(ctx.navigate, defaultPath(TOKAYEV, LUKASHENKO), 'How Tokayev is connected to Lukashenko')),
      h('li', {}, appLink(ctx.navigate, defaultCountry('UZ'), 'Who said what about Uzbekistan')),
      h('li', {}, appLink(ctx.navigate, defaultCountry(), 'All countries spoken about')),
    ),
    h(
      'p',
      {},
      'The same data through the API: ',
      h('a', { href: '/graphql' }, 'GraphiQL'),
      '; downloads: ',
      h('a', { href: '/export/statements.csv', download: '' }, 'all statements (CSV)'),
      '.',
    ),
  );
  return { element, destroy: () => {} };
}
