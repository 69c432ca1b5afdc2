import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleText } from '../shared/visible.js';

test('a bidi override in a signed label shows as a visible mark, so "J. \\u202eTNOPUD" never reads as "J. DUPONT"', () => {
  assert.equal(visibleText('J. \u202eTNOPUD'), 'J. \uFFFDTNOPUD');
});

test('invisible names show as visible marks instead of a blank label', () => {
  for (const c of ['\u200b', '\ufeff', '\u3164', '\u1160', '\u115f', '\uffa0', '\u034f', '\u00ad', '\ue000', '\u2800', '\u2066', '\u0000', '\u0378', '\ud83d']) {
    assert.equal(visibleText(`J. ${c}`), 'J. \uFFFD', `U+${c.codePointAt(0).toString(16).toUpperCase()}`);
  }
});

test('ordinary labels in every script are shown unchanged', () => {
  for (const label of ['J. DUPONT', 'É. D\u2019ARGENT-DE LA TOUR', 'A. \u0646\u06cc\u06a9\u200c\u0646\u0627\u0645', 'K. \u0915\u094d\u200d\u0937', 'N. NGUY\u1ec4N', 'Z. \u{1F469}\u200d\u{1F4BB}']) {
    assert.equal(visibleText(label), label);
  }
});

test('joiners outside a word show as visible marks', () => {
  assert.equal(visibleText('\u200dJ. DUPONT'), '\uFFFDJ. DUPONT');
  assert.equal(visibleText('J. DUPONT\u200c'), 'J. DUPONT\uFFFD');
  assert.equal(visibleText('J. DU \u200d PONT'), 'J. DU \uFFFD PONT');
});

test('a stack of combining marks keeps four and shows the rest as one visible mark', () => {
  assert.equal(visibleText(`A${'\u0334'.repeat(30)}.`), `A${'\u0334'.repeat(4)}\uFFFD.`);
  assert.equal(visibleText(`A${'\u0334'.repeat(4)}`), `A${'\u0334'.repeat(4)}`);
});

test('no label stays no label', () => {
  assert.equal(visibleText(null), null);
  assert.equal(visibleText(undefined), null);
});
