/**
 * A country page: who said what about it (the WhoSaidWhatAbout query), statements per period
 * and per speaker (`statementStats`), and the statement exports under the same filter.
 */
import { graphql } from '../api.js';
import { append, button, h, replace } from '../dom.js';
import { showStatement } from '../evidence/panel.js';
import { formatDate } from '../labels.js';
import { whoSaidWhatAboutQuery } from '../queries.js';
import type { CountryState } from '../url-state.js';
import { type Context, serial, type View } from '../view.js';
import { barChart } from './charts.js';
import { countryFilters, statementExports, statementFilter } from './filters.js';
import { countryPicker } from './picker.js';
import { type CountryStatement, statementList } from './statements.js';
import { countryStats } from './stats.js';

interface Connection<T> {
  totalCount: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}
interface CountryAnswer {
  country: {
    code: string;
    name: string;
    statementsAbout: Connection<CountryStatement>;
    events: Connection<{
      id: string;
      title: string;
      kind: string;
      startDate: string | null;
      startPrecision: string | null;
    }>;
  };
}

export function countryView(ctx: Context, state: CountryState): View {
  const section = h('section', { class: 'country-view', 'data-ready': 'false' });
  const cleanups: (() => void)[] = [];
  const run = serial(ctx.report);
  const { code } = state;
  if (!code) {
    section.append(h('h1', { id: 'view-heading' }, 'Countries'), countryPicker(ctx));
    section.dataset.ready = 'true';
    return { element: section, destroy: () => {} };
  }
  const where = statementFilter({ ...state, code });
  const evidence = h(
    'aside',
    { class: 'details', 'aria-label': 'Evidence' },
    h('p', {}, 'Pick a statement to see its evidence.'),
  );
  const listBox = h('div', {});
  const showEvidence = (id: string) =>
    void run(async () => {
      await showStatement(evidence, ctx.features, ctx.navigate, id);
      evidence.scrollIntoView({ block: 'nearest' });
    });

  void run(async () => {
    const [answer, stats] = await Promise.all([
      graphql<CountryAnswer>(whoSaidWhatAboutQuery(ctx.features), { code, where }),
      countryStats(where, state.bucket),
    ]);
    const { country } = answer;
    document.title = `Who said what about ${country.name} · Explorer`;
    const timeline = barChart({
      name: 'timeline',
      title: `Statements per ${state.bucket.toLowerCase()}`,
      ...stats.timeline,
    });
    const speakers = barChart({
      name: 'speakers',
      title: 'Statements by speaker',
      horizontal: true,
      ...stats.speakers,
    });
    cleanups.push(timeline.destroy, speakers.destroy);
    const statements = country.statementsAbout;
    let shown = statements.edges.map((e) => e.node);
    const more = async (after: string) => {
      const next = await graphql<CountryAnswer>(whoSaidWhatAboutQuery(ctx.features), { code, where, after });
      shown = [...shown, ...next.country.statementsAbout.edges.map((e) => e.node)];
      drawList(next.country.statementsAbout.pageInfo);
    };
    const drawList = (page = statements.pageInfo) => {
      replace(
        listBox,
        h(
          'p',
          {},
          `${statements.totalCount} statement${statements.totalCount === 1 ? '' : 's'}${shown.length < statements.totalCount ? `, ${shown.length} shown` : ''}.`,
        ),
        statementList(shown, ctx.navigate, showEvidence),
        page?.hasNextPage && page.endCursor
          ? button('Show more', () => void run(() => more(page.endCursor as string)))
          : null,
      );
    };
    drawList();
    append(
      section,
      h('h1', { id: 'view-heading' }, `Who said what about ${country.name} (${country.code})`),
      countryFilters(state, ctx.navigate),
      statementExports(where),
      stats.truncated ? h('p', { class: 'truncated' }, 'The charts show the largest groups only (truncated).') : null,
      h('div', { class: 'charts' }, timeline.element, speakers.element),
      h(
        'div',
        { class: 'graph-layout' },
        h('div', { class: 'statements' }, h('h2', {}, 'Statements'), listBox),
        evidence,
      ),
      h('h2', {}, `Events in ${country.name} (${country.events.totalCount})`),
      h(
        'ul',
        { class: 'event-list' },
        ...country.events.edges.map(({ node }) =>
          h('li', {}, `${formatDate(node.startDate, node.startPrecision)} · ${node.title}`),
        ),
      ),
    );
  }).finally(() => {
    section.dataset.ready = 'true';
  });

  return {
    element: section,
    destroy: () => {
      for (const cleanup of cleanups) cleanup();
    },
  };
}
