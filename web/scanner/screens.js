// Which screen is shown, and the parts of it that change: texts come from the catalogue only;
// nothing read from a code or the network is ever inserted as HTML.
const $ = (id) => document.getElementById(id);
const SCREENS = ['screen-setup', 'screen-site', 'screen-scan', 'screen-rollcall'];

/** @param {ReturnType<import('../shared/i18n.js').createI18n>} i18n */
export function createScreens(i18n) {
  let lastStatus = null;
  let currentSite = null;

  function show(id) {
    $('boot').hidden = true;
    for (const s of SCREENS) $(s).hidden = s !== id;
    $('status').hidden = id !== 'screen-scan';
  }

  function renderStatus() {
    const s = lastStatus;
    if (!s) return;
    $('status-network').textContent = i18n.t(s.online ? 'status.online' : 'status.offline');
    $('status-network').className = `network ${s.online ? 'on' : 'off'}`;
    $('status-sync').textContent = s.syncedAt ? i18n.t('status.lastSync', { age: i18n.age(Date.now() - s.syncedAt) }) : i18n.t('status.never');
    $('status-queue').hidden = s.queue === 0;
    $('status-queue').textContent = i18n.t('status.queue', { n: s.queue });
    const off = Math.abs(s.clockOffsetMs ?? 0);
    $('status-clock').hidden = off <= s.skewMs;
    $('status-clock').textContent = i18n.t('status.clock', { minutes: Math.round(off / 60000) });
    $('status-error').hidden = !s.error;
    $('status-error').textContent = s.error ?? '';
  }

  function renderSite() {
    $('site-name').hidden = !currentSite;
    if (currentSite) $('site-name').textContent = i18n.t('scan.site', { site: currentSite.name || currentSite.code });
  }

  setInterval(renderStatus, 30_000);

  return {
    setup() { show('screen-setup'); },
    setupMessage(text, isError = false) {
      show('screen-setup');
      $('setup-message').textContent = text;
      $('setup-message').classList.toggle('error', isError);
    },
    /** @param {{code: string, name: string}[]} sites @param {(code: string) => void} choose */
    sites(sites, choose) {
      currentSite = null;
      renderSite();
      const list = $('site-list');
      list.replaceChildren(...sites.map((site) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'primary';
        button.textContent = site.name && site.name !== site.code ? `${site.name} (${site.code})` : site.code;
        button.addEventListener('click', () => choose(site.code));
        item.append(button);
        return item;
      }));
      show('screen-site');
    },
    scan(site, direction) {
      currentSite = site;
      renderSite();
      const radio = document.querySelector(`input[name=direction][value="${direction}"]`) ?? $('dir-check');
      radio.checked = true;
      show('screen-scan');
    },
    rollCall() { show('screen-rollcall'); },
    /** Whether codes are taken now: not while another screen (the roll-call) is in front. */
    get scanning() { return !$('screen-scan').hidden; },
    direction: () => document.querySelector('input[name=direction]:checked')?.value ?? 'check',
    cameraReady(several, torch) {
      $('camera-start').hidden = true;
      $('camera-switch').hidden = !several;
      $('camera-torch').hidden = !torch;
      $('camera-message').textContent = i18n.t('camera.aim');
    },
    cameraFailed() {
      $('camera-start').hidden = false;
      $('camera-message').textContent = i18n.t('camera.denied');
    },
    /** @param {{online: boolean, syncedAt: number|null, queue: number, clockOffsetMs: number|null, skewMs: number, error?: string|null}} status */
    status(status) {
      lastStatus = { ...lastStatus, ...status };
      renderStatus();
    },
    relabel() {
      i18n.apply();
      document.title = i18n.t('app.title');
      renderSite();
      renderStatus();
    },
  };
}
