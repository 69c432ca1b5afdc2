// The JWK set of GET /api/keys as verification keys, the way docs/offline-scanners.md says:
// only EC / P-256 / ES256 keys, each under its kid (8 lowercase hex digits); anything else is ignored.

const KID = /^[0-9a-f]{8}$/;

/** True for a key the scanner may verify with. */
export function isUsableJwk(jwk) {
  return jwk?.kty === 'EC' && jwk.crv === 'P-256' && jwk.alg === 'ES256' && typeof jwk.x === 'string' && typeof jwk.y === 'string' && KID.test(jwk.kid ?? '');
}

/**
 * Imports the usable keys of a JWK set.
 * @param {{keys: object[]}} set the answer of GET /api/keys
 * @returns {Promise<Map<string, CryptoKey>>} verification keys by kid; a key that fails to import is left out.
 */
export async function importKeySet(set) {
  const keys = new Map();
  for (const jwk of set?.keys ?? []) {
    if (!isUsableJwk(jwk)) continue;
    try {
      const key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
        { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
      keys.set(jwk.kid, key);
    } catch {
      // A point off the curve or bad base64url: that key cannot verify anything.
    }
  }
  return keys;
}
