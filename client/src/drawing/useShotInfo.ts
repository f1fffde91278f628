/**
 * The shot's description (scene, episode and document names) from GET /api/projects/:p/shots/:s, with a
 * localStorage copy so the shot page opens offline once it has been opened online on this device.
 */
import { MAIN_BRANCH, type ShotInfo } from "@aiuteur/shared";
import { api } from "../app/api";
import { useSession } from "../app/auth";
import { useBranchId } from "../branches/branchContext";
import { useCachedResource, type CachedResource } from "../app/hooks/useCachedResource";

const PREFIX = "aiuteur:cache:";

function cacheKey(userId: string, projectId: string, shotId: string, branchId: string): string {
  // The user id is part of the key: one account's cached shot must not open for another. Each story
  // timeline names its own shot documents.
  return `${PREFIX}${userId}:shot:${projectId}:${shotId}${branchId === MAIN_BRANCH ? "" : `@${branchId}`}`;
}

/** Storage is repaired at the boundary: anything malformed counts as absent. */
export function asShotInfo(value: unknown): ShotInfo | null {
  const v = value as Partial<ShotInfo> | null;
  if (!v || typeof v.id !== "string" || typeof v.sceneId !== "string" || typeof v.episodeId !== "string") return null;
  const docs = v.documents;
  if (typeof docs?.shot !== "string" || typeof docs.notes !== "string") return null;
  return { id: v.id, sceneId: v.sceneId, episodeId: v.episodeId, documents: { shot: docs.shot, notes: docs.notes } };
}

function readCached(key: string): ShotInfo | null {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : asShotInfo(JSON.parse(raw));
  } catch {
    return null;
  }
}

function writeCached(key: string, value: ShotInfo): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: the shot simply won't open offline.
  }
}

export function useShotInfo(projectId: string, shotId: string): CachedResource<ShotInfo> {
  const { user } = useSession();
  const branchId = useBranchId();
  const key = cacheKey(user.id, projectId, shotId, branchId);
  return useCachedResource(key, (signal) => api.getShot(projectId, shotId, signal, branchId), {
    read: () => readCached(key),
    write: (value) => writeCached(key, value),
  });
}
