/**
 * Artifacts go to and come from the sync server's artifact routes (the server owns storage: it writes to a
 * temporary name and renames, so a worker killed mid-upload leaves nothing visible).
 */
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { ARTIFACT_CONTENT_TYPES, artifactUrl } from "@aiuteur/shared";
import { reasonOf, type ServerApi } from "../sync/serverApi.js";

export interface ArtifactClient {
  exists(key: string, signal?: AbortSignal): Promise<boolean>;
  upload(key: string, file: string, signal?: AbortSignal): Promise<void>;
  download(key: string, file: string, signal?: AbortSignal): Promise<void>;
  /** The URL clients use (same origin, their own authorisation). */
  url(key: string): string;
}

function contentType(key: string): string {
  return ARTIFACT_CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}

export function createArtifactClient(api: ServerApi, projectId: string): ArtifactClient {
  const path = (key: string) => artifactUrl(projectId, key);
  return {
    url: path,
    async exists(key, signal) {
      const response = await api.request(path(key), { method: "HEAD", signal: signal ?? null });
      if (response.status === 404) return false;
      if (!response.ok) throw new Error(`HEAD ${key} answered ${response.status}`);
      return true;
    },
    async upload(key, file, signal) {
      const { size } = await stat(file);
      // Streamed, not buffered: an episode animatic can be hundreds of megabytes.
      const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
      const response = await api.request(path(key), {
        method: "PUT",
        body,
        headers: { "content-type": contentType(key), "content-length": String(size) },
        signal: signal ?? null,
        duplex: "half",
      } as RequestInit);
      if (!response.ok) throw new Error(`uploading ${key} failed with ${response.status}: ${await reasonOf(response)}`);
      await response.body?.cancel();
    },
    async download(key, file, signal) {
      const response = await api.request(path(key), { signal: signal ?? null });
      if (!response.ok || !response.body) throw new Error(`downloading ${key} failed with ${response.status}: ${await reasonOf(response)}`);
      await pipeline(Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>), createWriteStream(file), { signal: signal ?? new AbortController().signal });
    },
  };
}
