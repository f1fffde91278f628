/**
 * What the storyboard needs from the REST API, besides the documents themselves:
 * - the scene list, fetched once (and again when the script gains a scene the server has not listed):
 *   listing the scenes is what makes the server register their storyboard documents, so a scene's
 *   storyboard is opened only after its scene was listed (or at once when offline, from IndexedDB);
 * - every shot of the episode, to find shots whose scene was removed and shots set aside.
 */
import { useCallback, useEffect, useState } from "react";
import type { ShotInfo } from "@aiuteur/shared";
import { api, ApiError } from "../app/api";
import { useBranchId } from "../branches/branchContext";

export interface StoryboardServerData {
  /** Scene id → its storyboard document name, for the scenes the server has listed. */
  listed: ReadonlyMap<string, string>;
  /** True when storyboards may be opened without waiting for the server (offline, or the call failed). */
  listingSettled: boolean;
  episodeShots: readonly ShotInfo[] | null;
  refreshShots(): void;
}

export function useStoryboardServerData(projectId: string, episodeId: string, sceneIds: readonly string[] | null, online: boolean): StoryboardServerData {
  const [listed, setListed] = useState<ReadonlyMap<string, string>>(new Map());
  const [listingSettled, setListingSettled] = useState(false);
  const [episodeShots, setEpisodeShots] = useState<readonly ShotInfo[] | null>(null);
  const [shotsVersion, setShotsVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const branchId = useBranchId();
  const unlisted = sceneIds?.filter((id) => !listed.has(id)) ?? [];
  const unlistedKey = unlisted.join(",");

  useEffect(() => {
    if (!online) {
      setListingSettled(true);
      return;
    }
    if (unlistedKey === "") return;
    const wanted = unlistedKey.split(",");
    const controller = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    api
      .listScenes(projectId, episodeId, controller.signal, branchId)
      .then((scenes) => {
        const next = new Map<string, string>();
        for (const scene of scenes) next.set(scene.sceneId, scene.documents.storyboard);
        setListed((prev) => new Map([...prev, ...next]));
        // A scene typed a moment ago may not be in the server's copy of the script yet: ask again soon.
        if (attempt < 5 && wanted.some((id) => !next.has(id))) retry = setTimeout(() => setAttempt((a) => a + 1), 2000);
      })
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === "AbortError")) setListingSettled(true);
      });
    return () => {
      controller.abort();
      clearTimeout(retry);
    };
  }, [projectId, episodeId, branchId, online, unlistedKey, attempt]);

  useEffect(() => {
    if (!online) return;
    const controller = new AbortController();
    api
      .listEpisodeShots(projectId, episodeId, controller.signal, branchId)
      .then(setEpisodeShots)
      .catch((error: unknown) => {
        if (error instanceof ApiError && !error.isNetworkError) setEpisodeShots(null);
      });
    return () => controller.abort();
  }, [projectId, episodeId, branchId, online, shotsVersion]);

  const refreshShots = useCallback(() => setShotsVersion((v) => v + 1), []);
  return { listed, listingSettled, episodeShots, refreshShots };
}
