/**
 * Keeps the `renders` and `animatics` rows in step with what the render worker writes into documents: a
 * shot document's "render"[branchId] mirror and a render document's "animatic" state. Only writes made by
 * the worker's service connection on this instance count (another instance records the ones made there;
 * a member cannot write these maps at all).
 *
 * Progress arrives many times a second; the database gets status changes, errors, results and every tenth
 * percent only.
 */
import type { Extension, afterLoadDocumentPayload, afterUnloadDocumentPayload } from "@hocuspocus/server";
import type * as Y from "yjs";
import {
  parseDocumentName,
  readAnimaticMirror,
  readShotRenderValue,
  RENDER_ANIMATIC_MAP,
  SHOT_RENDER_MAP,
} from "@aiuteur/shared";
import type { Services } from "../../services.js";
import { artifactKeys } from "../../render/artifactKeys.js";
import type { CollabContext } from "./authorization.js";

function fromService(origin: unknown): boolean {
  if (typeof origin !== "object" || origin === null) return false;
  const { source, connection } = origin as { source?: unknown; connection?: { context?: Partial<CollabContext> } };
  return source === "connection" && connection?.context?.service === true;
}

/**
 * What a row last got, to skip progress steps too small to record. Results (done, failed) are always
 * written: a render retried from the list may fail again exactly as before, and its row (reset to queued
 * by the retry) must say so.
 */
function step(status: string, progress: number, error: string | undefined): string | null {
  if (status === "done" || status === "failed") return null;
  return `${status}|${Math.floor(progress / 10)}|${error ?? ""}`;
}

export function renderIndex(services: Services): Extension {
  const log = services.log.child({ component: "render-index" });
  const unobserve = new Map<string, () => void>();
  const written = new Map<string, string>();
  const queues = new Map<string, Promise<void>>();

  /** Runs writes of one row one after another, so the last mirror value is the one that stays. */
  function enqueue(key: string, work: () => Promise<void>): void {
    const run = (queues.get(key) ?? Promise.resolve()).then(work).catch((error: unknown) => log.error("render-index.write-failed", { key, error }));
    queues.set(key, run);
    void run.then(() => {
      if (queues.get(key) === run) queues.delete(key);
    });
  }

  function watchShot(documentName: string, document: Y.Doc, projectId: string, branchId: string, shotId: string): () => void {
    const map = document.getMap(SHOT_RENDER_MAP);
    const observer = (event: Y.YMapEvent<unknown>) => {
      if (!fromService(event.transaction.origin) || !event.keysChanged.has(branchId)) return;
      const mirror = readShotRenderValue(map.get(branchId));
      if (!mirror) return;
      const key = `${documentName}|${mirror.contentHash}`;
      const next = step(mirror.status, mirror.progress, mirror.error);
      if (next !== null && written.get(key) === next) return;
      if (next === null) written.delete(key);
      else written.set(key, next);
      enqueue(key, async () => {
        await services.renders.update(projectId, branchId, shotId, mirror.contentHash, {
          status: mirror.status,
          progress: mirror.progress,
          error: mirror.error ?? null,
          ...(mirror.attempts !== undefined ? { attempts: mirror.attempts } : {}),
          ...(Object.keys(mirror.artifacts).length > 0 ? { artifacts: artifactKeys(projectId, mirror.artifacts) } : {}),
          provider: mirror.provider ?? null,
          prompt: mirror.prompt ?? null,
        });
      });
    };
    map.observe(observer);
    return () => map.unobserve(observer);
  }

  function watchAnimatic(documentName: string, document: Y.Doc, projectId: string, branchId: string, episodeId: string): () => void {
    const map = document.getMap(RENDER_ANIMATIC_MAP);
    const observer = (event: Y.YMapEvent<unknown>) => {
      if (!fromService(event.transaction.origin)) return;
      const mirror = readAnimaticMirror(document);
      if (!mirror) return;
      const next = step(mirror.status, mirror.progress, mirror.error);
      if (next !== null && written.get(documentName) === next) return;
      if (next === null) written.delete(documentName);
      else written.set(documentName, next);
      enqueue(documentName, async () => {
        await services.renders.updateAnimatic(projectId, branchId, episodeId, {
          status: mirror.status,
          progress: mirror.progress,
          error: mirror.error ?? null,
          timeline: mirror.timeline,
          ...(Object.keys(mirror.artifacts).length > 0 ? { artifacts: artifactKeys(projectId, mirror.artifacts) } : {}),
        });
      });
    };
    map.observe(observer);
    return () => map.unobserve(observer);
  }

  return {
    extensionName: "aiuteur-render-index",

    async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
      const name = parseDocumentName(documentName);
      if (!name || name.kind === "project") return;
      if (name.kind === "shot") unobserve.set(documentName, watchShot(documentName, document, name.projectId, name.branchId, name.id));
      else if (name.kind === "render") unobserve.set(documentName, watchAnimatic(documentName, document, name.projectId, name.branchId, name.id));
    },

    async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload) {
      // Loaded again already (a quick reconnect): its observer belongs to the new copy.
      if (instance.documents.has(documentName)) return;
      unobserve.get(documentName)?.();
      unobserve.delete(documentName);
      for (const key of written.keys()) if (key === documentName || key.startsWith(`${documentName}|`)) written.delete(key);
    },
  };
}
