import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createI18n } from '../shared/i18n.js';

const load = (lang) => JSON.parse(readFileSync(new URL(`../console/i18n/${lang}.json`, import.meta.url)));
const fr = load('fr');
const en = load('en');
const source = (path) => readFileSync(new URL(`../../Contracts/${path}`, import.meta.url), 'utf8');
const constants = (text, cls) => [...text.split(`class ${cls}`)[1].split('\n}')[0].matchAll(/const string \w+ = "([^"]+)"/g)].map((m) => m[1]);

test('the console\'s French and English catalogues have the same keys', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
});

test('every error code, refusal reason, anomaly kind and pass kind of the contracts has words in both languages', () => {
  const codes = constants(source('Errors.cs'), 'ErrorCodes');
  const reasons = constants(source('Verification.cs'), 'VerifyReasons');
  const anomalies = constants(source('Presence.cs'), 'AnomalyKinds');
  const kinds = constants(source('Passes.cs'), 'PassKinds');
  const statuses = constants(source('Passes.cs'), 'PassStatuses');
  assert.ok(codes.length >= 25 && reasons.length >= 10 && anomalies.length === 5 && kinds.length === 3 && statuses.length === 3);
  for (const catalogue of [fr, en]) {
    for (const c of codes) assert.ok(catalogue[`error.${c}`], `error.${c}`);
    for (const r of reasons) assert.ok(catalogue[`reason.${r}`], `reason.${r}`);
    for (const a of anomalies) assert.ok(catalogue[`anomaly.${a}`], `anomaly.${a}`);
    for (const k of kinds) assert.ok(catalogue[`kind.${k}`], `kind.${k}`);
    for (const s of statuses) assert.ok(catalogue[`status.${s}`], `status.${s}`);
  }
});

test('every key the console\'s page and scripts name exists', () => {
  const page = readFileSync(new URL('../console/index.html', import.meta.url), 'utf8');
  const named = [...page.matchAll(/data-i18n(?:-label)?="([^"]+)"/g)].map((m) => m[1]);
  for (const file of ['app.js', 'dashboard.js', 'passes.js', 'issue.js', 'batch.js', 'scanners.js', 'presence.js', 'anomalies.js', 'ui.js']) {
    const script = readFileSync(new URL(`../console/${file}`, import.meta.url), 'utf8');
    named.push(...[...script.matchAll(/i18n\.t\('([\w.-]+)'/g)].map((m) => m[1]));
  }
  assert.ok(named.length > 100);
  for (const key of named) assert.ok(fr[key], key);
});

test('numbers and dates follow the chosen language', () => {
  const i18n = createI18n({ fr, en }, 'en');
  assert.equal(i18n.number(12345), '12,345');
  assert.equal(i18n.dateTime(new Date('2026-11-29T14:05:00Z'), 'Europe/Paris'), '29 Nov 2026, 15:05');
  i18n.set('fr');
  assert.equal(i18n.number(12345).replace(/\s/g, ' '), '12 345');
  assert.equal(i18n.t('batch.progress', { done: 100, total: 300 }), '100 / 300 lignes envoyées');
});
