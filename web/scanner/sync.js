// Keeps what offline verification needs (docs/offline-scanners.md): who this scanner is, the JWK set
// (replaced at each sync), the revocation list (merged by pass id, never cleared, full resync at start
// and daily), the server's clock, and the queue of offline scans to upload.
import { Refused } from '../shared/api.js';
import { importKeySet } from '../shared/keys.js';
import { pruneRevocations } from './offline.js';

const PAGE = 5000; // RevocationsFunction.MaxItems
const UPLOAD_CHUNK = 200; // under ScanUpload's bound
const FULL_RESYNC_MS = 24 * 3600 * 1000;

/**
 * @param {{api: ReturnType<import('../shared/api.js').createApi>, state: ReturnType<import('../shared/store.js').openState>, now?: () => number}} deps
 */
export function createSync({ api, state, now = () => Date.now() }) {
  let running = null;
  const data = { keys: new Map(), revoked: new Map(), syncedAt: null, clockOffsetMs: null, me: null, queue: [] };

  async function load() {
    const [jwks, revoked, syncedAt, clockOffsetMs, me, queue] = await state.getMany(['jwks', 'revoked', 'syncedAt', 'clockOffsetMs', 'me', 'queue']);
    Object.assign(data, { keys: await importKeySet(jwks), revoked: new Map(Object.entries(revoked ?? {})), syncedAt: syncedAt ?? null, clockOffsetMs: clockOffsetMs ?? null, me: me ?? null, queue: queue ?? [] });
    return data;
  }

  // Half the round trip is the best guess of when the server stamped its Date header.
  async function timed(call) {
    const sent = now();
    const answer = await call();
    if (answer.serverDate !== null) data.clockOffsetMs = answer.serverDate - (sent + now()) / 2;
    return answer.json;
  }

  async function revocations(full) {
    let cursor = full ? '' : ((await state.get('cursor')) ?? '');
    try {
      cursor = await pull(cursor);
    } catch (e) {
      // A cursor the server no longer accepts (its clock was set back, storage restored): start over from the
      // full list rather than stop syncing revocations; the list merges by pass id, so nothing is lost.
      if (cursor === '' || !(e instanceof Refused && e.code === 'invalid_cursor')) throw e;
      cursor = await pull('');
      full = true;
    }
    pruneRevocations(data.revoked, now(), data.me?.scanner?.clockSkewSeconds ?? 120);
    await state.set('cursor', cursor);
    await state.set('revoked', Object.fromEntries(data.revoked));
    if (full) await state.set('lastFullSync', now());
  }

  // Every page from the cursor on, merged into data.revoked; returns the last cursor.
  async function pull(cursor) {
    for (;;) {
      const page = await timed(() => api.revocations(cursor));
      for (const r of page.revoked) data.revoked.set(r.id, Date.parse(r.validUntil));
      const moved = page.cursor !== cursor;
      cursor = page.cursor;
      if (page.revoked.length < PAGE || !moved) return cursor;
    }
  }

  async function upload() {
    while (data.queue.length > 0) {
      const chunk = data.queue.slice(0, UPLOAD_CHUNK);
      const answer = await timed(() => api.uploadScans(chunk));
      // Stored, already stored and refused items all leave the queue: a refused item never becomes valid.
      data.queue = data.queue.slice(chunk.length);
      await state.set('queue', data.queue);
      if (answer.errors?.length) console.warn(`${answer.errors.length} offline scans were refused by the service`);
    }
  }

  async function run({ full = false } = {}) {
    data.me = await timed(api.me);
    await state.set('me', data.me);
    const jwks = await timed(api.keys);
    data.keys = await importKeySet(jwks);
    await state.set('jwks', jwks);
    const lastFull = await state.get('lastFullSync');
    await revocations(full || !lastFull || now() - lastFull > FULL_RESYNC_MS);
    data.syncedAt = now();
    await state.set('syncedAt', data.syncedAt);
    await state.set('clockOffsetMs', data.clockOffsetMs);
    await upload();
  }

  return {
    data,
    load,
    /** One sync at a time; a second call while one runs shares its outcome. Throws api.js's Unreachable or Refused. */
    sync(options) {
      running ??= run(options).finally(() => { running = null; });
      return running;
    },
    /** Queues a scan verified offline; it is uploaded at the next sync. */
    async enqueue(scan) {
      data.queue.push(scan);
      await state.set('queue', data.queue);
    },
  };
}
