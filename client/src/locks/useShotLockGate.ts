/**
 * Why a shot cannot be locked yet (shotLockRefusal: "Lock the script of episode 2 first"), live: the
 * episode's script on the same timeline is opened through the page's document pool and its lock mirror
 * read, so the Lock button enables the moment a director locks the script anywhere. Also the episode's
 * title, for the name "Unlock on a new branch" proposes.
 */
import { scriptDocumentName, shotLockRefusal } from "@aiuteur/shared";
import { api } from "../app/api";
import { useResource } from "../app/hooks/useResource";
import { useSharedDocument } from "../storyboard/useSharedDocument";
import { isLocked } from "./lockText";
import { useLockMirror } from "./useLockMirror";

export interface ShotLockGate {
  /** The refusal, null when the shot may be locked, undefined while it is not known yet. */
  refusal: string | null | undefined;
  episodeTitle: string;
}

export function useShotLockGate(projectId: string, episodeId: string, branchId: string): ShotLockGate {
  const scriptName = scriptDocumentName(projectId, episodeId, branchId);
  const script = useSharedDocument(scriptName);
  const mirror = useLockMirror(script?.ready ? script.doc : null, scriptName);
  // The episode number is its place in the project's list of episodes.
  const episodes = useResource(`episodes:${projectId}`, (signal) => api.listEpisodes(projectId, signal));
  const index = episodes.data?.findIndex((episode) => episode.id === episodeId) ?? -1;
  const episodeTitle = episodes.data?.[index]?.title ?? "";
  if (!script?.ready) return { refusal: undefined, episodeTitle };
  if (isLocked(mirror)) return { refusal: null, episodeTitle };
  return { refusal: index >= 0 ? shotLockRefusal(false, index + 1) : undefined, episodeTitle };
}
