/**
 * The explorer: a front end to the public GraphQL API (/graphql) and its exports (/export/).
 * The URL's query string is the state (url-state.ts); each view renders one state.
 */
import './styles.css';
import { ApiError } from './api.js';
import { liveCharts } from './country/charts.js';
import { countryView } from './country/view.js';
import { loadFeatures } from './features.js';
import { liveGraphs } from './graph/canvas.js';
import { graphView } from './graph/view.js';
import { homeView } from './home.js';
import { pathView } from './path/view.js';
import { searchBox } from './search/search-box.js';
import type { GraphNode } from './types.js';
import { defaultCountry, defaultGraph, parseState, type State, stateUrl } from './url-state.js';
import type { Context, View } from './view.js';

const main = document.getElementById('main') as HTMLElement;
const alertBox = document.getElementById('alert') as HTMLElement;
let current: View | undefined;
let rendered = 0;

function report(error: unknown): void {
  alertBox.textContent = error instanceof ApiError ? error.message : `Something went wrong: ${String(error)}`;
  alertBox.hidden = false;
}

function render(state: State, app: Context): void {
  current?.destroy();
  // A view's late answers (a fetch still under way when the user moved on) must not touch
  // the URL or the alert of the view that replaced it.
  const mine = ++rendered;
  const live = () => mine === rendered;
  const context: Context = {
    ...app,
    replace: (next) => {
      if (live()) app.replace(next);
    },
    report: (error) => {
      if (live()) app.report(error);
    },
  };
  alertBox.hidden = true;
  document.title = 'Explorer · News knowledge graph';
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[data-view]')) {
    if (link.dataset.view === state.view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  current =
    state.view === 'graph' && state.id
      ? graphView(context, { ...state, id: state.id })
      : state.view === 'path'
        ? pathView(context, state)
        : state.view === 'country'
          ? countryView(context, state)
          : homeView(context);
  main.replaceChildren(current.element);
}

const features = await loadFeatures();
const context: Context = {
  features,
  report,
  navigate: (state) => {
    history.pushState(null, '', stateUrl(state));
    render(state, context);
    main.focus({ preventScroll: true });
  },
  replace: (state) => history.replaceState(null, '', stateUrl(state)),
};

/** Where a search hit opens: a country's page, any other entity's neighbourhood. */
const open = (node: GraphNode) =>
  context.navigate(node.__typename === 'Country' ? defaultCountry(node.code) : defaultGraph(node.id));

document
  .getElementById('search')
  ?.replaceChildren(searchBox(features, { label: 'Search', action: 'Open', onPick: open }));
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-nav]')) {
  link.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    context.navigate(parseState(new URL(link.href).search));
  });
}
window.addEventListener('popstate', () => render(parseState(location.search), context));

// For the developer console and the browser tests: what is really drawn.
Object.assign(window, { explorer: { graphs: liveGraphs, charts: liveCharts } });

render(parseState(location.search), context);
