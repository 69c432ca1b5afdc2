// The gate scanner: enrolment, site choice, then scanning (camera, keyboard-wedge reader or typed
// code), online through POST /api/verify and offline with the synced keys and revocation list.
import fr from './i18n/fr.json';
import en from './i18n/en.json';
import { createI18n } from '../shared/i18n.js';
import { openState } from '../shared/store.js';
import { createApi, Refused } from '../shared/api.js';
import { normaliseCode } from '../shared/normalise.js';
import { createSync } from './sync.js';
import { verifyOffline } from './offline.js';
import { createCamera } from './camera.js';
import { createVerdictView } from './verdict.js';
import { listenForWedge } from './wedge.js';
import { audioReady, unlockAudio } from './feedback.js';
import { createScreens } from './screens.js';
import { createRollCall } from './rollcall.js';

const SYNC_EVERY_MS = 5 * 60 * 1000;
const REPEAT_MS = 3000; // the same code still in front of the camera is not re-verified at once
const DEFAULT_POLICY = { clockSkewSeconds: 120, revocationsWarnAfterSeconds: 86400, revocationsRefuseAfterSeconds: 259200 };

const state = openState('accesspmc-scanner');
const i18n = createI18n({ fr, en });
const $ = (id) => document.getElementById(id);
const screens = createScreens(i18n);
const verdicts = createVerdictView($('verdict'), i18n);
const rollCall = createRollCall(i18n);

let api = null;
let sync = null;
let site = null;
let camera = null;
const seen = { shown: null, last: null, lastAt: 0, busy: false };

/** The key of an enrolment URL (#enrol=<key>), taken out of the address bar at once. */
function takeEnrolmentKey() {
  const match = /^#enrol=(.+)$/.exec(location.hash);
  if (!match) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(match[1]);
}

async function enrol(key) {
  screens.setupMessage(i18n.t('setup.checking'));
  try {
    const { json: me } = await createApi({ key }).me();
    if (me.role !== 'scanner' && me.role !== 'admin') return screens.setupMessage(i18n.t('setup.notScanner'), true);
    if (me.sites.length === 0) return screens.setupMessage(i18n.t('setup.noSites'), true);
    await state.set('apiKey', key);
    await state.set('me', me);
    await state.del('site');
    await start(key);
  } catch (e) {
    screens.setupMessage(i18n.t(e instanceof Refused ? 'setup.badKey' : 'setup.noNetwork'), true);
  }
}

async function start(key) {
  api = createApi({ key });
  sync = createSync({ api, state });
  await sync.load();
  site = await state.get('site');
  const sites = sync.data.me?.sites ?? [];
  if (!sites.some((s) => s.code === site)) site = null;
  if (!site && sites.length === 1) site = sites[0].code;
  const first = runSync({ full: true });
  if (site) await scan(); else screens.sites(sites, chooseSite);
  await first;
  setInterval(() => runSync(), SYNC_EVERY_MS);
  addEventListener('online', () => runSync());
}

async function chooseSite(code) {
  site = code;
  await state.set('site', code);
  await scan();
}

async function scan() {
  await state.set('site', site);
  screens.scan(sync.data.me.sites.find((s) => s.code === site) ?? { code: site, name: site }, (await state.get('direction')) ?? 'check');
  camera ??= createCamera($('camera'), (text) => handle(text, true));
  await startCamera();
}

async function startCamera() {
  try {
    await camera.start();
    screens.cameraReady(await camera.hasSeveralCameras(), camera.torchAvailable());
  } catch {
    screens.cameraFailed();
  }
}

async function runSync(options) {
  try {
    await sync.sync(options);
    screens.status({ ...statusOf(), online: true, error: null });
    if (site && !sync.data.me.sites.some((s) => s.code === site)) screens.sites(sync.data.me.sites, chooseSite);
  } catch (e) {
    const error = e instanceof Refused ? (e.status === 401 ? i18n.t('cannot.unauthorized') : i18n.t('cannot.server', { code: e.code ?? e.status })) : null;
    screens.status({ ...statusOf(), online: false, error: error && i18n.t('status.syncFailed', { why: error }) });
  }
}

function statusOf() {
  const policy = policyOf();
  return { syncedAt: sync.data.syncedAt, queue: sync.data.queue.length, clockOffsetMs: sync.data.clockOffsetMs, skewMs: policy.clockSkewSeconds * 1000 };
}

const policyOf = () => sync?.data.me?.scanner ?? DEFAULT_POLICY;

/** One scan: debounced (the camera reads a held code many times a second), verified, shown. */
async function handle(raw, fromCamera = false) {
  const code = normaliseCode(raw);
  if (!code || !site || seen.busy || !screens.scanning) return;
  if (code === seen.shown && verdicts.visible) return;
  if (fromCamera && code === seen.last && performance.now() - seen.lastAt < REPEAT_MS) return;
  seen.busy = true;
  try {
    const verdict = await check(code, screens.direction());
    seen.shown = code;
    seen.last = code;
    verdicts.show(verdict, () => { seen.shown = null; seen.lastAt = performance.now(); });
  } finally {
    seen.busy = false;
  }
}

