import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { decodeCsv, splitRecords, separatorOf, keyRows, fileDigest, chunkRows, chunkBody, toCsv } from '../console/csv.js';

const bytes = (...values) => new Uint8Array(values);

test('a file is read through its byte-order mark, else as UTF-8, else as windows-1252 (French Excel)', () => {
  assert.deepEqual(decodeCsv(bytes(0xef, 0xbb, 0xbf, 0x41)), { text: 'A', encoding: 'utf-8' });
  assert.deepEqual(decodeCsv(bytes(0xff, 0xfe, 0x41, 0x00)), { text: 'A', encoding: 'utf-16le' });
  assert.deepEqual(decodeCsv(new TextEncoder().encode('Hélène')), { text: 'Hélène', encoding: 'utf-8' });
  assert.deepEqual(decodeCsv(bytes(0x48, 0xe9, 0x6c, 0xe8, 0x6e, 0x65)), { text: 'Hélène', encoding: 'windows-1252' });
  assert.equal(decodeCsv(bytes(0x80, 0x9c, 0x8d, 0xff)).text, '€œ\u008Dÿ');
});

test('records split on LF and CRLF outside quotes only, and a final line end adds none', () => {
  assert.deepEqual(splitRecords('a,b\r\n"Pierre\nJr",c\n\nd'), ['a,b', '"Pierre\nJr",c', '', 'd']);
  assert.deepEqual(splitRecords('a\r\nb\r\n'), ['a', 'b']);
  assert.deepEqual(splitRecords('"x ""quoted"" y",1\n2'), ['"x ""quoted"" y",1', '2']);
  assert.deepEqual(splitRecords(''), []);
});

test('the separator is the one the header uses most', () => {
  assert.equal(separatorOf('givenName;familyName;kind;sites'), ';');
  assert.equal(separatorOf('givenName,familyName,kind,sites'), ',');
});

test('rows get the keys scripts/issue-csv.sh gives them: <digest>-<row>, numbered from the first row after the header', async () => {
  const text = 'givenName,familyName,kind,sites\nMarie,Curie,temporary,PMC;JUSSIEU\nPierre,Curie,temporary,PMC\n';
  const file = new TextEncoder().encode(text);
  const digest = await fileDigest(file);
  assert.equal(digest, createHash('sha256').update(file).digest('hex').slice(0, 16));

  const keyed = keyRows(splitRecords(text), digest);

  assert.equal(keyed.header, 'givenName,familyName,kind,sites,idempotencyKey');
  assert.equal(keyed.keyed, true);
  assert.deepEqual(keyed.rows.map((r) => [r.number, r.text, r.source]), [
    [1, `Marie,Curie,temporary,PMC;JUSSIEU,${digest}-1`, 'Marie,Curie,temporary,PMC;JUSSIEU'],
    [2, `Pierre,Curie,temporary,PMC,${digest}-2`, 'Pierre,Curie,temporary,PMC'],
  ]);
});

test('a semicolon file gets its key with a semicolon; a key column of the file is kept as is; blank rows keep their number but are not sent', () => {
  const own = keyRows(['\uFEFFgivenName;familyName;IdempotencyKey', 'Marie;Curie;hr-1', ';;', '', 'Pierre;Curie;hr-2'], 'abc');
  assert.deepEqual([own.header, own.keyed], ['givenName;familyName;IdempotencyKey', false]);
  assert.deepEqual(own.rows.map((r) => [r.number, r.text]), [[1, 'Marie;Curie;hr-1'], [4, 'Pierre;Curie;hr-2']]);

  const derived = keyRows(['givenName;familyName', 'Marie;Curie'], 'abc');
  assert.deepEqual([derived.header, derived.rows[0].text], ['givenName;familyName;idempotencyKey', 'Marie;Curie;abc-1']);
});

test('chunks hold at most maxRows rows and about maxBytes, in order, with the header repeated in each body', () => {
  const rows = Array.from({ length: 250 }, (_, i) => ({ number: i + 1, text: `row${i + 1}` }));
  const chunks = chunkRows(rows, { maxRows: 100 });
  assert.deepEqual(chunks.map((c) => c.length), [100, 100, 50]);
  assert.deepEqual(chunks.flat().map((r) => r.number), rows.map((r) => r.number));

  const wide = [{ number: 1, text: 'x'.repeat(60) }, { number: 2, text: 'é'.repeat(30) }, { number: 3, text: 'y'.repeat(200) }];
  assert.deepEqual(chunkRows(wide, { maxRows: 100, maxBytes: 130 }).map((c) => c.map((r) => r.number)), [[1, 2], [3]]);
  assert.equal(chunkBody('h', chunks[2].slice(0, 2)), 'h\r\nrow201\r\nrow202\r\n');
});

test('downloads are RFC 4180 with cells a spreadsheet would run as formulas defused', () => {
  assert.equal(toCsv(['site', 'n'], [['PMC', 3], ['=HYPERLINK("x")', -1], ['a,b', null]]),
    'site,n\r\nPMC,3\r\n"\'=HYPERLINK(""x"")",-1\r\n"a,b",\r\n');
  assert.equal(toCsv(['x'], [['-2']]), "x\r\n'-2\r\n");
});
