import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createI18n } from '../shared/i18n.js';

const load = (lang) => JSON.parse(readFileSync(new URL(`../scanner/i18n/${lang}.json`, import.meta.url)));
const fr = load('fr');
const en = load('en');
const contracts = readFileSync(new URL('../../Contracts/Verification.cs', import.meta.url), 'utf8');
const constants = (cls) => [...contracts.split(`class ${cls}`)[1].split('\n}')[0].matchAll(/const string \w+ = "([^"]+)"/g)].map((m) => m[1]);

test('French and English catalogues have the same keys', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
});

test('every reason and hint the API can answer has words in both languages', () => {
  const reasons = constants('VerifyReasons');
  const hints = constants('VerifyHints');
  assert.ok(reasons.length >= 10 && hints.length >= 3);
  for (const catalogue of [fr, en]) {
    for (const r of reasons) assert.ok(catalogue[`reason.${r}`], `reason.${r}`);
    for (const h of hints) assert.ok(catalogue[`hint.${h}`], `hint.${h}`);
  }
});

test('placeholders are filled, and an unknown key shows itself rather than nothing', () => {
  const i18n = createI18n({ fr, en }, 'en');
  assert.equal(i18n.t('status.queue', { n: 3 }), 'Scans waiting to be sent: 3');
  assert.equal(i18n.t('no.such.key'), 'no.such.key');
  assert.equal(i18n.age(5 * 60_000), '5 min ago');
  i18n.set(i18n.next);
  assert.equal(i18n.lang, 'fr');
  assert.equal(i18n.age(3 * 3600_000), 'il y a 3 h');
});

test('a word agrees with its count as each language says: French 0 and 1 singular, English only 1', () => {
  const catalogue = { n: '{n} {n|ligne refusée|lignes refusées}' };
  const i18n = createI18n({ fr: catalogue, en: { n: '{n} {n|row|rows}' } }, 'fr');
  assert.deepEqual([0, 1, 2].map((n) => i18n.t('n', { n })), ['0 ligne refusée', '1 ligne refusée', '2 lignes refusées']);
  i18n.set('en');
  assert.deepEqual([0, 1, 2].map((n) => i18n.t('n', { n })), ['0 rows', '1 row', '2 rows']);
});
