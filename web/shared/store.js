// Key-value state in IndexedDB (idb-keyval), one database per app, wiped whole on sign-out.
import { createStore, get, set, del, clear, getMany } from 'idb-keyval';

/** @param {string} name the database name, e.g. accesspmc-scanner */
export function openState(name) {
  const store = createStore(name, 'state');
  return {
    get: (key) => get(key, store),
    getMany: (keys) => getMany(keys, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    /** Empties the store; the database itself is deleted too when no page holds it open. */
    async wipe() {
      await clear(store);
      indexedDB.deleteDatabase(name);
    },
  };
}
