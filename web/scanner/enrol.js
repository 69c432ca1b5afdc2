// The printable enrolment sheet: the QR of <origin>/<prefix>/scanner/#enrol=<key>, drawn in the page.
// The key stays in the fragment: it is never sent to the server, not even to draw this QR.
import fr from './i18n/fr.json';
import en from './i18n/en.json';
import { createI18n } from '../shared/i18n.js';
import { drawQr } from '../shared/qr.js';

const i18n = createI18n({ fr, en }, new URLSearchParams(location.search).get('lang') ?? undefined);
const $ = (id) => document.getElementById(id);

function render() {
  i18n.apply();
  document.title = i18n.t('enrol.title');
}

const match = /^#enrol=(.+)$/.exec(location.hash);
if (match) {
  const url = new URL(`./#enrol=${match[1]}`, location.href).href;
  drawQr($('enrol-qr'), url);
  $('enrol-url').textContent = url;
  $('enrol-content').hidden = false;
} else {
  $('enrol-missing').hidden = false;
}
$('enrol-print').addEventListener('click', () => print());
$('enrol-lang').addEventListener('click', () => { i18n.set(i18n.next); render(); });
render();
