// Test-only: builds PMC1 codes with a fresh key, so the tests can craft every structure the reader must refuse.
import { encode } from 'cborg';
import { encodeBase45 } from '../shared/base45.js';

export async function newSigner() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const kid = new Uint8Array(await crypto.subtle.digest('SHA-256', spki)).slice(0, 4);
  const kidHex = Array.from(kid, (b) => b.toString(16).padStart(2, '0')).join('');
  return { pair, kid, kidHex, keys: new Map([[kidHex, pair.publicKey]]), jwk: { ...(await crypto.subtle.exportKey('jwk', pair.publicKey)), kid: kidHex, alg: 'ES256', use: 'sig' } };
}

/** Claims as a Map with the pass-format keys; override any entry, or delete one with undefined. */
export function claims(overrides = {}) {
  const base = new Map([
    [4, 1774249200], // exp 2026-03-23T07:00:00Z
    [5, 1773644400], // nbf 2026-03-16T07:00:00Z
    [7, new Uint8Array(16).fill(0xab)],
    [-1, 1],
    [-2, ['PMC', 'JUSSIEU']],
    [-3, 'J. DUPONT'],
  ]);
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) base.delete(Number(k)); else base.set(Number(k), v);
  }
  return base;
}

/** Signs and encodes; options change the structure around the claims. */
export async function sign(signer, payloadMap, { alg = -7, kid = signer.kid, tagged = false, unprotected = new Map(), rawPayload, extraHeader } = {}) {
  const headers = new Map([[1, alg], [4, kid]]);
  if (extraHeader) headers.set(...extraHeader);
  const protectedBytes = encode(headers);
  const payload = rawPayload ?? encode(payloadMap);
  const tbs = encode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.pair.privateKey, tbs));
  let bytes = encode([protectedBytes, unprotected, payload, signature]);
  if (tagged) bytes = Uint8Array.of(0xd2, ...bytes);
  return 'PMC1:' + encodeBase45(bytes);
}
