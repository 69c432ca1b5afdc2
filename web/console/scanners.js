// Scanners (admins): create a scanner client, show its enrolment QR once, list, disable, rotate its key. The QR
// is drawn in the page from the answer's enrolmentUrl (shared/qr.js, as the scanner's enrol.html draws it): the
// key never travels to be drawn, and it is dropped from the page when the admin says they are done.
import { Refused } from '../shared/api.js';
import { drawQr } from '../shared/qr.js';
import { visibleText } from '../shared/visible.js';
import { $, el, table, problemText, notify, ask, showFieldErrors, clearFieldErrors, siteChecks, tickedSites } from './ui.js';

/** @param {{api: any, me: any, i18n: any}} ctx */
export function createScanners({ api, me, i18n }) {
  let clients = [];
  let loaded = false;
  const targets = {
    form: $('scanner-form'),
    summary: $('scanner-summary'),
    fieldOf: (field) => ({ name: $('scanner-name'), sites: $('scanner-form').querySelector('fieldset') }[field] ?? null),
  };
  $('scanner-form').querySelector('fieldset').id = 'scanner-sites';
  $('scanner-site-list').replaceChildren(...siteChecks(me.sites));

  async function load() {
    $('scanners-status').textContent = i18n.t('scanners.loading');
    try {
      clients = (await api.clients()).json.items.filter((c) => c.role === 'scanner');
      loaded = true;
      render();
    } catch (e) {
      $('scanners-status').textContent = problemText(i18n, e);
    }
  }

  function render() {
    if (!loaded) return;
    $('scanners-status').textContent = i18n.t('scanners.count', { n: clients.length });
    const columns = ['name', 'sites', 'created', 'state', 'actions'].map((c) => i18n.t(`scanners.col.${c}`));
    $('scanners-table').replaceChildren(clients.length === 0 ? '' : table(i18n.t('scanners.list'), columns, clients.map((c) => [
      visibleText(c.name),
      c.sites.join(', '),
      i18n.dateTime(new Date(c.createdAt)),
      c.disabledAt ? i18n.t('scanners.disabledAt', { at: i18n.dateTime(new Date(c.disabledAt)) }) : i18n.t('scanners.active'),
      el('div', { class: 'row-actions' }, [
        el('button', { type: 'button', class: 'small', text: i18n.t('scanners.rotate'), 'aria-label': i18n.t('scanners.rotateLabel', { name: c.name }), disabled: Boolean(c.disabledAt), onclick: () => rotate(c) }),
        el('button', { type: 'button', class: 'small danger', text: i18n.t('scanners.disable'), 'aria-label': i18n.t('scanners.disableLabel', { name: c.name }), disabled: Boolean(c.disabledAt), onclick: () => disable(c) }),
      ]),
    ])));
  }

  /** The enrolment QR and link of a key just made, shown until "done" (the service never shows that key again). */
  function showEnrolment(answer) {
    $('enrolment-heading').textContent = i18n.t('enrolment.heading', { name: answer.client.name });
    drawQr($('enrolment-qr'), answer.enrolmentUrl);
    $('enrolment-url').textContent = answer.enrolmentUrl;
    $('enrolment').hidden = false;
    $('enrolment').focus();
  }

  function hideEnrolment() {
    const canvas = $('enrolment-qr');
    canvas.width = 0;
    canvas.height = 0;
    $('enrolment-url').textContent = '';
    $('enrolment').hidden = true;
  }

  async function create() {
    clearFieldErrors(targets.form, targets.summary);
    const sites = tickedSites($('scanner-site-list'));
    try {
      const { json } = await api.createClient({ name: $('scanner-name').value.trim() || null, role: 'scanner', units: null, sites });
      $('scanner-form').reset();
      clients = [...clients, json.client];
      render();
      showEnrolment(json);
    } catch (e) {
      if (e instanceof Refused) showFieldErrors(i18n, e, { ...targets, lead: i18n.t('scanners.failed') }); else notify(problemText(i18n, e));
    }
  }

  async function rotate(client) {
    if (!(await ask({ title: i18n.t('scanners.rotateTitle', { name: client.name }), text: i18n.t('scanners.rotateText'), ok: i18n.t('scanners.rotate') }))) return;
    try {
      showEnrolment((await api.rotateClient(client.id)).json);
    } catch (e) {
      notify(problemText(i18n, e));
    }
  }

  async function disable(client) {
    if (!(await ask({ title: i18n.t('scanners.disableTitle', { name: client.name }), text: i18n.t('scanners.disableText'), ok: i18n.t('scanners.disable') }))) return;
    try {
      const { json } = await api.disableClient(client.id);
      clients = clients.map((c) => (c.id === json.id ? json : c));
      render();
      notify(i18n.t('scanners.disabled', { name: json.name }));
    } catch (e) {
      notify(problemText(i18n, e));
    }
  }

  $('scanner-form').addEventListener('submit', (e) => { e.preventDefault(); create(); });
  $('enrolment-done').addEventListener('click', hideEnrolment);
  $('enrolment-print').addEventListener('click', () => print());

  return {
    enter() { return load(); },
    // Leaving the page drops a key still shown.
    leave() { hideEnrolment(); },
    relabel() { render(); },
  };
}
