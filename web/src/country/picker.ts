/** The countries that have statements about them, and a form for any ISO code. */
import { graphql } from '../api.js';
import { h } from '../dom.js';
import { appLink } from '../links.js';
import { defaultCountry } from '../url-state.js';
import type { Context } from '../view.js';

const QUERY = `query ExplorerCountries {
  countries(first: 30, orderBy: [STATEMENT_COUNT_DESC], where: { statementCount: { gt: 0 } }) {
    edges { node { code name statementCount } }
  }
}`;

export function countryPicker(ctx: Context): HTMLElement {
  const list = h('ul', { class: 'country-list' });
  const input = h('input', {
    id: 'country-code',
    name: 'code',
    required: true,
    maxlength: 3,
    size: 4,
    autocomplete: 'off',
  });
  graphql<{ countries: { edges: { node: { code: string; name: string; statementCount: number } }[] } }>(QUERY).then(
    ({ countries }) =>
      list.replaceChildren(
        ...countries.edges.map(({ node }) =>
          h('li', {}, appLink(ctx.navigate, defaultCountry(node.code), node.name), ` (${node.statementCount})`),
        ),
      ),
    ctx.report,
  );
  return h(
    'div',
    {},
    h('h2', {}, 'Countries spoken about'),
    list,
    h(
      'form',
      {
        class: 'controls',
        onsubmit: (event: Event) => {
          event.preventDefault();
          ctx.navigate(defaultCountry(input.value.trim().toUpperCase()));
        },
      },
      h('label', { for: 'country-code' }, 'Any ISO 3166-1 code (UZ, UZB) '),
      input,
      h('button', { type: 'submit' }, 'Open'),
    ),
  );
}
