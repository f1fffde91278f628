/**
 * The scene list (derived from the live script) and shot creation in a scene's storyboard.
 */
import { canRead, canWrite, suggestShots, type EpisodeInfo, type Role } from "@aiuteur/shared";
import { badRequest, notFound } from "../http/errors.js";
import { readJsonObject, sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { pathId } from "../http/validate.js";
import type { Services } from "../services.js";
import { createShots, type ShotPlan } from "../storyboard/createShots.js";
import { liveScenes, sceneListItem } from "../storyboard/liveScenes.js";
import { requireBranch } from "./branchParam.js";
import { requireRole, requireThat, requireUser } from "./session.js";

/** Generous: a storyboard holds far fewer shots; the index is clamped to the end anyway. */
const MAX_SHOT_INDEX = 100_000;

/** The episode as seen on the `?branch=` of the request (main when absent). */
async function requireEpisode(services: Services, params: Record<string, string>, query: URLSearchParams, userId: string) {
  const projectId = pathId(params, "projectId", "project");
  const episodeId = pathId(params, "episodeId", "episode");
  const role: Role = await requireRole(services, projectId, userId);
  const branchId = await requireBranch(services, projectId, query);
  const episode: EpisodeInfo | undefined = await services.episodes.get(projectId, episodeId, branchId);
  if (!episode) throw notFound("No episode with that id in this project.");
  return { projectId, branchId, episodeId, role, episode };
}

function shotRequestBody(body: Record<string, unknown>): { suggest: boolean; index: number | undefined } {
  const { suggest, index } = body;
  if (suggest !== undefined && typeof suggest !== "boolean") {
    throw badRequest("suggest must be true or false.", { field: "suggest" });
  }
  if (index !== undefined && (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index > MAX_SHOT_INDEX)) {
    throw badRequest("index must be a whole number from 0 (the first position) upwards.", { field: "index" });
  }
  if (suggest === true && index !== undefined) {
    throw badRequest("Suggested shots are appended to the storyboard: send index only without suggest.", { field: "index" });
  }
  return { suggest: suggest === true, index };
}

export function sceneRoutes(router: Router, services: Services): void {
  router.add("GET", "/api/projects/:projectId/episodes/:episodeId/scenes", async ({ req, res, params, query }) => {
    const user = await requireUser(services, req);
    const { projectId, branchId, episodeId, role, episode } = await requireEpisode(services, params, query, user.id);
    requireThat(canRead(role, "script"), "You cannot read this script.");
    const { scenes } = await liveScenes(services, episode);
    await services.storyboards.registerScenes(projectId, episodeId, scenes.map((scene) => scene.sceneId), branchId);
    sendJson(res, 200, scenes.map((scene) => sceneListItem(projectId, scene, branchId)));
  });

  router.add("POST", "/api/projects/:projectId/episodes/:episodeId/scenes/:sceneId/shots", async ({ req, res, params, query }) => {
    const user = await requireUser(services, req);
    const { projectId, branchId, episodeId, role, episode } = await requireEpisode(services, params, query, user.id);
    const sceneId = pathId(params, "sceneId", "scene");
    requireThat(canWrite(role, "storyboard"), `A ${role} cannot add shots to a storyboard; ask a director or an artist.`);
    const { suggest, index } = shotRequestBody(await readJsonObject(req));

    const { blocks, scenes } = await liveScenes(services, episode);
    const scene = scenes.find((candidate) => candidate.sceneId === sceneId);
    // A scene whose heading was deleted keeps its storyboard (an orphan): shots may still be added to it.
    if (!scene && (await services.storyboards.episodeOfScene(projectId, sceneId)) !== episodeId) {
      throw notFound("No scene with that id in this episode's script or storyboards.");
    }
    await services.storyboards.registerScenes(projectId, episodeId, [sceneId], branchId);

    let plan: ShotPlan;
    if (suggest) {
      // An orphan has no text left to suggest from.
      plan = { kind: "suggested", shots: scene ? suggestShots(blocks, scene) : [] };
    } else {
      plan = index === undefined ? { kind: "one" } : { kind: "one", index };
    }
    const created = await createShots(services, { projectId, branchId, episodeId, sceneId, userId: user.id }, plan);
    sendJson(res, 201, created);
  });
}
