import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zonedToUtc, wallTime, offsetAt, rangeOf, isoDay, shortId } from '../console/format.js';

test('a wall-clock time is read in the site\'s zone, summer and winter', () => {
  assert.equal(zonedToUtc('2030-03-02T08:00', 'Europe/Paris').toISOString(), '2030-03-02T07:00:00.000Z');
  assert.equal(zonedToUtc('2030-07-02T08:00', 'Europe/Paris').toISOString(), '2030-07-02T06:00:00.000Z');
  assert.equal(zonedToUtc('2026-01-15T08:00', 'America/Cayenne').toISOString(), '2026-01-15T11:00:00.000Z');
  assert.equal(zonedToUtc('2026-06-01T12:00', 'UTC').toISOString(), '2026-06-01T12:00:00.000Z');
});

test('across daylight saving: a skipped time moves on by the gap, a repeated one is its first occurrence (as the CSV reader does)', () => {
  assert.equal(zonedToUtc('2026-03-29T02:30', 'Europe/Paris').toISOString(), '2026-03-29T01:30:00.000Z'); // 03:30 summer time
  assert.equal(zonedToUtc('2026-10-25T02:30', 'Europe/Paris').toISOString(), '2026-10-25T00:30:00.000Z'); // the first 02:30
  assert.equal(zonedToUtc('2026-10-25T03:30', 'Europe/Paris').toISOString(), '2026-10-25T02:30:00.000Z');
});

test('text that is not a wall-clock time is no instant', () => {
  for (const text of ['', null, '2026-03-29', '29/03/2026 08:00', '2026-03-29T08:00:00Z']) assert.equal(zonedToUtc(text, 'Europe/Paris'), null);
});

test('an instant is written back as the zone\'s wall-clock time, and offsets are those of the zone', () => {
  assert.equal(wallTime(new Date('2026-07-01T06:00:00Z'), 'Europe/Paris'), '2026-07-01T08:00');
  assert.equal(wallTime(zonedToUtc('2026-12-24T23:59', 'Europe/Paris'), 'Europe/Paris'), '2026-12-24T23:59');
  assert.equal(offsetAt('Europe/Paris', Date.parse('2026-01-01T00:00:00Z')), 3600_000);
  assert.equal(offsetAt('Europe/Paris', Date.parse('2026-07-01T00:00:00Z')), 7200_000);
});

test('a range of days runs from the first date to the day after the last: UTC midnights for days', () => {
  const days = rangeOf('2026-11-01', '2026-11-30', 'day');
  assert.deepEqual([days.from.toISOString(), days.to.toISOString()], ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
  const hours = rangeOf('2026-11-29', '2026-11-29', 'hour');
  assert.equal(hours.to - hours.from, 86_400_000);
  assert.equal(isoDay(hours.from), '2026-11-29');
  assert.equal(rangeOf('2026-11-30', '2026-11-29', 'day'), null);
  assert.equal(rangeOf('', '2026-11-29', 'day'), null);
});

test('ids are shortened to 8 characters for the screen', () => {
  assert.equal(shortId('0123456789abcdef0123456789abcdef'), '01234567');
  assert.equal(shortId(undefined), '');
});
