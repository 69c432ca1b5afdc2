// The latest anomalies (GET /api/anomalies, admins): newest first, with their kind in words. No names: an
// anomaly carries a pass id, sites and scanner ids only (docs/decisions.md D42).
import { el, table } from './ui.js';
import { shortId } from './format.js';

const SHOWN = 20;

/** @param {{kind: string, at: string, sites: string[], scanners: string[], passId?: string, afterTheFact: boolean, count?: number}[]} items oldest first */
export function renderAnomalies(items, i18n) {
  if (items.length === 0) return el('p', { class: 'muted', text: i18n.t('anomalies.none') });
  const latest = items.slice(-SHOWN).reverse();
  const rows = latest.map((a) => [
    i18n.dateTime(new Date(a.at)),
    i18n.t(`anomaly.${a.kind}`),
    a.sites.join(' → '),
    a.scanners.join(', '),
    a.passId ? el('code', { title: a.passId, text: shortId(a.passId) }) : i18n.t('anomalies.codes', { n: a.count ?? 0 }),
    i18n.t(a.afterTheFact ? 'anomalies.afterTheFact' : 'anomalies.live'),
  ]);
  return el('div', {}, [
    el('p', { class: 'muted', text: i18n.t('anomalies.shown', { shown: latest.length, total: items.length }) }),
    table(i18n.t('anomalies.heading'), ['at', 'kind', 'sites', 'scanners', 'pass', 'when'].map((c) => i18n.t(`anomalies.${c}`)), rows),
  ]);
}
