// Text the service signed or stored before its free-text rule (docs/decisions.md D62) may still hold characters
// that hide or reorder: "J. \u202eTNOPUD" displays as "J. DUPONT". The pass stays what its signature says (the
// reader never changes a verdict for a label); what is shown to a person makes every such character a visible
// U+FFFD, the same characters the service now refuses, so a spoofed label reads as damaged, not as someone else.

export const REPLACEMENT = '\uFFFD';

/** Combining marks kept in a row, as the service allows (FreeText.MaxMarksInARow); the rest of the run becomes one �. */
export const MAX_MARKS_IN_A_ROW = 4;

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Drawn as nothing though not format characters: Hangul fillers, blank braille, the grapheme joiner, Khmer's invisible vowels.
const FILLERS = /[\u115F\u1160\u3164\uFFA0\u2800\u034F\u17B4\u17B5\uFFFC]/u;
const UNSEEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u;
const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;
const PICTOGRAPH = /\p{So}/u;
const MODIFIER = /\p{Sk}/u;
const ZWNJ = '\u200C';
const ZWJ = '\u200D';

/**
 * The text as it may be shown to a person: unchanged when it is ordinary text; else each invisible or reordering
 * character (and each run of combining marks beyond four) replaced by a visible U+FFFD. Null stays null.
 * @param {string|null|undefined} text
 * @returns {string|null}
 */
export function visibleText(text) {
  if (typeof text !== 'string') return text ?? null;
  const chars = Array.from(text); // by code point; a lone surrogate is one element of its own
  let shown = '';
  let marks = 0;
  chars.forEach((c, i) => {
    marks = MARK.test(c) ? marks + 1 : 0;
    if (marks > MAX_MARKS_IN_A_ROW) {
      if (marks === MAX_MARKS_IN_A_ROW + 1) shown += REPLACEMENT;
      return;
    }
    const joiner = (c === ZWNJ || c === ZWJ) && joins(chars, i);
    shown += !joiner && (BIDI.test(c) || FILLERS.test(c) || UNSEEN.test(c)) ? REPLACEMENT : c;
  });
  return shown;
}

// ZWNJ and ZWJ between two letters (after any vowel signs or virama) shape Persian and Indic words; ZWJ between
// two pictographs builds an emoji. Anywhere else they only hide. The service's rule, FreeText.Joins.
function joins(chars, at) {
  let before = at - 1;
  while (before >= 0 && (MARK.test(chars[before]) || MODIFIER.test(chars[before]))) before--;
  if (before < 0 || at + 1 >= chars.length) return false;
  const [left, right] = [chars[before], chars[at + 1]];
  return (LETTER.test(left) && LETTER.test(right)) || (chars[at] === ZWJ && PICTOGRAPH.test(left) && PICTOGRAPH.test(right));
}
