/*
 * Aiuteur service worker: keeps the app shell available so the app reloads with no network. The
 * documents themselves live in IndexedDB (y-indexeddb); this file only makes sure the code to open them
 * is there.
 *
 * Strategy
 * - Navigations (any page URL): network first, so a deploy is picked up at once; the answer is stored as
 *   the one shell (the server answers every page path with the same index.html). Without a network, or
 *   when the server fails (5xx), the stored shell is served and the router takes over.
 * - /assets/*: cache first. Vite puts a content hash in every asset name, so a stored copy never goes
 *   stale; a new build references new names.
 * - /api, /healthz and /collab are never touched: they are live data, and a cached answer would show the
 *   writer something the server no longer says. (WebSockets never pass through a service worker anyway.)
 * - asset-manifest.json (written by vite.config.ts) lists every file of the current build, fonts and
 *   lazily loaded chunks included. Install and every online navigation bring the cache in line with it:
 *   fetch what is missing, delete assets of older builds, so the cache holds one build and stays small.
 */
const CACHE = "aiuteur-shell-v1";
const SHELL_URL = "/index.html";
const MANIFEST_URL = "/asset-manifest.json";
const STATIC_FILES = ["/favicon.svg"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.add(new Request(SHELL_URL, { cache: "reload" }));
      await Promise.all(STATIC_FILES.map((url) => cache.add(url).catch(() => undefined)));
      await syncAssets(cache).catch(() => undefined);
      // Take over at once: the page that registered us should already reload offline.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith("aiuteur-") && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

function isLiveData(pathname) {
  return (
    pathname === "/api" ||
    pathname.startsWith("/api/") ||
    pathname === "/collab" ||
    pathname.startsWith("/collab/") ||
    pathname === "/healthz"
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isLiveData(url.pathname)) return;

  if (request.mode === "navigate") {
    event.respondWith(networkFirstShell(event));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (STATIC_FILES.includes(url.pathname)) {
    event.respondWith(fetch(request).catch(() => caches.match(url.pathname)));
  }
  // Anything else (sw.js, the manifest) goes to the network as usual.
});

async function networkFirstShell(event) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await fetch(event.request);
  } catch {
    return (await cache.match(SHELL_URL)) || offlinePage();
  }
  const type = response.headers.get("Content-Type") || "";
  if (response.ok && type.includes("text/html")) {
    await cache.put(SHELL_URL, response.clone());
    event.waitUntil(syncAssets(cache).catch(() => undefined));
    return response;
  }
  if (response.status >= 500) return (await cache.match(SHELL_URL)) || response;
  return response;
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // A server that answers unknown paths with index.html must not get that page stored as an asset.
  const html = (response.headers.get("Content-Type") || "").includes("text/html");
  if (response.ok && !html) await cache.put(request, response.clone());
  return response;
}

async function syncAssets(cache) {
  const response = await fetch(MANIFEST_URL, { cache: "no-store" });
  if (!response.ok) return;
  const manifest = await response.json();
  const wanted = new Set(Array.isArray(manifest.assets) ? manifest.assets : []);
  const stored = await cache.keys();
  const have = new Set(stored.map((r) => new URL(r.url).pathname));
  await Promise.all([...wanted].filter((path) => !have.has(path)).map((path) => cacheFirst(new Request(path)).catch(() => undefined)));
  await Promise.all(
    stored
      .filter((r) => {
        const path = new URL(r.url).pathname;
        return path.startsWith("/assets/") && !wanted.has(path);
      })
      .map((r) => cache.delete(r)),
  );
}

function offlinePage() {
  return new Response(
    "<!doctype html><meta charset=utf-8><title>Aiuteur — offline</title>" +
      "<p style=\"font:16px system-ui;margin:3rem auto;max-width:30rem\">You're offline and Aiuteur " +
      "hasn't been stored on this device yet. Open it once while online.</p>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}
