/**
 * The scene list's lock counts: for each scene, how many of its shots (on this timeline) are locked or
 * invalidated, from the server's locks and the episode's shot list. Refreshed when the window regains
 * focus, like the locks themselves.
 */
import { useEffect, useMemo } from "react";
import { api } from "../app/api";
import { useResource } from "../app/hooks/useResource";
import { shotLockCounts, type LockCounts } from "./shotLockCounts";
import { useLocks } from "./useLocks";

export function useSceneShotLocks(projectId: string, episodeId: string, branchId: string): ReadonlyMap<string, LockCounts> {
  const locks = useLocks(projectId, branchId);
  const shots = useResource(`episode-shots:${projectId}:${episodeId}:${branchId}`, (signal) =>
    api.listEpisodeShots(projectId, episodeId, signal, branchId),
  );
  const { reload } = shots;
  useEffect(() => {
    window.addEventListener("focus", reload);
    return () => window.removeEventListener("focus", reload);
  }, [reload]);
  return useMemo(() => shotLockCounts(shots.data ?? [], locks.byDocument), [shots.data, locks.byDocument]);
}
