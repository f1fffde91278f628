/**
 * An uploaded image (a reference image, a character's picture) as an object URL for <img> and Konva.
 *
 * Images need the Authorization header, so they are fetched, not linked. Assets never change (a new
 * upload is a new id), so each is fetched once per page load and shared by every panel showing it, and a
 * copy goes to Cache Storage so a reviewer's storyboard still shows its images offline. (The cache name
 * must not start with "aiuteur-": the service worker deletes those caches when a new build arrives.)
 */
import { useEffect, useState } from "react";
import { api } from "../api";

const CACHE_NAME = "reference-images-v1";
const urls = new Map<string, Promise<string | null>>();

function cacheKey(projectId: string, assetId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/assets/${encodeURIComponent(assetId)}`;
}

async function fromCacheStorage(key: string): Promise<Blob | null> {
  if (typeof caches === "undefined") return null;
  try {
    const hit = await (await caches.open(CACHE_NAME)).match(key);
    return hit ? await hit.blob() : null;
  } catch {
    return null;
  }
}

async function toCacheStorage(key: string, blob: Blob): Promise<void> {
  if (typeof caches === "undefined") return;
  try {
    await (await caches.open(CACHE_NAME)).put(key, new Response(blob, { headers: { "Content-Type": blob.type } }));
  } catch {
    // A full or unavailable cache only costs the offline copy.
  }
}

async function load(projectId: string, assetId: string): Promise<string | null> {
  const key = cacheKey(projectId, assetId);
  const cached = await fromCacheStorage(key);
  if (cached) return URL.createObjectURL(cached);
  try {
    const blob = await api.fetchAsset(projectId, assetId);
    void toCacheStorage(key, blob);
    return URL.createObjectURL(blob);
  } catch {
    return null;
  }
}

/** Resolves to an object URL, or null when the image cannot be had (offline and never seen, or removed). */
export function assetUrl(projectId: string, assetId: string): Promise<string | null> {
  const key = cacheKey(projectId, assetId);
  let url = urls.get(key);
  if (!url) {
    url = load(projectId, assetId);
    // A failure is not remembered: the next panel to ask tries again (we may be back online).
    void url.then((u) => {
      if (u === null) urls.delete(key);
    });
    urls.set(key, url);
  }
  return url;
}

export function useAssetUrl(projectId: string, assetId: string | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (!assetId) return;
    let current = true;
    void assetUrl(projectId, assetId).then((u) => {
      if (current) setUrl(u);
    });
    return () => {
      current = false;
    };
  }, [projectId, assetId]);
  return url;
}
