// Passes: a unit's list (newest first, paged, filtered in the page), one pass by id, documents to print
// (one pass, or the selection as one PDF), revocation with a reason; the issue form and the CSV upload
// live in issue.js and batch.js, shown as tabs (#passes, #passes/issue, #passes/batch).
import { $, el, table, download, problemText, notify, ask, savePassDocument } from './ui.js';
import { shortId } from './format.js';
import { visibleText } from '../shared/visible.js';
import { createIssueForm } from './issue.js';
import { createBatchUpload } from './batch.js';

const PAGE = 50;
const TABS = { list: 'passes-list', issue: 'passes-issue', batch: 'passes-batch' };

/** @param {{api: any, me: any, i18n: any, isAdmin: boolean}} ctx */
export function createPasses(ctx) {
  const { api, me, i18n } = ctx;
  const units = me.units.filter((u) => u !== '*');
  let passes = [];
  let next = null;
  let unit = null;
  const selected = new Set();
  const issue = createIssueForm(ctx);
  const batch = createBatchUpload(ctx);

  $('units').replaceChildren(...units.map((u) => el('option', { value: u })));
  if (units.length === 1) $('list-unit').value = units[0];

  function showTab(tab) {
    for (const [name, id] of Object.entries(TABS)) {
      $(id).hidden = name !== tab;
      $(`tab-${name}`).setAttribute('aria-pressed', String(name === tab));
    }
  }

  let asked = 0; // the latest listing asked for: an older answer arriving late is dropped

  async function list(more = false) {
    const ticket = ++asked;
    if (!more) {
      unit = $('list-unit').value.trim();
      next = null;
    }
    $('list-status').textContent = i18n.t('passes.loading');
    try {
      const { json } = await api.passes({ unit, pageSize: PAGE, next });
      if (ticket !== asked) return;
      if (!more) {
        passes = [];
        selected.clear();
      }
      passes.push(...json.items);
      next = json.next ?? null;
      render();
    } catch (e) {
      if (ticket === asked) $('list-status').textContent = problemText(i18n, e);
    }
  }

  async function find(id) {
    const ticket = ++asked;
    try {
      const { json } = await api.pass(id.toLowerCase());
      if (ticket !== asked) return;
      passes = [json];
      next = null;
      selected.clear();
      render();
    } catch (e) {
      $('list-status').textContent = problemText(i18n, e);
    }
  }

  // "eloise" finds "Éloïse": people type names without their accents.
  const folded = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  // Names stored before D62 may hide or reorder characters: shown with them made visible.
  const holder = (p) => visibleText([p.givenName, p.familyName].filter(Boolean).join(' ') || p.displayLabel) || shortId(p.id);

  function matches(p, filter) {
    const text = folded(`${p.givenName ?? ''} ${p.familyName ?? ''} ${p.displayLabel ?? ''} ${p.id}`);
    return folded(filter).split(/\s+/).every((word) => text.includes(word));
  }

  function render() {
    const filter = $('list-filter').value.trim().toLowerCase();
    const shown = passes.filter((p) => !filter || matches(p, filter));
    if (unit === null && passes.length === 0) return;
    $('list-status').textContent = i18n.t(passes.length === 0 ? 'passes.empty' : 'passes.count', { shown: shown.length, loaded: passes.length });
    $('list-more').hidden = !next;
    $('print-selected').disabled = selected.size === 0;
    $('print-selected').textContent = i18n.t('documents.printSelected', { n: selected.size });
    if (shown.length === 0) return $('list-table').replaceChildren();
    const columns = ['select', 'holder', 'kind', 'status', 'from', 'until', 'sites', 'actions'].map((c) => i18n.t(`passes.col.${c}`));
    $('list-table').replaceChildren(table(i18n.t('passes.listHeading'), columns, shown.map(row)));
  }

  function row(p) {
    const name = holder(p);
    const check = el('input', { type: 'checkbox', 'aria-label': i18n.t('passes.select', { name }), checked: selected.has(p.id) });
    check.addEventListener('change', () => { if (check.checked) selected.add(p.id); else selected.delete(p.id); render(); });
    const zone = me.sites.find((s) => s.code === p.sites[0])?.timeZone;
    const button = (key, onclick, extra = {}) => el('button', { type: 'button', class: 'small', text: i18n.t(key), 'aria-label': i18n.t(`${key}Label`, { name }), onclick, ...extra });
    return [
      check,
      el('span', {}, [el('span', { text: name }), el('br'), el('code', { class: 'muted', title: p.id, text: shortId(p.id) })]),
      i18n.t(`kind.${p.kind}`),
      el('span', { class: `status status-${p.status}`, text: i18n.t(`status.${p.status}`) }),
      i18n.dateTime(new Date(p.validFrom), zone),
      i18n.dateTime(new Date(p.validUntil), zone),
      p.sites.join(', '),
      el('div', { class: 'row-actions' }, [
        button('documents.a4', () => savePassDocument(api, i18n, p.id, 'a4')),
        button('documents.card', () => savePassDocument(api, i18n, p.id, 'card')),
        button('passes.revoke', () => revoke(p), { class: 'small danger', disabled: p.status !== 'active' }),
      ]),
    ];
  }

  async function printSelected() {
    const layout = $('print-layout').value;
    try {
      const { blob, headers } = await api.documents([...selected], layout, i18n.lang);
      download(blob, `passes-${layout}.pdf`);
      notify(i18n.t('documents.printed', { printed: headers.get('Documents-Printed') ?? '?', refused: headers.get('Documents-Refused') ?? '0' }));
    } catch (e) {
      notify(problemText(i18n, e));
    }
  }

  async function revoke(p) {
    const reason = await ask({
      title: i18n.t('revoke.title'),
      text: i18n.t('revoke.text', { name: holder(p) }),
      label: i18n.t('revoke.reason'),
      ok: i18n.t('revoke.ok'),
      check: (value) => (value.trim().length === 0 ? i18n.t('revoke.reasonRequired') : null),
    });
    if (reason === null) return;
    try {
      const { json } = await api.revoke(p.id, reason);
      passes = passes.map((x) => (x.id === json.id ? json : x));
      render();
      notify(i18n.t('revoke.done', { name: holder(json) }));
    } catch (e) {
      notify(problemText(i18n, e));
    }
  }

  for (const tab of Object.keys(TABS)) $(`tab-${tab}`).addEventListener('click', () => { location.hash = tab === 'list' ? '#passes' : `#passes/${tab}`; });
  $('list-form').addEventListener('submit', (e) => { e.preventDefault(); list(); });
  $('list-filter').addEventListener('input', render);
  $('list-more').addEventListener('click', () => list(true));
  $('find-form').addEventListener('submit', (e) => { e.preventDefault(); find($('find-id').value.trim()); });
  $('print-selected').addEventListener('click', printSelected);
  issue.onIssued((p) => { passes = [p, ...passes.filter((x) => x.id !== p.id)]; render(); });

  return {
    enter(part) {
      showTab(TABS[part] ? part : 'list');
      if (part === 'issue') issue.enter();
      if (!part && passes.length === 0 && $('list-unit').value) list();
    },
    relabel() { render(); issue.relabel(); batch.relabel(); },
  };
}
