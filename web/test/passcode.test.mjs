import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { encode } from 'cborg';
import { verifyCode, MAX_CODE_LENGTH } from '../shared/passcode.js';
import { decodeBase45, encodeBase45 } from '../shared/base45.js';
import { importKeySet } from '../shared/keys.js';
import { newSigner, claims, sign } from './signer.mjs';

const file = JSON.parse(readFileSync(new URL('../../tests/AccessPmc.Tests/Vectors/vectors.json', import.meta.url)));
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const SKEW = 120;

async function vectorKeys() {
  const der = Buffer.from(file.publicKeyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const key = await crypto.subtle.importKey('spki', der, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  return new Map([[file.kid, key]]);
}

const at = (iso) => Date.parse(iso);
const inWindow = at('2026-03-17T12:00:00Z');

for (const [index, vector] of file.vectors.entries()) {
  test(`vector ${index + 1} (${vector.name}) gives its published verdict and claims`, async () => {
    const verdict = await verifyCode(vector.code, { keys: await vectorKeys(), site: vector.site, now: at(vector.at), skewSeconds: SKEW });
    assert.equal(verdict.result, vector.result);
    assert.equal(verdict.reason, vector.reason);
    if (vector.claims) {
      assert.deepEqual(
        { ...verdict.claims, notBefore: verdict.claims.notBefore.toISOString(), expiry: verdict.claims.expiry.toISOString() },
        { ...vector.claims, notBefore: vector.claims.notBefore.replace('Z', '.000Z'), expiry: vector.claims.expiry.replace('Z', '.000Z') });
    } else {
      assert.equal(verdict.claims, null);
    }
  });
}

test('every single-character change of a real code is refused and shows no claims', async () => {
  const keys = await vectorKeys();
  const code = file.vectors[0].code;
  const candidates = new Set([...ALPHABET, 'a', 'p', '\n', '_']);
  let tried = 0;
  for (let i = 0; i < code.length; i++) {
    for (const c of candidates) {
      if (c === code[i]) continue;
      const changed = code.slice(0, i) + c + code.slice(i + 1);
      const verdict = await verifyCode(changed, { keys, site: 'JUSSIEU', now: inWindow, skewSeconds: SKEW });
      assert.equal(verdict.result, 'invalid', `position ${i} → ${JSON.stringify(c)}`);
      assert.equal(verdict.claims, null, `position ${i} → ${JSON.stringify(c)} showed claims`);
      tried++;
    }
  }
  assert.ok(tried > 9000, `${tried} changes tried`);
});

test('every deleted or inserted character is refused', async () => {
  const keys = await vectorKeys();
  const code = file.vectors[0].code;
  for (let i = 0; i < code.length; i++) {
    const deleted = await verifyCode(code.slice(0, i) + code.slice(i + 1), { keys, site: 'JUSSIEU', now: inWindow, skewSeconds: SKEW });
    const inserted = await verifyCode(code.slice(0, i) + '0' + code.slice(i), { keys, site: 'JUSSIEU', now: inWindow, skewSeconds: SKEW });
    assert.equal(deleted.claims, null, `delete at ${i}`);
    assert.equal(inserted.claims, null, `insert at ${i}`);
  }
});

test('the verifier agrees with the claims payload of the vector byte for byte', () => {
  const payloadHex = file.vectors[0].payloadHex;
  const bytes = decodeBase45(file.vectors[0].code.slice(5));
  assert.ok(Buffer.from(bytes).toString('hex').includes(payloadHex));
});

test('strict Base45 refuses lowercase, stray characters, a length of 3n+1 and out-of-range groups', () => {
  assert.equal(decodeBase45('pwg'), null);
  assert.equal(decodeBase45('AB#'), null);
  assert.equal(decodeBase45('ABCD'), null);
  assert.equal(decodeBase45(':::'), null); // 44 + 44·45 + 44·2025 > 65535
  assert.equal(decodeBase45('::'), null); // 44 + 44·45 > 255
  assert.deepEqual(decodeBase45(encodeBase45(Uint8Array.of(1, 2, 3))), Uint8Array.of(1, 2, 3));
  assert.equal(encodeBase45(new TextEncoder().encode('ietf!')), 'QED8WEX0'); // RFC 9285 §4.3
});

const context = async (signer, extra = {}) => ({ keys: signer.keys, site: 'PMC', now: inWindow, skewSeconds: SKEW, ...extra });

test('a code signed by a known key, in its window, at an allowed site is valid', async () => {
  const signer = await newSigner();
  const verdict = await verifyCode(await sign(signer, claims()), await context(signer));
  assert.deepEqual([verdict.result, verdict.reason, verdict.claims.label, verdict.claims.kind], ['valid', null, 'J. DUPONT', 'temporary']);
});

test('keys come from a JWK set, and only EC P-256 ES256 keys count', async () => {
  const signer = await newSigner();
  const keys = await importKeySet({ keys: [{ ...signer.jwk, alg: 'ES384' }, { ...signer.jwk, kty: 'RSA' }] });
  assert.equal(keys.size, 0);
  const good = await importKeySet({ keys: [signer.jwk] });
  const verdict = await verifyCode(await sign(signer, claims()), { ...(await context(signer)), keys: good });
  assert.equal(verdict.result, 'valid');
});

const structural = [
  ['a tagged COSE message is malformed', (s) => sign(s, claims(), { tagged: true }), 'malformed'],
  ['a non-empty unprotected header is malformed', (s) => sign(s, claims(), { unprotected: new Map([[4, s.kid]]) }), 'malformed'],
  ['a third protected header is malformed', (s) => sign(s, claims(), { extraHeader: [3, 0] }), 'malformed'],
  ['a kid of 5 bytes is malformed', (s) => sign(s, claims(), { kid: Uint8Array.of(1, 2, 3, 4, 5) }), 'malformed'],
  ['an algorithm other than ES256 is a bad signature', (s) => sign(s, claims(), { alg: -35 }), 'bad_signature'],
  ['an unknown kid is unknown_key', (s) => sign(s, claims(), { kid: Uint8Array.of(1, 2, 3, 4) }), 'unknown_key'],
  ['a seventh claim is malformed', (s) => sign(s, claims({ 8: 1 })), 'malformed'],
  ['a missing pass id is malformed', (s) => sign(s, claims({ 7: undefined })), 'malformed'],
  ['a pass id of 15 bytes is malformed', (s) => sign(s, claims({ 7: new Uint8Array(15) })), 'malformed'],
  ['an unknown kind is malformed', (s) => sign(s, claims({ '-1': 4 })), 'malformed'],
  ['a site code with a trailing newline is malformed', (s) => sign(s, claims({ '-2': ['PMC\n'] })), 'malformed'],
  ['a lowercase site code is malformed', (s) => sign(s, claims({ '-2': ['pmc'] })), 'malformed'],
  ['no site is malformed', (s) => sign(s, claims({ '-2': [] })), 'malformed'],
  ['17 sites are malformed', (s) => sign(s, claims({ '-2': Array.from({ length: 17 }, (_, i) => `S${i}`) })), 'malformed'],
  ['a 33-character label is malformed', (s) => sign(s, claims({ '-3': 'X'.repeat(33) })), 'malformed'],
  ['an empty label is malformed', (s) => sign(s, claims({ '-3': '' })), 'malformed'],
  ['nbf after exp is malformed', (s) => sign(s, claims({ 5: 1774249200, 4: 1773644400 })), 'malformed'],
  ['a payload whose keys are not sorted is malformed', (s) => sign(s, null, { rawPayload: Uint8Array.of(0xa5, 0x05, 0x01, 0x04, 0x02, 0x07, 0x50, ...new Uint8Array(16), 0x20, 0x01, 0x21, 0x81, 0x63, 0x50, 0x4d, 0x43) }), 'malformed'],
  ['a payload with a non-shortest integer is malformed', (s) => sign(s, null, { rawPayload: Uint8Array.of(0xa5, 0x18, 0x04, 0x02, 0x05, 0x01, 0x07, 0x50, ...new Uint8Array(16), 0x20, 0x01, 0x21, 0x81, 0x63, 0x50, 0x4d, 0x43) }), 'malformed'],
];

for (const [name, make, reason] of structural) {
  test(name, async () => {
    const signer = await newSigner();
    const verdict = await verifyCode(await make(signer), await context(signer));
    assert.deepEqual([verdict.result, verdict.reason, verdict.claims], ['invalid', reason, null]);
  });
}

test('the time window has the skew allowance at both ends, and shows the claims', async () => {
  const signer = await newSigner();
  const code = await sign(signer, claims());
  const nbf = 1773644400_000;
  const exp = 1774249200_000;
  const at = async (now) => (await verifyCode(code, await context(signer, { now }))).reason;
  assert.equal(await at(nbf - SKEW * 1000), null);
  assert.equal(await at(nbf - SKEW * 1000 - 1000), 'not_yet_valid');
  assert.equal(await at(exp + SKEW * 1000), null);
  assert.equal(await at(exp + SKEW * 1000 + 1000), 'expired');
  assert.equal((await verifyCode(code, await context(signer, { now: exp + 3600_000 }))).claims.label, 'J. DUPONT');
});

test('a site not on the pass is wrong_site, and a revoked pass id is revoked', async () => {
  const signer = await newSigner();
  const code = await sign(signer, claims());
  assert.equal((await verifyCode(code, await context(signer, { site: 'VILLEJUIF' }))).reason, 'wrong_site');
  const revoked = new Map([['ab'.repeat(16), Date.now()]]);
  const verdict = await verifyCode(code, await context(signer, { revoked }));
  assert.deepEqual([verdict.result, verdict.reason, verdict.claims.id], ['invalid', 'revoked', 'ab'.repeat(16)]);
});

test('a code over 512 characters is refused before decoding, a wrong prefix too', async () => {
  const signer = await newSigner();
  const code = await sign(signer, claims());
  assert.equal((await verifyCode(code + '0'.repeat(MAX_CODE_LENGTH), await context(signer))).reason, 'malformed');
  assert.equal((await verifyCode('PMC2:' + code.slice(5), await context(signer))).reason, 'malformed');
  assert.equal((await verifyCode('', await context(signer))).reason, 'malformed');
  assert.equal((await verifyCode(undefined, await context(signer))).reason, 'malformed');
});

test('a high-s twin of a signature verifies too, so status is keyed on the pass id (never on signature bytes)', async () => {
  // Documented malleability (pass-format.md): the reader accepts both; the revocation list is by id.
  const signer = await newSigner();
  const code = await sign(signer, claims());
  const bytes = decodeBase45(code.slice(5));
  const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
  const sig = bytes.slice(bytes.length - 64);
  const s = BigInt('0x' + Buffer.from(sig.slice(32)).toString('hex'));
  const twin = Uint8Array.from(Buffer.from((n - s).toString(16).padStart(64, '0'), 'hex'));
  const other = Uint8Array.of(...bytes.slice(0, bytes.length - 32), ...twin);
  const verdict = await verifyCode('PMC1:' + encodeBase45(other), await context(signer, { revoked: new Set(['ab'.repeat(16)]) }));
  assert.equal(verdict.reason, 'revoked');
  assert.ok(encode); // cborg stays the only CBOR implementation in these tests
});
