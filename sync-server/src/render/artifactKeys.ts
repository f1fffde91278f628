/**
 * Artifact keys and the URLs clients get for them. The worker mirrors URLs (what a browser needs); the
 * database keeps keys, so a URL scheme change never strands a row, and routes build URLs on the way out.
 */
import { artifactUrl, isArtifactKey } from "@aiuteur/shared";

/** The key of an artifact URL (or key) of this project, or null when it names nothing we serve. */
export function artifactKeyOf(projectId: string, value: string): string | null {
  const prefix = artifactUrl(projectId, "");
  const key = value.startsWith(prefix) ? value.slice(prefix.length).split("?")[0]! : value;
  return isArtifactKey(key) ? key : null;
}

/** Each artifact as its key; values that are not artifacts of this project are dropped. */
export function artifactKeys<K extends string>(projectId: string, artifacts: Partial<Record<K, string>>): Partial<Record<K, string>> {
  const keys: Partial<Record<K, string>> = {};
  for (const [kind, value] of Object.entries(artifacts) as [K, string | undefined][]) {
    const key = value ? artifactKeyOf(projectId, value) : null;
    if (key) keys[kind] = key;
  }
  return keys;
}

/** Each artifact key as the URL the caller fetches it from. */
export function artifactUrls<K extends string>(projectId: string, keys: Partial<Record<K, string>>): Partial<Record<K, string>> {
  const urls: Partial<Record<K, string>> = {};
  for (const [kind, key] of Object.entries(keys) as [K, string | undefined][]) if (key) urls[kind] = artifactUrl(projectId, key);
  return urls;
}
