// Presence (admins): the roll-call of a site (GET /api/sites/{site}/presence), sorted for an evacuation list as
// the service sorts it, printable, and as the service's own CSV. Times in the site's zone.
import { $, el, table, download, problemText, notify, siteLabel } from './ui.js';
import { shortId } from './format.js';
import { visibleText } from '../shared/visible.js';

/** @param {{api: any, me: any, i18n: any}} ctx */
export function createPresence({ api, me, i18n }) {
  let call = null;

  function sites() {
    const select = $('presence-site');
    const chosen = select.value || me.sites[0]?.code;
    select.replaceChildren(...me.sites.map((s) => el('option', { value: s.code, text: siteLabel(s) })));
    select.value = chosen;
  }

  async function load() {
    $('presence-summary').textContent = i18n.t('presence.loading');
    try {
      call = (await api.presence($('presence-site').value)).json;
      render();
    } catch (e) {
      $('presence-summary').textContent = problemText(i18n, e);
    }
  }

  function render() {
    if (!call) return;
    const zone = call.timeZone;
    $('presence-summary').textContent = i18n.t(call.capacity ? 'presence.summaryOf' : 'presence.summary', {
      site: call.name, n: i18n.number(call.occupancy), capacity: i18n.number(call.capacity ?? 0), at: i18n.dateTime(new Date(call.generatedAt), zone),
    });
    const columns = ['label', 'kind', 'entered', 'through', 'pass'].map((c) => i18n.t(`presence.col.${c}`));
    $('presence-table').replaceChildren(call.inside.length === 0 ? el('p', { class: 'muted', text: i18n.t('presence.empty') }) : table(
      i18n.t('presence.caption', { site: call.name }),
      columns,
      call.inside.map((p) => [visibleText(p.displayLabel) ?? i18n.t('presence.noLabel'), p.kind ? i18n.t(`kind.${p.kind}`) : '—', i18n.dateTime(new Date(p.enteredAt), zone), p.enteredThrough, el('code', { title: p.passId, text: shortId(p.passId) })]),
      { captionHidden: false },
    ));
  }

  async function csv() {
    try {
      const separator = i18n.lang === 'fr' ? 'semicolon' : 'comma';
      download((await api.presenceCsv($('presence-site').value, separator)).blob, `presence-${$('presence-site').value}.csv`);
    } catch (e) {
      notify(problemText(i18n, e));
    }
  }

  sites();
  $('presence-form').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  $('presence-site').addEventListener('change', load);
  $('presence-print').addEventListener('click', () => print());
  $('presence-csv').addEventListener('click', csv);

  return {
    enter() { return load(); },
    relabel() { sites(); render(); },
  };
}
