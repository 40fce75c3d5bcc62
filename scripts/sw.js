// The service worker of telesales-kpi: keeps this build's files so the page
// opens and works with no network. scripts/offline.mjs writes the build id and
// the file list below at build time (Trunk hashes the file names).
// Cache first for everything of this origin; a new build (a new sw.js) fills
// its own cache, takes over at once and deletes the old one, and the page
// tells the user it was updated.
const BUILD = "__BUILD__";
const FILES = __FILES__;
const PREFIX = "telesales-kpi-";
const CACHE = PREFIX + BUILD;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A page asks which build this worker keeps (src/ui/offline.rs): a page
// from another build was loaded before this worker took over.
self.addEventListener("message", (event) => {
  if (event.data === "telesales-kpi-build?") event.ports[0]?.postMessage(BUILD);
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === "navigate") {
        const page = (await cache.match("./")) || (await cache.match("./index.html"));
        if (page) return page;
      }
      return fetch(request);
    })(),
  );
});
