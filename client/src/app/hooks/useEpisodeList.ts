/**
 * A project's episodes on the story timeline being shown (`?branch=`; an episode created on a branch
 * exists only there until it is merged). The main timeline's list has an offline copy; a branch's is
 * read from the server only, so it never overwrites main's.
 */
import { MAIN_BRANCH, type EpisodeInfo } from "@aiuteur/shared";
import { useBranchId } from "../../branches/branchContext";
import { api } from "../api";
import { offlineCache } from "../cache";
import { useCachedResource, type CachedResource } from "./useCachedResource";

export function useEpisodeList(projectId: string, userId: string): CachedResource<EpisodeInfo[]> {
  const branchId = useBranchId();
  const onMain = branchId === MAIN_BRANCH;
  return useCachedResource(`episodes:${userId}:${projectId}:${branchId}`, (signal) => api.listEpisodes(projectId, signal, branchId), {
    read: () => (onMain ? offlineCache.episodes(userId, projectId) : null),
    write: (list) => {
      if (onMain) offlineCache.saveEpisodes(userId, projectId, list);
    },
  });
}
