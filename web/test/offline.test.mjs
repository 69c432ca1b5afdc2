import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyOffline, pruneRevocations } from '../scanner/offline.js';
import { normaliseCode, damageHint } from '../shared/normalise.js';
import { newSigner, claims, sign } from './signer.mjs';

const HOUR = 3600_000;
const policy = { clockSkewSeconds: 120, revocationsWarnAfterSeconds: 24 * 3600, revocationsRefuseAfterSeconds: 72 * 3600 };
const now = Date.parse('2026-03-17T12:00:00Z');

async function setup(dataOverrides = {}) {
  const signer = await newSigner();
  const code = await sign(signer, claims());
  const data = { keys: signer.keys, revoked: new Map(), syncedAt: now - 10 * 60_000, clockOffsetMs: 1500, ...dataOverrides };
  return { signer, code, data };
}

test('a fresh sync gives an offline verdict with the revocation list age', async () => {
  const { code, data } = await setup();
  const outcome = await verifyOffline(code, { site: 'PMC', now, policy, data });
  assert.deepEqual([outcome.kind, outcome.result, outcome.revocationsAgeMs, outcome.revocationsOld], ['verdict', 'valid', 10 * 60_000, false]);
});

test('without a completed first sync the phone refuses to verify offline', async () => {
  const { code, data } = await setup({ syncedAt: null });
  assert.deepEqual(await verifyOffline(code, { site: 'PMC', now, policy, data }), { kind: 'cannot', why: 'never_synced' });
});

test('a clock that differs from the server by more than the skew, or went back before the last sync, refuses', async () => {
  const skewed = await setup({ clockOffsetMs: 121_000 });
  assert.equal((await verifyOffline(skewed.code, { site: 'PMC', now, policy, data: skewed.data })).why, 'clock');
  const reset = await setup({ syncedAt: now + HOUR });
  assert.equal((await verifyOffline(reset.code, { site: 'PMC', now, policy, data: reset.data })).why, 'clock');
});

test('past the warning age the verdict warns; past the hard limit a valid pass cannot be verified', async () => {
  const old = await setup({ syncedAt: now - 25 * HOUR });
  const warned = await verifyOffline(old.code, { site: 'PMC', now, policy, data: old.data });
  assert.deepEqual([warned.result, warned.revocationsOld], ['valid', true]);

  const stale = await setup({ syncedAt: now - 73 * HOUR });
  assert.deepEqual(await verifyOffline(stale.code, { site: 'PMC', now, policy, data: stale.data }), { kind: 'cannot', why: 'stale', ageMs: 73 * HOUR });
});

test('past the hard limit, refusals that fresh data could not change are still shown', async () => {
  const stale = await setup({ syncedAt: now - 73 * HOUR });
  const wrongSite = await verifyOffline(stale.code, { site: 'VILLEJUIF', now, policy, data: stale.data });
  assert.deepEqual([wrongSite.kind, wrongSite.reason], ['verdict', 'wrong_site']);
  const forged = await verifyOffline(stale.code.slice(0, -1) + (stale.code.endsWith('0') ? '1' : '0'), { site: 'PMC', now, policy, data: stale.data });
  assert.equal(forged.kind, 'verdict');
  assert.equal(forged.claims, null);
});

test('a revoked pass is refused offline from the synced list', async () => {
  const { code, data } = await setup({ revoked: new Map([['ab'.repeat(16), now + HOUR]]) });
  const outcome = await verifyOffline(code, { site: 'PMC', now, policy, data });
  assert.deepEqual([outcome.result, outcome.reason, outcome.claims.label], ['invalid', 'revoked', 'J. DUPONT']);
});

test('revocations are dropped only once validUntil plus the skew has passed', () => {
  const list = new Map([['a', now - 119_000], ['b', now - 121_000]]);
  assert.deepEqual([...pruneRevocations(list, now, 120).keys()], ['a']);
});

test('what readers add in transit is undone: CR, LF, TAB, spaces and lower case', async () => {
  const { code, data } = await setup();
  const typed = normaliseCode(`  ${code.toLowerCase()}\r\n\t`);
  assert.equal(typed, code);
  assert.equal((await verifyOffline(typed, { site: 'PMC', now, policy, data })).result, 'valid');
});

test('a QWERTY reader on an AZERTY machine is named, and stays refused', async () => {
  const { code, data } = await setup();
  const qwerty = code.replace('PMC1:', 'PMC1M').replaceAll('/', '!').replaceAll('-', ')');
  const outcome = await verifyOffline(normaliseCode(qwerty), { site: 'PMC', now, policy, data });
  assert.deepEqual([outcome.result, outcome.reason, outcome.hint, outcome.claims], ['invalid', 'malformed', 'keyboard_layout', null]);
  assert.equal(damageHint(code), null);
});

test('a + read as a space is named when the signature holds with the +, and stays refused', async () => {
  // Sign until the code holds a '+', and no more spaces once they are read as spaces than the reader tries back.
  const signer = await newSigner();
  const fits = (c) => c?.includes('+') && [...c].filter((x) => x === '+' || x === ' ').length <= 10;
  let code;
  for (let i = 0; !fits(code); i++) code = await sign(signer, claims({ 7: new Uint8Array(16).fill(i % 256), 4: 1_900_000_000 + i }));
  const data = { keys: signer.keys, revoked: new Map(), syncedAt: now - 60_000, clockOffsetMs: 0 };
  const outcome = await verifyOffline(code.replaceAll('+', ' '), { site: 'PMC', now, policy, data });
  assert.deepEqual([outcome.result, outcome.hint, outcome.claims], ['invalid', 'plus_as_space', null]);
});
