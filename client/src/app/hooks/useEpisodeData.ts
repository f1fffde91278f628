/**
 * What every episode screen needs: the project (for the caller's role) and the episode (for its document
 * names), from the network when online and from the offline cache otherwise, plus the caller's presence
 * identity. A refusal (403/404) forgets the cached role so an offline copy can no longer be edited.
 */
import { useEffect, useMemo } from "react";
import type { EpisodeInfo, ProjectInfo, Role } from "@aiuteur/shared";
import { useBranchId } from "../../branches/branchContext";
import { api, ApiError } from "../api";
import { useSession } from "../auth";
import { offlineCache } from "../cache";
import { colourForUser } from "../colour";
import { useCachedResource, type CachedResource } from "./useCachedResource";
import type { PresenceIdentity } from "./useCollabDocument";

export interface EpisodeData {
  projectId: string;
  episodeId: string;
  /** The story timeline shown (`?branch=`, "main" when absent): the episode's documents are that branch's. */
  branchId: string;
  project: CachedResource<ProjectInfo>;
  episode: CachedResource<EpisodeInfo>;
  role: Role | null;
  identity: PresenceIdentity;
  /** The refusal when this account may not open the episode any more. */
  refusal: ApiError | null;
}

export function useEpisodeData(projectId: string, episodeId: string): EpisodeData {
  const { user } = useSession();
  const project = useProjectData(projectId);
  const branchId = useBranchId();
  const episode = useCachedResource(
    `episode:${user.id}:${projectId}:${episodeId}:${branchId}`,
    (signal) => api.getEpisode(projectId, episodeId, signal, branchId),
    {
      read: () => offlineCache.episode(user.id, projectId, episodeId, branchId),
      write: (value) => offlineCache.saveEpisode(user.id, projectId, value),
    },
  );
  const refusal =
    [episode.error, project.error].find(
      (e): e is ApiError => e instanceof ApiError && (e.status === 403 || e.status === 404),
    ) ?? null;
  const refused = refusal !== null;
  useEffect(() => {
    if (refused) offlineCache.forgetProject(user.id, projectId);
  }, [refused, user.id, projectId]);
  const identity = useIdentity();
  return { projectId, episodeId, branchId, project, episode, role: project.data?.role ?? null, identity, refusal };
}

export function useProjectData(projectId: string): CachedResource<ProjectInfo> {
  const { user } = useSession();
  return useCachedResource(`project:${user.id}:${projectId}`, (signal) => api.getProject(projectId, signal), {
    read: () => offlineCache.project(user.id, projectId),
    write: (value) => offlineCache.saveProject(user.id, value),
  });
}

/** The signed-in user as collaborators see them (name and caret colour). */
export function useIdentity(): PresenceIdentity {
  const { user } = useSession();
  return useMemo(() => ({ id: user.id, name: user.displayName, color: colourForUser(user.id) }), [user.id, user.displayName]);
}
