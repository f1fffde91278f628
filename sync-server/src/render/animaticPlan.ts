/**
 * GET …/episodes/:episodeId/animatic-plan: the episode's locked shots in scene order (the live script's),
 * then storyboard order, each with the files of the finished render of its current content. A shot that is
 * not locked, or whose render is not done, is listed in `missing` with the reason, and left out.
 */
import {
  DEFAULT_ANIMATIC_OPTIONS,
  parseAnimaticOptions,
  readShotOrder,
  storyboardDocumentName,
  type AnimaticOptions,
  type AnimaticPlan,
  type AnimaticPlanShot,
  type EpisodeInfo,
} from "@aiuteur/shared";
import type { Services } from "../services.js";
import { PlacementCache, shotRenderState } from "./shotRenderState.js";

export async function animaticPlan(
  services: Services,
  projectId: string,
  branchId: string,
  episode: EpisodeInfo,
  options?: AnimaticOptions,
): Promise<AnimaticPlan | null> {
  const settings = await services.projects.renderSettings(projectId);
  if (!settings) return null;
  const cache = new PlacementCache(services);
  const scenes = await cache.scenesOf(episode);
  const shots: AnimaticPlanShot[] = [];
  const missing: AnimaticPlan["missing"] = [];
  for (const scene of scenes) {
    const storyboard = await services.readDocument(storyboardDocumentName(projectId, scene.sceneId, branchId));
    if (!storyboard) continue;
    for (const shotId of readShotOrder(storyboard)) {
      const state = await shotRenderState(services, projectId, branchId, shotId, settings, cache);
      if (!state) continue;
      if (!state.locked) {
        missing.push({ shotId, reason: "The shot is not locked." });
        continue;
      }
      const render = await services.renders.get(projectId, branchId, shotId, state.contentHash);
      const clipKey = render?.artifacts.mp4;
      if (render?.status !== "done" || !clipKey) {
        missing.push({ shotId, reason: render?.status === "failed" ? `Its render failed: ${render.error ?? "unknown error"}` : "Its render is not finished yet." });
        continue;
      }
      shots.push({
        shotId,
        sceneId: scene.sceneId,
        sceneNumber: scene.number,
        sceneHeading: scene.heading,
        shotNumber: state.fields.number,
        duration: state.fields.duration,
        dialogue: state.fields.dialogue.map((line) => `${line.character}: ${line.text}`),
        contentHash: state.contentHash,
        clipKey,
        thumbnailKey: render.artifacts.thumbnail ?? "",
      });
    }
  }
  return {
    projectId,
    branchId,
    episodeId: episode.id,
    episodeTitle: episode.title,
    resolution: settings.renderResolution,
    options: options ?? (await storedOptions(services, projectId, branchId, episode.id)),
    shots,
    missing,
  };
}

/** The options the animatic was last asked for, defaults filled in. */
async function storedOptions(services: Services, projectId: string, branchId: string, episodeId: string): Promise<AnimaticOptions> {
  const row = await services.renders.animatic(projectId, branchId, episodeId);
  const parsed = parseAnimaticOptions(row?.options ?? {});
  return "error" in parsed ? DEFAULT_ANIMATIC_OPTIONS : parsed;
}
