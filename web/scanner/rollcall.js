// The roll-call of the guarded site (GET /api/sites/{site}/presence): who is inside now, for an evacuation,
// printable from the phone. Online only: presence is kept by the service, and a list pieced together from
// this phone's own scans would miss every other gate.
import { Refused } from '../shared/api.js';
import { el, table } from '../shared/dom.js';
import { visibleText } from '../shared/visible.js';

const $ = (id) => document.getElementById(id);

/** @param {ReturnType<import('../shared/i18n.js').createI18n>} i18n */
export function createRollCall(i18n) {
  let call = null;
  let failure = null;

  function render() {
    if (failure) {
      $('rollcall-summary').textContent = whyNot(failure);
      $('rollcall-list').replaceChildren();
      return;
    }
    if (!call) return;
    const zone = call.timeZone;
    $('rollcall-summary').textContent = i18n.t(call.capacity ? 'rollcall.summaryOf' : 'rollcall.summary', {
      n: i18n.number(call.occupancy), capacity: i18n.number(call.capacity ?? 0), at: i18n.dateTime(new Date(call.generatedAt), zone),
    });
    $('rollcall-list').replaceChildren(call.inside.length === 0 ? el('p', { class: 'message', text: i18n.t('rollcall.empty') }) : table(
      i18n.t('rollcall.caption', { site: call.name }),
      ['label', 'kind', 'entered', 'through'].map((c) => i18n.t(`rollcall.col.${c}`)),
      call.inside.map((p) => [visibleText(p.displayLabel) ?? i18n.t('rollcall.noLabel'), p.kind ? i18n.t(`kind.${p.kind}`) : '—', i18n.dateTime(new Date(p.enteredAt), zone), p.enteredThrough]),
    ));
  }

  function whyNot(error) {
    if (!(error instanceof Refused)) return i18n.t('rollcall.offline');
    if (error.status === 401) return i18n.t('cannot.unauthorized');
    if (error.status === 403) return i18n.t('rollcall.forbidden');
    return i18n.t('cannot.server', { code: error.code ?? error.status });
  }

  return {
    /** Fetches the site's list afresh; a failure is said in place of the list, never an old list. */
    async load(api, site) {
      call = null;
      failure = null;
      $('rollcall-summary').textContent = i18n.t('rollcall.loading');
      $('rollcall-list').replaceChildren();
      try {
        call = (await api.presence(site)).json;
      } catch (e) {
        failure = e;
      }
      render();
    },
    render,
  };
}
