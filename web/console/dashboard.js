// The dashboard: key figures, scans per site and hour (valid, and refused stacked by reason), passes issued per
// day by kind, occupancy now against capacity, latest anomalies (admins); a date range; refreshed every minute
// while shown. Figures come from GET /api/stats; occupancy now from the roll-call counter (admins) or the latest
// occupancy bucket (issuers, who may not read roll-calls).
import { $, el, problemText, siteLabel } from './ui.js';
import { isoDay, rangeOf } from './format.js';
import { scanSeries, passSeries, totals, latestOccupancy } from './series.js';
import { chartFigure, PALETTE } from './charts.js';
import { renderAnomalies } from './anomalies.js';

const REFRESH_MS = 60_000;
const ANOMALY_SPAN_MS = 31 * 86_400_000; // GET /api/anomalies answers at most 31 days

/** @param {{api: any, me: any, i18n: any, isAdmin: boolean}} ctx */
export function createDashboard({ api, me, i18n, isAdmin }) {
  let figures = [];
  let timer = null;
  let last = null; // the last answers, to draw again in another language
  let loading = false;

  function setRange(days) {
    const to = new Date();
    const from = new Date(to.getFullYear(), to.getMonth(), to.getDate() - (days - 1));
    $('range-from').value = isoDay(from);
    $('range-to').value = isoDay(to);
    $('range-granularity').value = days <= 2 ? 'hour' : 'day';
  }

  function sites() {
    const select = $('range-site');
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '', text: i18n.t('range.allSites') }),
      ...me.sites.map((s) => el('option', { value: s.code, text: siteLabel(s) })));
    select.value = chosen;
  }

  async function load() {
    const granularity = $('range-granularity').value;
    const range = rangeOf($('range-from').value, $('range-to').value, granularity);
    if (!range) return status(i18n.t('range.invalid'), true);
    const days = rangeOf($('range-from').value, $('range-to').value, 'day');
    if (loading) return;
    loading = true;
    status(i18n.t('dashboard.loading'));
    const site = $('range-site').value || null;
    const shownSites = me.sites.filter((s) => !site || s.code === site);
    try {
      const [scans, passes, presence, anomalies] = await Promise.all([
        api.stats({ from: range.from.toISOString(), to: range.to.toISOString(), granularity, site }),
        api.stats({ from: days.from.toISOString(), to: days.to.toISOString(), granularity: 'day' }),
        isAdmin ? Promise.all(shownSites.map((s) => api.presence(s.code).then((r) => r.json, () => null))) : null,
        isAdmin ? anomaliesOf(range, site) : null,
      ]);
      last = { scans: scans.json, passes: passes.json, presence, anomalies, shownSites, at: new Date() };
      draw();
    } catch (e) {
      status(problemText(i18n, e), true);
    } finally {
      loading = false;
    }
  }

  async function anomaliesOf(range, site) {
    const to = Math.min(range.to.getTime(), Date.now() + 60_000);
    const from = Math.max(range.from.getTime(), to - ANOMALY_SPAN_MS);
    const items = [];
    let next = null;
    for (let page = 0; page < 10; page++) {
      const { json } = await api.anomalies({ site, from: new Date(from).toISOString(), to: new Date(to).toISOString(), pageSize: 100, next });
      items.push(...json.items);
      next = json.next;
      if (!next) break;
    }
    return items;
  }

  function status(text, isError = false) {
    $('dashboard-status').textContent = text;
    $('dashboard-status').classList.toggle('error', isError);
  }

  // Day buckets are UTC days; hour buckets show in the browser's zone, without the date when the range is one day.
  const bucketLabel = (t, granularity, long = false, oneDay = false) => new Intl.DateTimeFormat(i18n.locale, granularity === 'day'
    ? { day: '2-digit', month: '2-digit', ...(long ? { year: 'numeric' } : {}), timeZone: 'UTC' }
    : { ...(oneDay && !long ? {} : { day: '2-digit', month: '2-digit' }), hour: '2-digit', minute: '2-digit', ...(long ? { year: 'numeric' } : {}) }).format(new Date(t));

  function draw() {
    for (const f of figures) f.destroy();
    figures = [];
    const { scans, passes, presence, anomalies, shownSites, at } = last;
    const sum = totals(scans);
    const issued = totals(passes);
    const occupancy = occupancyNow(presence, scans, shownSites);
    const figure = (key, value) => el('div', {}, [el('dt', { text: i18n.t(key) }), el('dd', { text: i18n.number(value), 'data-figure': key })]);
    $('figures').replaceChildren(figure('figure.valid', sum.valid), figure('figure.refused', sum.refused), figure('figure.issued', issued.issued),
      figure('figure.revoked', issued.revoked), ...(anomalies ? [figure('figure.anomalies', anomalies.length)] : []));
    const nodes = [];
    const add = (spec) => { const f = chartFigure({ ...spec, texts: { data: i18n.t('chart.data'), download: i18n.t('chart.download') } }); figures.push(f); nodes.push(f.node); };
    const scanSites = shownSites.filter((s) => scans.scans.some((b) => b.site === s.code));
    if (scanSites.length === 0) nodes.push(el('p', { class: 'muted', text: i18n.t('chart.noScans') }));
    for (const s of scanSites) add(scanSpec(scans, s));
    add(passSpec(passes));
    if (occupancy.length > 0) add(occupancySpec(occupancy));
    $('charts').replaceChildren(...nodes);
    $('anomalies-body').replaceChildren(anomalies ? renderAnomalies(anomalies, i18n) : '');
    status(i18n.t('dashboard.updated', { time: i18n.dateTime(at) }));
  }

  function scanSpec(stats, site) {
    const s = scanSeries(stats, site.code);
    const reasonName = (r) => i18n.t(`reason.${r}`);
    const head = [i18n.t('chart.bucket'), i18n.t('chart.valid'), i18n.t('chart.refused'), ...s.reasons.map(reasonName)];
    const total = (values) => values.reduce((a, b) => a + b, 0);
    const refused = total(s.refused);
    const top = s.reasons[0];
    return {
      id: `chart-scans-${site.code}`,
      title: i18n.t('chart.scansTitle', { site: site.name, granularity: i18n.t(`range.per.${stats.granularity}`) }),
      summary: i18n.t(top ? 'chart.scansSummaryTop' : 'chart.scansSummary', { valid: i18n.number(total(s.series[0].values)), refused: i18n.number(refused), top: top ? reasonName(top) : '' }),
      labels: s.starts.map((t) => bucketLabel(t, stats.granularity, false, s.starts.length <= 25)),
      datasets: s.series.map((x, i) => ({ label: x.reason ? reasonName(x.reason) : i18n.t('chart.valid'), values: x.values, color: PALETTE[i % PALETTE.length] })),
      tableColumns: head,
      tableRows: s.rows.filter((r) => r.slice(1).some((n) => n > 0)).map(([t, ...n]) => [bucketLabel(t, stats.granularity, true), ...n]),
      csv: { name: `scans-${site.code}-${stats.granularity}.csv`, columns: ['start', 'valid', 'refused', ...s.reasons], rows: s.rows.map(([t, ...n]) => [new Date(t).toISOString(), ...n]) },
    };
  }

  function passSpec(stats) {
    const s = passSeries(stats);
    const kindName = (k) => i18n.t(`kind.${k}`);
    const issued = totals(stats);
    return {
      id: 'chart-passes',
      title: i18n.t('chart.passesTitle'),
      summary: i18n.t('chart.passesSummary', { issued: i18n.number(issued.issued), revoked: i18n.number(issued.revoked), expired: i18n.number(issued.expired) }),
      labels: s.starts.map((t) => bucketLabel(t, 'day')),
      datasets: s.series.map((x, i) => ({ label: kindName(x.key), values: x.values, color: PALETTE[(i + 2) % PALETTE.length] })),
      tableColumns: [i18n.t('chart.day'), ...s.kinds.map(kindName), i18n.t('chart.revoked'), i18n.t('chart.expired')],
      tableRows: s.rows.filter((r) => r.slice(1).some((n) => n > 0)).map(([t, ...n]) => [bucketLabel(t, 'day', true), ...n]),
      csv: { name: 'passes-day.csv', columns: ['day', ...s.kinds, 'revoked', 'expired'], rows: s.rows.map(([t, ...n]) => [new Date(t).toISOString().slice(0, 10), ...n]) },
    };
  }

  /** Per site: who is inside now and the capacity, from the roll-call counter or else the latest stats bucket. */
  function occupancyNow(presence, scans, shownSites) {
    const names = new Map(shownSites.map((s) => [s.code, s.name]));
    if (presence) return presence.flatMap((p) => (p ? [{ site: p.site, name: names.get(p.site) ?? p.site, inside: p.occupancy, capacity: p.capacity ?? null }] : []));
    return latestOccupancy(scans).filter((b) => names.has(b.site)).map((b) => ({ site: b.site, name: names.get(b.site), inside: b.last, capacity: b.capacity ?? null }));
  }

  function occupancySpec(rows) {
    const free = rows.map((r) => (r.capacity === null ? 0 : Math.max(0, r.capacity - r.inside)));
    const rate = (r) => (r.capacity ? `${Math.round((100 * r.inside) / r.capacity)} %` : '—');
    return {
      id: 'chart-occupancy',
      title: i18n.t('chart.occupancyTitle'),
      summary: rows.map((r) => i18n.t(r.capacity === null ? 'chart.occupancyNoLimit' : 'chart.occupancyOf', { site: r.name, inside: i18n.number(r.inside), capacity: i18n.number(r.capacity ?? 0) })).join(' '),
      labels: rows.map((r) => r.name),
      horizontal: true,
      datasets: [
        { label: i18n.t('chart.inside'), values: rows.map((r) => r.inside), color: '#0072b2' },
        { label: i18n.t('chart.free'), values: free, color: '#c9d6e3' },
      ],
      tableColumns: [i18n.t('chart.site'), i18n.t('chart.inside'), i18n.t('chart.capacity'), i18n.t('chart.rate')],
      tableRows: rows.map((r) => [r.name, r.inside, r.capacity ?? '—', rate(r)]),
      csv: { name: 'occupancy-now.csv', columns: ['site', 'inside', 'capacity'], rows: rows.map((r) => [r.site, r.inside, r.capacity ?? '']) },
    };
  }

  function schedule() {
    clearInterval(timer);
    timer = setInterval(() => { if ($('auto-refresh').checked && !document.hidden) load(); }, REFRESH_MS);
  }

  $('range-preset').addEventListener('change', (e) => { if (e.target.value !== 'custom') { setRange(Number(e.target.value)); load(); } });
  for (const id of ['range-from', 'range-to']) $(id).addEventListener('input', () => { $('range-preset').value = 'custom'; });
  $('range-form').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  setRange(1);
  sites();
  if (!isAdmin) $('anomalies').hidden = true;

  return {
    enter() { schedule(); return load(); },
    leave() { clearInterval(timer); },
    relabel() { sites(); if (last) draw(); },
  };
}
