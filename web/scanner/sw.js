// The scanner's service worker: the app shell and the QR decoder are cached at install, so the app
// opens with no network after one visit. The API (../api/) is not cached.
/* global __PRECACHE__, __VERSION__ */
const CACHE = `scanner-${__VERSION__}`;
const PRECACHE = __PRECACHE__;

self.addEventListener('install', (event) => {
  // Through the HTTP cache: hashed assets the page has just fetched are not downloaded twice on a first visit.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('scanner-') && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

// Cache first: every cached file is either hashed or replaced with the whole set when sw.js changes.
// A controlled page's every fetch comes here, the API's too: those go straight to the network, untouched.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    return cached ?? fetch(request);
  }));
});
