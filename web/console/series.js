// GET /api/stats answers (Contracts/Stats.cs) as what the dashboard draws and tabulates. Pure: no DOM, no
// Chart.js; tested in web/test/console-series.test.mjs. Buckets start on whole UTC hours or days; the service
// leaves out buckets without events, so every series is laid on the full list of buckets of the range.

const STEP = { hour: 3600_000, day: 86_400_000 };
const MAX_BUCKETS = 24 * 62;
export const KINDS = ['temporary', 'long-term', 'attestation'];

/** Start times (ms, UTC) of every bucket of [from, to): from floored to its hour or day, at most 1,488. */
export function bucketStarts(from, to, granularity) {
  const step = STEP[granularity];
  if (!step) throw new Error(`unknown granularity ${granularity}`);
  const starts = [];
  for (let t = Math.floor(Date.parse(from) / step) * step; t < Date.parse(to) && starts.length < MAX_BUCKETS; t += step) starts.push(t);
  return starts;
}

const sum = (values) => values.reduce((a, b) => a + b, 0);

function laid(starts, buckets, value) {
  const index = new Map(starts.map((t, i) => [t, i]));
  const values = new Array(starts.length).fill(0);
  for (const b of buckets) {
    const i = index.get(Date.parse(b.start));
    if (i !== undefined) values[i] += value(b);
  }
  return values;
}

/**
 * Scans at one site (or every site when `site` is null): valid, then one series per refusal reason (most
 * frequent first), each a count per bucket. `rows` is the same data as a table: bucket start, valid, refused,
 * then one column per reason.
 * @returns {{starts: number[], series: {key: string, reason: string|null, values: number[]}[], rows: (number)[][]}}
 */
export function scanSeries(stats, site = null) {
  const starts = bucketStarts(stats.from, stats.to, stats.granularity);
  const scans = stats.scans.filter((b) => site === null || b.site === site);
  const totals = new Map();
  for (const b of scans) for (const [reason, n] of Object.entries(b.reasons ?? {})) totals.set(reason, (totals.get(reason) ?? 0) + n);
  const reasons = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a.localeCompare(b));
  const series = [
    { key: 'valid', reason: null, values: laid(starts, scans, (b) => b.valid) },
    ...reasons.map((reason) => ({ key: `reason:${reason}`, reason, values: laid(starts, scans, (b) => b.reasons?.[reason] ?? 0) })),
  ];
  const refused = laid(starts, scans, (b) => b.invalid);
  const rows = starts.map((t, i) => [t, series[0].values[i], refused[i], ...series.slice(1).map((s) => s.values[i])]);
  return { starts, series, reasons, refused, rows };
}

/**
 * Passes issued per bucket by kind (every unit together), the known kinds first. `rows`: bucket start, issued
 * per kind, then revoked and expired in all.
 */
export function passSeries(stats) {
  const starts = bucketStarts(stats.from, stats.to, stats.granularity);
  const kinds = [...new Set([...KINDS, ...stats.passes.map((b) => b.kind)])];
  const series = kinds.map((kind) => ({ key: kind, values: laid(starts, stats.passes.filter((b) => b.kind === kind), (b) => b.issued) }));
  const revoked = laid(starts, stats.passes, (b) => b.revoked);
  const expired = laid(starts, stats.passes, (b) => b.expired);
  const rows = starts.map((t, i) => [t, ...series.map((s) => s.values[i]), revoked[i], expired[i]]);
  return { starts, kinds, series, revoked, expired, rows };
}

/** Totals over the whole answer: the dashboard's key figures. */
export function totals(stats) {
  return {
    valid: sum(stats.scans.map((b) => b.valid)),
    refused: sum(stats.scans.map((b) => b.invalid)),
    offline: sum(stats.scans.map((b) => b.offline ?? 0)),
    issued: sum(stats.passes.map((b) => b.issued)),
    revoked: sum(stats.passes.map((b) => b.revoked)),
    expired: sum(stats.passes.map((b) => b.expired)),
  };
}

/** The latest occupancy bucket of each site: `{site, start, last, peak, capacity}`, by site code. */
export function latestOccupancy(stats) {
  const latest = new Map();
  for (const b of stats.occupancy) {
    const seen = latest.get(b.site);
    if (!seen || Date.parse(b.start) > Date.parse(seen.start)) latest.set(b.site, b);
  }
  return [...latest.values()].sort((a, b) => a.site.localeCompare(b.site));
}

