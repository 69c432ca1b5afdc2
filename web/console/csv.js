// CSV in the console: reading an uploaded file for POST /api/passes/batch the way scripts/issue-csv.sh sends it
// (idempotency keys derived from the file, chunks that each repeat the header), and writing tables as CSV for
// download. Pure functions: no DOM, tested with node's test runner (web/test/console-csv.test.mjs).

const BOMS = [[[0xef, 0xbb, 0xbf], 'utf-8'], [[0xff, 0xfe], 'utf-16le'], [[0xfe, 0xff], 'utf-16be']];

// windows-1252's 0x80–0x9F (WHATWG Encoding's index); the other bytes are their own code points. Spelled out
// because some runtimes' TextDecoder('windows-1252') decodes ISO-8859-1 instead (Node.js before 23).
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const windows1252 = (bytes) => Array.from(bytes, (b) => (b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b))).join('');

/**
 * The text of a file's bytes: a byte-order mark wins, then UTF-8 if every byte is valid UTF-8, else
 * windows-1252 (what French Excel writes as "CSV (séparateur : point-virgule)").
 * @param {Uint8Array} bytes
 * @returns {{text: string, encoding: 'utf-8'|'utf-16le'|'utf-16be'|'windows-1252'}}
 */
export function decodeCsv(bytes) {
  for (const [mark, encoding] of BOMS) {
    if (mark.every((b, i) => bytes[i] === b)) return { text: new TextDecoder(encoding).decode(bytes.subarray(mark.length)), encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * The file's records as raw text, split on line ends outside quotes (RFC 4180: a quoted field may hold a
 * line break), without their line ends. A final line end adds no record.
 */
export function splitRecords(text) {
  const records = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      records.push(text.slice(start, i));
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

/** The field separator of a header row, as the service detects it: ';' when it has more of them than ','. */
export function separatorOf(header) {
  const count = (c) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const isBlank = (record) => /^[\s,;"]*$/.test(record);

/**
 * The rows to send, each keyed as scripts/issue-csv.sh keys them: when the header has no idempotencyKey
 * column one is added, and row n (1 = the first record after the header) gets `<digest>-<n>`; when it has
 * one, its cells are used as they are. Blank records (spreadsheets leave them at the end) are not sent but
 * keep their number, so numbers are the file's own.
 * @param {string[]} records the file's records, header first
 * @param {string} digest the first 16 hex digits of the file's SHA-256 (fileDigest)
 * @returns {{header: string, keyed: boolean, rows: {number: number, text: string, source: string}[]}} text as sent, source as in the file
 */
export function keyRows(records, digest) {
  const [first = '', ...rest] = records;
  const header = first.replace(/^\uFEFF/, '');
  const separator = separatorOf(header);
  const hasKey = header.split(separator).some((name) => name.trim().replace(/^"|"$/g, '').toLowerCase() === 'idempotencykey');
  const rows = [];
  rest.forEach((text, i) => {
    if (isBlank(text)) return;
    rows.push({ number: i + 1, text: hasKey ? text : `${text}${separator}${digest}-${i + 1}`, source: text });
  });
  return { header: hasKey ? header : `${header}${separator}idempotencyKey`, keyed: !hasKey, rows };
}

/** The first 16 hex digits of the SHA-256 of the bytes, as scripts/issue-csv.sh derives its keys. */
export async function fileDigest(bytes) {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Rows in chunks of at most `maxRows` rows and about `maxBytes` of UTF-8 (a row longer than that alone is a
 * chunk of its own): under the service's limits per request (1,000 items, 1 MiB), small enough that a
 * progress bar moves.
 */
export function chunkRows(rows, { maxRows = 100, maxBytes = 256 * 1024 } = {}) {
  const encoder = new TextEncoder();
  const chunks = [];
  let current = [];
  let bytes = 0;
  for (const row of rows) {
    const size = encoder.encode(row.text).length + 1;
    if (current.length > 0 && (current.length === maxRows || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** A chunk's request body: the header, then its rows, CRLF-separated. */
export const chunkBody = (header, rows) => [header, ...rows.map((r) => r.text)].join('\r\n') + '\r\n';

// A cell that a spreadsheet would run as a formula is written with a leading ' (as the roll-call CSV does).
const FORMULA = /^[=+\-@\t\r]/;

function cell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 text of a header and rows (numbers as they are, strings guarded against formulas), CRLF line ends. */
export function toCsv(columns, rows) {
  return [columns, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
