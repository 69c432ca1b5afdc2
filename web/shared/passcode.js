// The pass code reader: steps 1–11 of docs/pass-format.md, in order, each failure with its own reason,
// plus the offline revocation check that replaces step 12. Runs in browsers and in node (WebCrypto).
import { decode, encode } from 'cborg';
import { decodeBase45 } from './base45.js';

export const PREFIX = 'PMC1:';
export const MAX_CODE_LENGTH = 512;
const ES256 = -7;
const UNTAGGED_ARRAY_OF_4 = 0x84;
const KINDS = new Map([[1, 'temporary'], [2, 'long-term'], [3, 'attestation']]);
const SITE = /^[A-Z0-9-]{1,16}$/; // JS `$` never matches before a final newline (no m flag): same as .NET's \z.
const MAX_TIME = Date.UTC(9999, 0, 1) / 1000;

// Strict CBOR: definite lengths, shortest integers, no duplicate keys, no tags, floats or bigints.
const STRICT = {
  strict: true,
  useMaps: true,
  rejectDuplicateMapKeys: true,
  allowIndefinite: false,
  allowUndefined: false,
  allowInfinity: false,
  allowNaN: false,
  allowBigInt: false,
};

const refused = (reason, claims = null) => ({ result: 'invalid', reason, claims });

/**
 * Verifies a code offline.
 * @param {string} code the scanned text (normalise it first, see normalise.js)
 * @param {{keys: Map<string, CryptoKey>, site: string, now: number, skewSeconds: number, revoked?: Map<string, number>|Set<string>}} context
 *   keys by kid (8 lowercase hex digits); now in ms since the epoch; revoked pass ids (32 lowercase hex) when known
 * @returns {Promise<{result: 'valid'|'invalid', reason: string|null, claims: object|null}>}
 *   claims ({id, notBefore, expiry, kind, sites, label}, dates as Date) only when the signature held.
 */
export async function verifyCode(code, { keys, site, now, skewSeconds, revoked }) {
  const read = await readCode(code, keys);
  if (read.reason) return refused(read.reason);
  const claims = read.claims;
  const skew = skewSeconds * 1000;
  if (now < claims.notBefore.getTime() - skew) return refused('not_yet_valid', claims);
  if (now > claims.expiry.getTime() + skew) return refused('expired', claims);
  if (!claims.sites.includes(site)) return refused('wrong_site', claims);
  if (revoked?.has(claims.id)) return refused('revoked', claims);
  return { result: 'valid', reason: null, claims };
}

/** Steps 1–8: the code's structure and signature. Returns {claims} or {reason}. */
export async function readCode(code, keys) {
  if (typeof code !== 'string' || code.length > MAX_CODE_LENGTH || !code.startsWith(PREFIX)) return { reason: 'malformed' };
  const bytes = decodeBase45(code.slice(PREFIX.length));
  if (!bytes || bytes[0] !== UNTAGGED_ARRAY_OF_4) return { reason: 'malformed' };
  const message = coseSign1(bytes);
  if (!message) return { reason: 'malformed' };
  if (message.alg !== ES256) return { reason: 'bad_signature' };
  const key = keys.get(hex(message.kid));
  if (!key) return { reason: 'unknown_key' };
  if (!(await signatureHolds(message, key))) return { reason: 'bad_signature' };
  const claims = readClaims(message.payload);
  return claims ? { claims } : { reason: 'malformed' };
}

/** Hex of a byte array, lowercase. */
export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function strictDecode(bytes) {
  try {
    const value = decode(bytes, STRICT);
    // One encoding per value: anything that does not re-encode to the same bytes is refused.
    return sameBytes(encode(value), bytes) ? { value } : null;
  } catch {
    return null;
  }
}

// [protected: bstr .cbor {1: alg, 4: kid(4)}, unprotected: {}, payload: bstr, signature: bstr]
function coseSign1(bytes) {
  const outer = strictDecode(bytes)?.value;
  if (!Array.isArray(outer) || outer.length !== 4) return null;
  const [protectedBytes, unprotected, payload, signature] = outer;
  if (!(protectedBytes instanceof Uint8Array) || !(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) return null;
  if (!(unprotected instanceof Map) || unprotected.size !== 0) return null;
  const headers = strictDecode(protectedBytes)?.value;
  if (!(headers instanceof Map) || headers.size !== 2) return null;
  const alg = headers.get(1);
  const kid = headers.get(4);
  if (!Number.isInteger(alg) || !(kid instanceof Uint8Array) || kid.length !== 4) return null;
  return { protectedBytes, alg, kid, payload, signature };
}

async function signatureHolds(message, key) {
  // COSE signatures are r‖s (RFC 9053 §2.1), the form WebCrypto's ECDSA expects.
  if (message.signature.length !== 64) return false;
  const toBeSigned = encode(['Signature1', message.protectedBytes, new Uint8Array(0), message.payload]);
  try {
    return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, message.signature, toBeSigned);
  } catch {
    return false;
  }
}

// The claims table of docs/pass-format.md; the map must be canonical (keys sorted, shortest forms).
function readClaims(payload) {
  const map = strictDecode(payload)?.value;
  if (!(map instanceof Map) || (map.size !== 5 && map.size !== 6)) return null;
  for (const k of map.keys()) if (![4, 5, 7, -1, -2, -3].includes(k)) return null;
  const exp = map.get(4);
  const nbf = map.get(5);
  const id = map.get(7);
  const kind = KINDS.get(map.get(-1));
  const sites = map.get(-2);
  const label = map.has(-3) ? map.get(-3) : null;
  const wellFormed = Number.isSafeInteger(nbf) && nbf >= 0 && Number.isSafeInteger(exp) && exp > nbf && exp <= MAX_TIME
    && id instanceof Uint8Array && id.length === 16 && kind !== undefined
    && Array.isArray(sites) && sites.length >= 1 && sites.length <= 16 && sites.every((s) => typeof s === 'string' && SITE.test(s))
    && (map.size === 5 || (typeof label === 'string' && label.length >= 1 && label.length <= 32));
  return wellFormed
    ? { id: hex(id), notBefore: new Date(nbf * 1000), expiry: new Date(exp * 1000), kind, sites, label }
    : null;
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
