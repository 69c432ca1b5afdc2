// DOM helpers of the console. Text from the network only ever goes in as textContent or attribute values,
// never as HTML.
import { Refused } from '../shared/api.js';
import { el } from '../shared/dom.js';

export { el, table } from '../shared/dom.js';

export const $ = (id) => document.getElementById(id);

/** Saves a Blob as a file through a temporary link (same origin, no navigation). */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A sentence for a failed call: the code's words in the catalogue, then the service's own detail. */
export function problemText(i18n, error) {
  if (!(error instanceof Refused)) return i18n.t('error.unreachable');
  const known = i18n.t(`error.${error.code}`);
  const lead = known === `error.${error.code}` ? i18n.t('error.other', { status: error.status, code: error.code ?? '' }) : known;
  return error.detail ? `${lead} — ${error.detail}` : lead;
}

/** A short-lived message in the status line at the bottom of the page. */
export function notify(text) {
  const toast = $('toast');
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { toast.hidden = true; }, 8000);
}

/**
 * The shared dialog: a confirmation, or a question with one text answer. Resolves to the answer (true for a
 * confirmation), or null when cancelled. `check(value)` returns an error text to keep the dialog open.
 */
export function ask({ title, text, label = null, ok, check = () => null }) {
  const dialog = $('dialog');
  $('dialog-heading').textContent = title;
  $('dialog-text').textContent = text;
  $('dialog-ok').textContent = ok;
  $('dialog-field').hidden = label === null;
  $('dialog-label').textContent = label ?? '';
  $('dialog-input').value = '';
  $('dialog-error').hidden = true;
  $('dialog-input').removeAttribute('aria-invalid');
  return new Promise((resolve) => {
    const onSubmit = (e) => {
      if (e.submitter?.value !== 'ok' || label === null) return;
      const problem = check($('dialog-input').value);
      if (problem) {
        e.preventDefault();
        $('dialog-error').textContent = problem;
        $('dialog-error').hidden = false;
        $('dialog-input').setAttribute('aria-invalid', 'true');
        $('dialog-input').focus();
      }
    };
    $('dialog-form').addEventListener('submit', onSubmit);
    dialog.addEventListener('close', () => {
      $('dialog-form').removeEventListener('submit', onSubmit);
      resolve(dialog.returnValue === 'ok' ? (label === null ? true : $('dialog-input').value.trim()) : null);
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

/**
 * A refusal's problem+json `errors` beside the fields they name (word for word), the code's meaning and what
 * belongs to no field in `summary` (role=alert, focused). `fieldOf(name)` finds a field's element, or null.
 */
export function showFieldErrors(i18n, error, { form, summary, lead, fieldOf }) {
  clearFieldErrors(form, summary);
  const unplaced = [];
  for (const [field, messages] of Object.entries(error.errors ?? {})) {
    const target = fieldOf(field.replace(/^\$\.?/, ''));
    if (!target) { unplaced.push(...messages); continue; }
    const id = `${target.id}-error`;
    const message = el('p', { id, class: 'error field-error', text: messages.join(' ') });
    if (target.tagName === 'FIELDSET') target.append(message); else target.after(message);
    target.dataset.describedby ??= target.getAttribute('aria-describedby') ?? '';
    // A fieldset takes no aria-invalid; it still points at its message.
    target.setAttribute(target.tagName === 'FIELDSET' ? 'data-invalid' : 'aria-invalid', 'true');
    target.setAttribute('aria-describedby', `${id} ${target.dataset.describedby}`.trim());
  }
  summary.replaceChildren(el('p', { text: lead }), el('p', { text: problemText(i18n, error) }), ...unplaced.map((m) => el('p', { text: m })));
  summary.hidden = false;
  summary.focus();
}

export function clearFieldErrors(form, summary) {
  for (const node of form.querySelectorAll('.field-error')) node.remove();
  for (const node of form.querySelectorAll('[aria-invalid], [data-invalid]')) {
    node.removeAttribute('aria-invalid');
    node.removeAttribute('data-invalid');
    if (node.dataset.describedby) node.setAttribute('aria-describedby', node.dataset.describedby); else node.removeAttribute('aria-describedby');
  }
  summary.hidden = true;
}

/** A catalogue site as people read it: "Pierre et Marie Curie (PMC)", or the code alone when it has no name. */
export const siteLabel = (site) => (site.name && site.name !== site.code ? `${site.name} (${site.code})` : site.code);

/** One labelled check box per site, named `sites`, ticked when `checked(site)`. */
export const siteChecks = (sites, checked = () => false) => sites.map((s) => el('label', { class: 'check' }, [
  el('input', { type: 'checkbox', name: 'sites', value: s.code, checked: checked(s) }), ` ${siteLabel(s)}`,
]));

/** The ticked sites' codes inside `container`. */
export const tickedSites = (container) => [...container.querySelectorAll('input[name=sites]:checked')].map((i) => i.value);

/** Downloads a pass's PDF (`layout` a4, card or sheet) in the console's language; a refusal is said, not thrown. */
export async function savePassDocument(api, i18n, passId, layout) {
  try {
    download((await api.document(passId, layout, i18n.lang)).blob, `pass-${passId}-${layout}.pdf`);
  } catch (e) {
    notify(problemText(i18n, e));
  }
}
