// Issuing one pass (POST /api/passes). The form does not judge: the service does, and its problem+json
// `errors` are shown beside each field, word for word, with the code's meaning in the summary. Each fill of the
// form carries one Idempotency-Key, so a second click or a retry after a lost answer issues one pass.
import { Refused } from '../shared/api.js';
import { $, el, problemText, notify, showFieldErrors, clearFieldErrors, siteChecks, tickedSites, savePassDocument } from './ui.js';
import { zonedToUtc } from './format.js';

const FIELDS = ['givenName', 'familyName', 'kind', 'unit', 'sites', 'validFrom', 'validUntil'];

/** @param {{api: any, me: any, i18n: any}} ctx */
export function createIssueForm({ api, me, i18n }) {
  const units = me.units.filter((u) => u !== '*');
  let key = crypto.randomUUID();
  let issuedHandler = () => {};
  let last = null;

  $('issue-site-list').replaceChildren(...siteChecks(me.sites, () => me.sites.length === 1));
  if (units.length === 1) $('issue-unit').value = units[0];

  const checkedSites = () => tickedSites($('issue-site-list'));
  const zone = () => me.sites.find((s) => s.code === checkedSites()[0])?.timeZone ?? me.sites[0]?.timeZone ?? 'Europe/Paris';

  function zoneNote() {
    $('issue-zone').textContent = i18n.t('issue.zone', { zone: zone() });
  }

  const errorTargets = {
    form: $('issue-form'),
    summary: $('issue-summary'),
    fieldOf(field) {
      const name = FIELDS.find((f) => f.toLowerCase() === field.toLowerCase());
      return name === 'sites' ? $('issue-sites') : name ? $(`issue-${name}`) : null;
    },
  };

  function request() {
    const value = (name) => $(`issue-${name}`).value.trim() || null;
    const instant = (name) => (value(name) ? zonedToUtc(value(name), zone())?.toISOString() ?? value(name) : null);
    return {
      givenName: value('givenName'),
      familyName: value('familyName'),
      kind: value('kind'),
      validFrom: instant('validFrom'),
      validUntil: instant('validUntil'),
      sites: checkedSites(),
      unit: value('unit')?.toUpperCase() ?? null,
    };
  }

  async function submit() {
    clearFieldErrors(errorTargets.form, errorTargets.summary);
    $('issue-result').hidden = true;
    // A date typed without its time reads as an empty field, which the service would take as "the longest
    // validity": the one check the form makes itself, since the service never sees what was typed.
    const incomplete = ['validFrom', 'validUntil'].filter((f) => $(`issue-${f}`).validity.badInput);
    if (incomplete.length > 0) {
      const errors = Object.fromEntries(incomplete.map((f) => [f, [i18n.t('issue.incompleteTime')]]));
      showFieldErrors(i18n, new Refused(400, 'validation_failed', null, { errors }), { ...errorTargets, lead: i18n.t('issue.failed') });
      return;
    }
    try {
      const { json } = await api.issue(request(), key);
      key = crypto.randomUUID();
      last = json;
      showResult();
      issuedHandler(json);
      $('issue-form').reset();
      if (units.length === 1) $('issue-unit').value = units[0];
    } catch (e) {
      if (e instanceof Refused) showFieldErrors(i18n, e, { ...errorTargets, lead: i18n.t('issue.failed') }); else notify(problemText(i18n, e));
    }
  }

  function showResult() {
    if (!last) return;
    const p = last;
    $('issue-result').replaceChildren(
      el('p', { class: 'success', text: i18n.t('issue.done', { label: p.displayLabel ?? `${p.givenName} ${p.familyName}`, until: i18n.dateTime(new Date(p.validUntil), zone()) }) }),
      el('p', {}, [i18n.t('issue.id'), ' ', el('code', { text: p.id })]),
      el('div', { class: 'actions' }, [
        el('button', { type: 'button', text: i18n.t('documents.a4'), onclick: () => savePassDocument(api, i18n, p.id, 'a4') }),
        el('button', { type: 'button', text: i18n.t('documents.card'), onclick: () => savePassDocument(api, i18n, p.id, 'card') }),
      ]),
    );
    $('issue-result').hidden = false;
  }

  $('issue-form').addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  // A changed form is another request: it gets its own key (the service refuses a key reused for other data).
  $('issue-form').addEventListener('input', () => { key = crypto.randomUUID(); });
  $('issue-site-list').addEventListener('change', zoneNote);

  return {
    enter() { zoneNote(); },
    relabel() { zoneNote(); showResult(); },
    /** @param {(pass: object) => void} handler called with each pass issued */
    onIssued(handler) { issuedHandler = handler; },
  };
}
