/**
 * Bar charts with Chart.js (only the parts a bar chart needs), each with a data table for
 * screen readers and anyone who wants the numbers.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { h } from '../dom.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface Bars {
  /** Names the chart for the tests and the console (`window.explorer.charts()`). */
  name: string;
  title: string;
  labels: string[];
  values: number[];
  horizontal?: boolean;
}

const live = new Map<string, Chart>();
export const liveCharts = () => Object.fromEntries(live);

export function barChart(bars: Bars): { element: HTMLElement; destroy: () => void } {
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': `${bars.title}: ${bars.labels.map((l, i) => `${l} ${bars.values[i]}`).join(', ')}`,
  });
  const height = bars.horizontal ? Math.max(120, bars.labels.length * 34 + 40) : 240;
  const box = h('div', { class: 'chart-box', style: `height: ${height}px` }, canvas);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: bars.labels, datasets: [{ label: 'statements', data: bars.values, backgroundColor: '#1d3557' }] },
    options: {
      indexAxis: bars.horizontal ? 'y' : 'x',
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      scales: {
        [bars.horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0, color: '#1b1b1b' } },
        [bars.horizontal ? 'y' : 'x']: { ticks: { color: '#1b1b1b' } },
      },
      plugins: { tooltip: { enabled: true } },
    },
  });
  chart.canvas.dataset.chart = bars.name;
  live.set(bars.name, chart);
  const table = h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, bars.horizontal ? 'Speaker' : 'Period'),
        h('th', { scope: 'col' }, 'Statements'),
      ),
    ),
    h(
      'tbody',
      {},
      ...bars.labels.map((label, i) =>
        h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, String(bars.values[i]))),
      ),
    ),
  );
  const element = h(
    'figure',
    { class: 'chart' },
    h('figcaption', {}, bars.title),
    box,
    h('details', {}, h('summary', {}, 'Data table'), table),
  );
  return {
    element,
    destroy: () => {
      chart.destroy();
      if (live.get(bars.name) === chart) live.delete(bars.name);
    },
  };
}
