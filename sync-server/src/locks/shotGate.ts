/**
 * The gating rule for shots, looked up on the server: a shot can be locked only once the script of its
 * episode, in the same branch, is locked. The wording comes from shared (shotLockRefusal) so the client
 * says exactly what the server answers.
 */
import { scriptDocumentName, shotLockRefusal } from "@aiuteur/shared";
import { notFound } from "../http/errors.js";
import type { Services } from "../services.js";

export interface ShotInBranch {
  projectId: string;
  branchId: string;
  shotId: string;
}

/** Why the shot cannot be locked yet, or null when it can. */
export async function shotLockGate(services: Services, shot: ShotInBranch): Promise<string | null> {
  const info = await services.storyboards.shot(shot.projectId, shot.shotId, shot.branchId);
  if (!info) throw notFound("No shot with that id in this project.");
  const script = await services.locks.get(scriptDocumentName(shot.projectId, info.episodeId, shot.branchId));
  // Episodes are numbered as they are listed (by position), from 1.
  const episodes = await services.episodes.list(shot.projectId, shot.branchId);
  const episodeNumber = episodes.findIndex((episode) => episode.id === info.episodeId) + 1;
  return shotLockRefusal(script?.status === "locked", episodeNumber);
}
