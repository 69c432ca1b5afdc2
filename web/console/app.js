// The admin console: sign-in with an admin or issuer key (kept in this tab's sessionStorage only), then the
// dashboard, passes, scanners and presence views, each offered only to the roles the API lets use it.
import fr from './i18n/fr.json';
import en from './i18n/en.json';
import { createI18n } from '../shared/i18n.js';
import { createApi, Refused } from '../shared/api.js';
import { $ } from './ui.js';
import { createDashboard } from './dashboard.js';
import { createPasses } from './passes.js';
import { createScanners } from './scanners.js';
import { createPresence } from './presence.js';

const KEY = 'accesspmc-console-key'; // sessionStorage: gone with the tab, never written to disk-backed storage
const LANG = 'accesspmc-console-lang'; // localStorage: a preference, not a secret
const VIEWS = ['dashboard', 'passes', 'scanners', 'presence'];
const ADMIN_ONLY = new Set(['scanners', 'presence']);

const i18n = createI18n({ fr, en }, localStorage.getItem(LANG) ?? undefined);
let context = null;
let views = {};
let current = null;

function show(id) {
  $('boot').hidden = true;
  for (const view of document.querySelectorAll('.view')) view.hidden = view.id !== `view-${id}`;
}

async function signIn(key) {
  const api = createApi({ key, timeoutMs: 15000 });
  const { json: me } = await api.me();
  if (me.role !== 'admin' && me.role !== 'issuer') throw new Refused(403, 'not_staff');
  sessionStorage.setItem(KEY, key);
  start(api, me);
}

function start(api, me) {
  const isAdmin = me.role === 'admin';
  context = { api, me, i18n, isAdmin };
  views = { dashboard: createDashboard(context), passes: createPasses(context), scanners: isAdmin ? createScanners(context) : null, presence: isAdmin ? createPresence(context) : null };
  for (const node of document.querySelectorAll('[data-role="admin"]')) node.closest('li, section')?.toggleAttribute('hidden', !isAdmin);
  $('nav').hidden = false;
  $('signout').hidden = false;
  $('who').hidden = false;
  relabel();
  route();
}

/** Shows the view named in the address's fragment (#passes…); one the role may not use falls back to the dashboard. */
function route() {
  if (!context) return;
  let [name, part] = location.hash.slice(1).split('/');
  if (!VIEWS.includes(name) || (ADMIN_ONLY.has(name) && !context.isAdmin)) name = 'dashboard';
  if (current && current !== name) views[current]?.leave?.();
  const moved = current !== null && current !== name;
  current = name;
  show(name);
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  document.title = `${i18n.t(`nav.${name}`)} — ${i18n.t('app.title')}`;
  views[name].enter(part);
  if (moved) $(`${name}-heading`).focus({ preventScroll: false });
}

function relabel() {
  i18n.apply();
  if (context) {
    const me = context.me;
    $('who').textContent = i18n.t(`who.${me.role}`, { name: me.name, units: me.units.join(', ') || '—' });
    document.title = `${i18n.t(`nav.${current ?? 'dashboard'}`)} — ${i18n.t('app.title')}`;
    for (const view of Object.values(views)) view?.relabel?.();
  } else {
    document.title = `${i18n.t('signin.heading')} — ${i18n.t('app.title')}`;
  }
}

function signOut() {
  sessionStorage.removeItem(KEY);
  // A fresh page: nothing of the session (lists, an enrolment QR) stays in memory.
  location.replace(location.pathname);
}

function signInFailed(e) {
  const text = e instanceof Refused ? (e.status === 401 ? 'signin.badKey' : 'signin.notStaff') : 'signin.noNetwork';
  $('signin-message').textContent = i18n.t(text);
  $('signin-message').classList.add('error');
}

async function boot() {
  for (const heading of document.querySelectorAll('.view > h1')) heading.tabIndex = -1;
  $('lang').addEventListener('click', () => { i18n.set(i18n.next); localStorage.setItem(LANG, i18n.lang); relabel(); });
  $('signout').addEventListener('click', signOut);
  $('signin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('signin-message').textContent = i18n.t('signin.checking');
    $('signin-message').classList.remove('error');
    try {
      await signIn($('signin-key').value.trim());
      $('signin-key').value = '';
    } catch (error) {
      signInFailed(error);
    }
  });
  addEventListener('hashchange', route);
  relabel();
  const key = sessionStorage.getItem(KEY);
  if (!key) return show('signin');
  try {
    await signIn(key);
  } catch (error) {
    if (error instanceof Refused) sessionStorage.removeItem(KEY);
    show('signin');
    signInFailed(error);
  }
}

boot();
