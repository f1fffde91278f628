import { FIELD_LIMITS } from "@aiuteur/shared";
import { readJsonObject, sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { pathId, requiredString } from "../http/validate.js";
import type { Services } from "../services.js";
import { requireRole, requireUser } from "./session.js";

export function projectRoutes(router: Router, services: Services): void {
  router.add("POST", "/api/projects", async ({ req, res }) => {
    const user = await requireUser(services, req);
    const title = requiredString(await readJsonObject(req), "title", FIELD_LIMITS.title);
    const project = await services.projects.create(title, user.id);
    services.log.info("project.created", { projectId: project.id, userId: user.id });
    sendJson(res, 201, project);
  });

  router.add("GET", "/api/projects", async ({ req, res }) => {
    const user = await requireUser(services, req);
    sendJson(res, 200, await services.projects.listFor(user.id));
  });

  router.add("GET", "/api/projects/:projectId", async ({ req, res, params }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    await requireRole(services, projectId, user.id);
    const [project, settings] = await Promise.all([services.projects.getFor(projectId, user.id), services.projects.renderSettings(projectId)]);
    // The render settings (PATCH …/render-settings) come with the project, for the settings page and the worker.
    sendJson(res, 200, { ...project, ...settings });
  });
}
