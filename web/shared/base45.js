// Base45 (RFC 9285), strict as docs/pass-format.md requires: the 45-character alphabet only,
// length not ≡ 1 (mod 3), groups in range, and one text per byte string.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Encodes bytes (Uint8Array) as Base45 text. */
export function encodeBase45(bytes) {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i] * 256 + bytes[i + 1];
    out += ALPHABET[n % 45];
    n = Math.floor(n / 45);
    out += ALPHABET[n % 45] + ALPHABET[Math.floor(n / 45)];
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1];
    out += ALPHABET[n % 45] + ALPHABET[Math.floor(n / 45)];
  }
  return out;
}

/** Decodes strict Base45 text; null when the text is not exactly the encoding of some bytes. */
export function decodeBase45(text) {
  if (text.length === 0 || text.length % 3 === 1) return null;
  const digits = [];
  for (const c of text) {
    const v = VALUE.get(c);
    if (v === undefined) return null;
    digits.push(v);
  }
  const bytes = new Uint8Array(Math.floor(digits.length / 3) * 2 + (digits.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < digits.length; i += 3) {
    if (i + 2 < digits.length) {
      const n = digits[i] + digits[i + 1] * 45 + digits[i + 2] * 2025;
      if (n > 0xffff) return null;
      bytes[o++] = n >> 8;
      bytes[o++] = n & 0xff;
    } else {
      const n = digits[i] + digits[i + 1] * 45;
      if (n > 0xff) return null;
      bytes[o++] = n;
    }
  }
  // With the range checks above the mapping is one-to-one; the round trip states the rule itself.
  return encodeBase45(bytes) === text ? bytes : null;
}

/** True when every character of the text is in the Base45 alphabet. */
export function isBase45Alphabet(text) {
  for (const c of text) if (!VALUE.has(c)) return false;
  return true;
}
