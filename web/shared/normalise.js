// What keyboard-wedge scanners and camera apps do to a code in transit, and what can be undone.
// Trimming and upper-casing are safe for PMC1 codes: strict Base45 has no lower case and a code
// never ends with a space (see docs/scanner.md). Other damage is only named (a hint), never repaired.
import { PREFIX } from './passcode.js';
import { isBase45Alphabet } from './base45.js';

/** Trims CR, LF, TAB and spaces around the code and upper-cases it. */
export function normaliseCode(raw) {
  return String(raw ?? '').replace(/^[\s\u0000]+|[\s\u0000]+$/g, '').toUpperCase();
}

// A scanner set to QWERTY typing on an AZERTY machine: $→4 %→5 *→8 -→) .→: /→! :→M.
const QWERTY_ON_AZERTY = /[)!]/;

/**
 * Names recognisable damage of a normalised code that did not verify, or null.
 * @returns {'keyboard_layout'|'url_decoded'|'plus_as_space'|null}
 */
export function damageHint(code) {
  if (code.startsWith('PMC1M') || code.startsWith('PMC&M') || QWERTY_ON_AZERTY.test(code)) return 'keyboard_layout';
  if (code.startsWith(PREFIX) && !isBase45Alphabet(code.slice(PREFIX.length))) return 'url_decoded';
  return null;
}

// Spaces in a code can be genuine: each one is tried both ways, up to this many spaces.
const MAX_SPACES = 10;

/**
 * Candidate readings of a code whose '+' may have become spaces: every way of reading its spaces back
 * as '+' (at least one), or none when it has no space or too many. The signature decides which, if any, holds.
 */
export function* plusForSpaces(code) {
  const spaces = [...code].flatMap((c, i) => (c === ' ' ? [i] : []));
  if (spaces.length === 0 || spaces.length > MAX_SPACES) return;
  for (let mask = 1; mask < 1 << spaces.length; mask++) {
    const chars = [...code];
    spaces.forEach((at, bit) => { if (mask & (1 << bit)) chars[at] = '+'; });
    yield chars.join('');
  }
}
