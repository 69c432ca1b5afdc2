// The full-screen verdict: colour, icon and words together (never colour alone), what the agent needs
// (label, kind, validity end only when the signature held), presence, advice on damaged codes, and
// for offline verdicts the age of the revocation list. Back to scanning after a few seconds or a tap.
import { signal } from './feedback.js';
import { visibleText } from '../shared/visible.js';

const SHOWN_MS = { valid: 3000, invalid: 5000, cannot: 6000 };

/**
 * @param {HTMLElement} root the #verdict element
 * @param {ReturnType<import('../shared/i18n.js').createI18n>} i18n
 */
export function createVerdictView(root, i18n) {
  const $ = (id) => root.querySelector(`#${id}`);
  let timer = null;
  let hold = false;
  let onClose = () => {};

  function line(id, text) {
    const el = $(id);
    el.textContent = text ?? '';
    el.hidden = !text;
  }

  function reasonText(verdict) {
    if (verdict.result === 'cannot') return verdict.cannotText;
    if (!verdict.reason) return null;
    const key = `reason.${verdict.reason}`;
    const text = i18n.t(key) === key ? i18n.t('reason.other', { code: verdict.reason }) : i18n.t(key);
    // Where the pass does open, so the agent can send the person to the right gate.
    return verdict.sites?.length ? `${text} · ${i18n.t('verdict.passSites', { sites: verdict.sites.join(', ') })}` : text;
  }

  function presenceText(p) {
    if (!p) return null;
    const counts = p.capacity == null ? i18n.t('verdict.presenceNoLimit', { occupancy: p.occupancy }) : i18n.t('verdict.presence', { occupancy: p.occupancy, capacity: p.capacity });
    if (!p.enteredAt) return counts;
    const entered = p.enteredThrough
      ? i18n.t('verdict.enteredAt', { date: i18n.dateTime(new Date(p.enteredAt)), gate: p.enteredThrough })
      : i18n.t('verdict.enteredAtNoGate', { date: i18n.dateTime(new Date(p.enteredAt)) });
    return `${entered} · ${counts}`;
  }

  // Which way the agent's switch sent this scan: a wrong switch must show on the verdict, not only in the counts.
  function directionText(verdict) {
    return verdict.direction && verdict.direction !== 'check' ? i18n.t('verdict.direction', { direction: i18n.t(`direction.${verdict.direction}`) }) : null;
  }

  function offlineText(verdict) {
    if (!verdict.offline) return null;
    const age = i18n.age(verdict.revocationsAgeMs);
    const lines = [i18n.t('verdict.offline'), i18n.t(verdict.revocationsOld ? 'verdict.revocationsOld' : 'verdict.revocations', { age })];
    // Presence lives on the server: offline, an entry is neither counted against capacity nor checked for passback.
    if (verdict.direction === 'entry' || verdict.direction === 'exit') lines.push(i18n.t('verdict.presenceUnchecked'));
    return lines.join(' · ');
  }

  // The end of validity explains a valid or an expired pass; beside "revoked" or "wrong site" it reads as "valid".
  const untilShown = (verdict) => verdict.validUntil && (verdict.result === 'valid' || verdict.reason === 'expired');

  function hide() {
    clearTimeout(timer);
    root.hidden = true;
    root.className = 'verdict';
    onClose();
  }

  root.addEventListener('click', hide);

  return {
    get visible() { return !root.hidden; },
    /** When true, a verdict stays until the agent taps it (time to compare the label with an ID card). */
    set hold(value) { hold = Boolean(value); },
    /**
     * @param {{result: 'valid'|'invalid'|'cannot', reason?: string|null, cannotText?: string, label?: string|null, kind?: string|null,
     *          validUntil?: Date|null, hint?: string|null, sites?: string[]|null, presence?: object|null, offline?: boolean, revocationsAgeMs?: number, revocationsOld?: boolean}} verdict
     * @param {() => void} closed called when the agent is back to scanning
     */
    show(verdict, closed) {
      clearTimeout(timer);
      onClose = closed;
      root.className = `verdict verdict-${verdict.result}${verdict.offline ? ' verdict-offline' : ''}`;
      root.dataset.result = verdict.result;
      root.dataset.reason = verdict.reason ?? '';
      $('verdict-title').textContent = i18n.t(`verdict.${verdict.result}`);
      line('verdict-reason', reasonText(verdict));
      // Online or offline, the label is shown with anything hidden in it made visible (passes signed before D62).
      line('verdict-label', visibleText(verdict.label));
      line('verdict-kind', verdict.kind ? i18n.t(`kind.${verdict.kind}`) : null);
      line('verdict-until', untilShown(verdict) ? i18n.t('verdict.until', { date: i18n.dateTime(verdict.validUntil) }) : null);
      line('verdict-presence', [directionText(verdict), presenceText(verdict.presence)].filter(Boolean).join(' · ') || null);
      line('verdict-hint', verdict.hint ? i18n.t('verdict.advice', { text: i18n.t(`hint.${verdict.hint}`) }) : null);
      line('verdict-offline', offlineText(verdict));
      root.hidden = false;
      $('verdict-dismiss').focus({ preventScroll: true });
      signal(verdict.result === 'valid');
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('scanner:verdict-shown')));
      if (!hold) timer = setTimeout(hide, SHOWN_MS[verdict.result]);
    },
    hide,
  };
}