async function check(code, direction) {
  try {
    const { json } = await api.verify(code, site, direction);
    screens.status({ ...statusOf(), online: true });
    return {
      result: json.result, reason: json.reason, label: json.displayLabel, kind: json.kind,
      validUntil: json.validUntil ? new Date(json.validUntil) : null, hint: knownHint(json.hint), presence: json.presence, direction,
      sites: json.sites ?? null,
    };
  } catch (e) {
    if (e instanceof Refused && e.status !== 429) {
      const why = e.status === 401 ? 'cannot.unauthorized' : e.status === 403 ? 'cannot.forbidden' : null;
      // A disabled or rotated key: the status bar must stop saying all is well.
      if (e.status === 401) screens.status({ ...statusOf(), online: true, error: i18n.t('status.syncFailed', { why: i18n.t('cannot.unauthorized') }) });
      return { result: 'cannot', cannotText: why ? i18n.t(why) : i18n.t('cannot.server', { code: e.code ?? e.status }) };
    }
  }
  screens.status({ ...statusOf(), online: false });
  return offline(code, direction);
}

async function offline(code, direction) {
  const at = Date.now();
  const outcome = await verifyOffline(code, { site, now: at, policy: policyOf(), data: sync.data });
  if (outcome.kind === 'cannot') return { result: 'cannot', cannotText: i18n.t(`cannot.${outcome.why}`, { age: i18n.age(outcome.ageMs ?? 0) }) };
  const c = outcome.claims;
  await sync.enqueue({ id: scanId(), site, at: new Date(at).toISOString(), passId: c?.id ?? null, result: outcome.result, reason: outcome.reason, direction });
  screens.status({ ...statusOf(), online: false });
  return {
    result: outcome.result, reason: outcome.reason, label: c?.label, kind: c?.kind, validUntil: c?.expiry, hint: outcome.hint, direction,
    sites: outcome.reason === 'wrong_site' ? c?.sites : null,
    offline: true, revocationsAgeMs: outcome.revocationsAgeMs, revocationsOld: outcome.revocationsOld,
  };
}

const knownHint = (hint) => (hint && i18n.t(`hint.${hint}`) !== `hint.${hint}` ? hint : null);

function scanId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function signOut() {
  if (!confirm(i18n.t('signOut.confirm'))) return;
  camera?.stop();
  await state.wipe();
  for (const name of await caches.keys()) await caches.delete(name);
  for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? []) await registration.unregister();
  location.replace(location.pathname);
}

function wire() {
  // Until the agent touches the app, browsers keep it silent: say so, rather than let a verdict pass without its beep.
  // The line goes once the gesture is over: removed at pointerdown, it would shift the page under the finger and
  // the tap would land beside the control it was meant for.
  $('status-sound').hidden = audioReady();
  const hideSound = () => setTimeout(() => { $('status-sound').hidden = true; }, 0);
  addEventListener('pointerdown', unlockAudio, { once: true });
  addEventListener('keydown', unlockAudio, { once: true });
  addEventListener('click', hideSound, { once: true, capture: true });
  addEventListener('keyup', hideSound, { once: true });
  listenForWedge(handle);
  $('setup-form').addEventListener('submit', (e) => { e.preventDefault(); enrol(normaliseKey($('setup-key').value)); });
  $('manual-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = $('manual-code');
    handle(input.value);
    input.value = '';
  });
  $('lang').addEventListener('click', async () => {
    i18n.set(i18n.next);
    await state.set('lang', i18n.lang);
    screens.relabel();
    rollCall.render();
  });
  for (const radio of document.querySelectorAll('input[name=direction]')) radio.addEventListener('change', () => state.set('direction', screens.direction()));
  $('camera-start').addEventListener('click', startCamera);
  $('camera-switch').addEventListener('click', async () => { await camera.switchCamera(); screens.cameraReady(true, camera.torchAvailable()); });
  $('camera-torch').addEventListener('click', async (e) => {
    const on = e.currentTarget.getAttribute('aria-pressed') !== 'true';
    await camera.setTorch(on);
    e.currentTarget.setAttribute('aria-pressed', String(on));
  });
  $('menu-hold').addEventListener('change', async (e) => {
    verdicts.hold = e.currentTarget.checked;
    await state.set('holdVerdict', verdicts.hold);
  });
  $('menu-sync').addEventListener('click', () => runSync({ full: true }));
  $('menu-site').addEventListener('click', () => { camera?.stop(); screens.sites(sync.data.me.sites, chooseSite); });
  $('menu-signout').addEventListener('click', signOut);
  $('rollcall-open').addEventListener('click', () => { camera?.stop(); screens.rollCall(); rollCall.load(api, site); });
  $('rollcall-refresh').addEventListener('click', () => rollCall.load(api, site));
  $('rollcall-print').addEventListener('click', () => print());
  $('rollcall-back').addEventListener('click', scan);
}

const normaliseKey = (text) => text.trim();

async function boot() {
  navigator.serviceWorker?.register('sw.js').catch(() => {});
  i18n.set(await state.get('lang'));
  verdicts.hold = (await state.get('holdVerdict')) === true;
  $('menu-hold').checked = verdicts.hold;
  screens.relabel();
  wire();
  const enrolKey = takeEnrolmentKey();
  if (enrolKey) return enrol(enrolKey);
  const key = await state.get('apiKey');
  return key ? start(key) : screens.setup();
}

boot();
