/**
 * Looking shots up: one by id, or every shot of an episode (including those of orphaned scenes), on the
 * `?branch=` of the request (main when absent): only shots that exist on that branch, named by its documents.
 */
import { canRead } from "@aiuteur/shared";
import { notFound } from "../http/errors.js";
import { sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { pathId } from "../http/validate.js";
import type { Services } from "../services.js";
import { requireBranch } from "./branchParam.js";
import { requireRole, requireThat, requireUser } from "./session.js";

export function shotRoutes(router: Router, services: Services): void {
  router.add("GET", "/api/projects/:projectId/shots/:shotId", async ({ req, res, params, query }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const shotId = pathId(params, "shotId", "shot");
    const role = await requireRole(services, projectId, user.id);
    requireThat(canRead(role, "shot"), "You cannot read shots in this project.");
    const branchId = await requireBranch(services, projectId, query);
    const shot = await services.storyboards.shot(projectId, shotId, branchId);
    if (!shot) throw notFound("No shot with that id in this project.");
    sendJson(res, 200, shot);
  });

  router.add("GET", "/api/projects/:projectId/episodes/:episodeId/shots", async ({ req, res, params, query }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const episodeId = pathId(params, "episodeId", "episode");
    const role = await requireRole(services, projectId, user.id);
    requireThat(canRead(role, "shot"), "You cannot read shots in this project.");
    const branchId = await requireBranch(services, projectId, query);
    if (!(await services.episodes.get(projectId, episodeId, branchId))) throw notFound("No episode with that id in this project.");
    sendJson(res, 200, await services.storyboards.shotsOfEpisode(projectId, episodeId, branchId));
  });
}
