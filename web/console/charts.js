// A chart as the dashboard shows it: a heading, the canvas (Chart.js, bundled from npm), a sentence that says
// what it shows, the same data as a table (the text alternative), and the data as a CSV download.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { el, table, download } from './ui.js';
import { toCsv } from './csv.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#14213d';

// Distinguishable colours (Okabe–Ito, with the app's green for valid scans); stacks also differ by order and legend.
export const PALETTE = ['#0a6b2d', '#d55e00', '#0072b2', '#cc79a7', '#e69f00', '#56b4e9', '#7a4b00', '#000000', '#999999', '#f0e442'];

/**
 * @param {{id: string, title: string, summary: string, labels: string[], datasets: {label: string, values: number[], color: string}[],
 *   stacked?: boolean, horizontal?: boolean, csv: {name: string, columns: string[], rows: any[][]}, tableColumns: string[], tableRows: any[][],
 *   texts: {data: string, download: string}}} spec
 * @returns {{node: HTMLElement, destroy: () => void}}
 */
export function chartFigure(spec) {
  const canvas = el('canvas', { role: 'img', 'aria-label': `${spec.title}. ${spec.summary}` });
  const figure = el('figure', { class: 'chart', id: spec.id, 'aria-labelledby': `${spec.id}-title` }, [
    el('figcaption', {}, [
      el('h3', { id: `${spec.id}-title`, text: spec.title }),
      el('p', { class: 'summary', text: spec.summary }),
    ]),
    el('div', { class: 'canvas-box' }, [canvas]),
    el('div', { class: 'actions no-print' }, [
      el('button', {
        type: 'button', class: 'csv', text: spec.texts.download,
        onclick: () => download(new Blob([toCsv(spec.csv.columns, spec.csv.rows)], { type: 'text/csv;charset=utf-8' }), spec.csv.name),
      }),
    ]),
    el('details', { class: 'data' }, [el('summary', { text: spec.texts.data }), table(spec.title, spec.tableColumns, spec.tableRows)]),
  ]);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: spec.labels, datasets: spec.datasets.map((d) => ({ label: d.label, data: d.values, backgroundColor: d.color, borderWidth: 0, maxBarThickness: 56 })) },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: spec.stacked ?? true, ticks: { autoSkip: true, maxRotation: 0 } },
        y: { stacked: spec.stacked ?? true, beginAtZero: true, ticks: { precision: 0 } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return { node: figure, destroy: () => chart.destroy() };
}
