import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketStarts, scanSeries, passSeries, totals, latestOccupancy } from '../console/series.js';

const H = 3600_000;
const at = (iso) => Date.parse(iso);

// An answer shaped like Contracts/Stats.cs (camelCase, empty buckets left out, capacity absent when null).
const stats = {
  from: '2026-11-29T00:00:00+00:00',
  to: '2026-11-29T04:00:00+00:00',
  granularity: 'hour',
  scans: [
    { site: 'PMC', start: '2026-11-29T01:00:00+00:00', valid: 5, invalid: 3, reasons: { revoked: 2, expired: 1 }, directions: { check: 8 }, offline: 1 },
    { site: 'PMC', start: '2026-11-29T03:00:00+00:00', valid: 2, invalid: 1, reasons: { revoked: 1 }, directions: { entry: 3 }, offline: 0 },
    { site: 'JUSSIEU', start: '2026-11-29T01:00:00+00:00', valid: 4, invalid: 1, reasons: { wrong_site: 1 }, directions: { check: 5 }, offline: 0 },
  ],
  passes: [
    { unit: 'PHYS', kind: 'temporary', start: '2026-11-29T00:00:00+00:00', issued: 3, revoked: 1, expired: 0 },
    { unit: 'CHEM', kind: 'temporary', start: '2026-11-29T00:00:00+00:00', issued: 2, revoked: 0, expired: 1 },
    { unit: 'CHEM', kind: 'visitor', start: '2026-11-29T00:00:00+00:00', issued: 1, revoked: 0, expired: 0 },
  ],
  occupancy: [
    { site: 'PMC', start: '2026-11-29T01:00:00+00:00', peak: 12, last: 9, capacity: 50 },
    { site: 'PMC', start: '2026-11-29T03:00:00+00:00', peak: 10, last: 4, capacity: 50 },
    { site: 'JUSSIEU', start: '2026-11-29T02:00:00+00:00', peak: 3, last: 3 },
  ],
};

test('buckets cover the range from its floored start, one per hour or day, the end excluded', () => {
  assert.deepEqual(bucketStarts('2026-11-29T00:30:00Z', '2026-11-29T03:00:00Z', 'hour'), [0, 1, 2].map((h) => at('2026-11-29T00:00:00Z') + h * H));
  assert.deepEqual(bucketStarts('2026-03-28T00:00:00+01:00', '2026-03-30T00:00:00Z', 'day'), [at('2026-03-27T00:00:00Z'), at('2026-03-28T00:00:00Z'), at('2026-03-29T00:00:00Z')]);
  assert.equal(bucketStarts('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'hour').length, 24 * 62);
  assert.throws(() => bucketStarts('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 'week'));
});

test('a site\'s scans lie on every bucket: valid first, then each reason, the most frequent first; absent buckets are zero', () => {
  const s = scanSeries(stats, 'PMC');

  assert.deepEqual(s.series.map((x) => x.key), ['valid', 'reason:revoked', 'reason:expired']);
  assert.deepEqual(s.series[0].values, [0, 5, 0, 2]);
  assert.deepEqual(s.series[1].values, [0, 2, 0, 1]);
  assert.deepEqual(s.series[2].values, [0, 1, 0, 0]);
  assert.deepEqual(s.refused, [0, 3, 0, 1]);
  assert.deepEqual(s.rows[1], [at('2026-11-29T01:00:00Z'), 5, 3, 2, 1]);
});

test('every site together sums the sites bucket by bucket', () => {
  const s = scanSeries(stats);
  assert.deepEqual(s.series[0].values, [0, 9, 0, 2]);
  assert.deepEqual(s.reasons, ['revoked', 'expired', 'wrong_site']);
  assert.deepEqual(s.refused, [0, 4, 0, 1]);
});

test('passes are issued per kind, every unit together, the known kinds first, then any other the service names', () => {
  const day = { ...stats, granularity: 'day', to: '2026-11-30T00:00:00+00:00' };
  const p = passSeries(day);
  assert.deepEqual(p.kinds, ['temporary', 'long-term', 'attestation', 'visitor']);
  assert.deepEqual(p.series.map((x) => x.values), [[5], [0], [0], [1]]);
  assert.deepEqual(p.rows, [[at('2026-11-29T00:00:00Z'), 5, 0, 0, 1, 1, 1]]);
});

test('the key figures are the sums of the whole answer', () => {
  assert.deepEqual(totals(stats), { valid: 11, refused: 5, offline: 1, issued: 6, revoked: 1, expired: 1 });
});

test('occupancy now is each site\'s latest bucket, whatever the order of the answer', () => {
  const latest = latestOccupancy({ ...stats, occupancy: [...stats.occupancy].reverse() });
  assert.deepEqual(latest.map((b) => [b.site, b.last, b.capacity ?? null]), [['JUSSIEU', 3, null], ['PMC', 4, 50]]);
});
