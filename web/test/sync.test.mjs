import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSync } from '../scanner/sync.js';
import { Refused } from '../shared/api.js';

const now = Date.parse('2026-03-17T12:00:00Z');
const later = '2026-03-20T12:00:00Z';

// The phone's stored state, as idb-keyval would keep it.
function memoryState(entries = {}) {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get: async (key) => map.get(key),
    getMany: async (keys) => keys.map((k) => map.get(k)),
    set: async (key, value) => { map.set(key, value); },
  };
}

// A server whose revocation list holds one pass and which refuses any cursor but its own and the empty one.
function server() {
  const asked = [];
  return {
    asked,
    me: async () => ({ json: { scanner: { clockSkewSeconds: 120 } }, serverDate: null }),
    keys: async () => ({ json: { keys: [] }, serverDate: null }),
    revocations: async (cursor) => {
      asked.push(cursor);
      if (cursor !== '' && cursor !== 'c1') throw new Refused(400, 'invalid_cursor', 'The request is not valid.');
      return { json: { revoked: cursor === '' ? [{ id: 'a1', validUntil: later }] : [], cursor: 'c1' }, serverDate: null };
    },
    uploadScans: async () => ({ json: { stored: 0, duplicates: 0 }, serverDate: null }),
  };
}

test('a stored cursor the server refuses is replaced by a full resync, not a stop to revocation updates', async () => {
  const api = server();
  const state = memoryState({ cursor: '9999999999999999999', lastFullSync: now - 3600_000 });
  const sync = createSync({ api, state, now: () => now });

  await sync.sync();

  assert.deepEqual(api.asked, ['9999999999999999999', '']);
  assert.equal(state.map.get('cursor'), 'c1');
  assert.deepEqual(Object.keys(state.map.get('revoked')), ['a1']);
  assert.equal(state.map.get('lastFullSync'), now);
});

test('an accepted cursor is followed incrementally, and other refusals are not retried', async () => {
  const api = server();
  const state = memoryState({ cursor: 'c1', lastFullSync: now - 3600_000 });
  await createSync({ api, state, now: () => now }).sync();
  assert.deepEqual(api.asked, ['c1']);

  const refusing = { ...server(), revocations: async () => { throw new Refused(403, 'forbidden', 'No.'); } };
  await assert.rejects(createSync({ api: refusing, state: memoryState({ cursor: 'c1', lastFullSync: now }), now: () => now }).sync(), Refused);
});
