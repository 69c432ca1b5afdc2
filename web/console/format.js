// Times and ranges as the console's forms read and show them. Pure (Intl only); tested in
// web/test/console-format.test.mjs.

const pad = (n, width = 2) => String(n).padStart(width, '0');

function partsIn(timeZone, ms) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at an instant, in ms (Europe/Paris in July: +7,200,000). */
export function offsetAt(timeZone, ms) {
  const p = partsIn(timeZone, ms);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a wall-clock time `YYYY-MM-DDTHH:mm` in an IANA zone, as the service reads a CSV time without
 * offset: a time skipped by a daylight-saving change moves on by the gap, a time that occurs twice is its first
 * occurrence. Null for text that is not such a time.
 */
export function zonedToUtc(wall, timeZone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall ?? '');
  if (!m) return null;
  const asUtc = Date.UTC(+m[1], m[2] - 1, +m[3], +m[4], +m[5]);
  // The offsets in force a day either side bracket the one that applies.
  const candidates = [...new Set([offsetAt(timeZone, asUtc - 86_400_000), offsetAt(timeZone, asUtc + 86_400_000)])].sort((a, b) => b - a);
  const matches = candidates.map((o) => asUtc - o).filter((t) => offsetAt(timeZone, t) === asUtc - t);
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In a gap: the wall time does not exist; the same instant as under the earlier (smaller) offset.
  return new Date(asUtc - Math.min(...candidates));
}

/** An instant as `YYYY-MM-DDTHH:mm` in an IANA zone, for a datetime-local field. */
export function wallTime(date, timeZone) {
  const p = partsIn(timeZone, date.getTime());
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** `YYYY-MM-DD` of a local date (a date field's value). */
export const isoDay = (date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/**
 * The dashboard's range from two date fields (`YYYY-MM-DD`, both included): hours from the browser's local
 * midnights (its whole-hour offsets keep hour buckets aligned), days from UTC midnights (day buckets are UTC
 * days). Null when a date is missing or the end is before the start.
 * @returns {{from: Date, to: Date}|null}
 */
export function rangeOf(fromDay, toDay, granularity) {
  const re = /^(\d{4})-(\d{2})-(\d{2})$/;
  const a = re.exec(fromDay ?? '');
  const b = re.exec(toDay ?? '');
  if (!a || !b) return null;
  const make = (m, plus) => (granularity === 'day'
    ? new Date(Date.UTC(+m[1], m[2] - 1, +m[3] + plus))
    : new Date(+m[1], m[2] - 1, +m[3] + plus));
  const from = make(a, 0);
  const to = make(b, 1);
  return to > from ? { from, to } : null;
}

/** The first 8 characters of a pass or client id, enough to tell them apart on screen. */
export const shortId = (id) => (id ?? '').slice(0, 8);
