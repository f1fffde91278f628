/**
 * Render routes (issue 5, docs/api.md "Renders" and "Animatic"). Members read; those who may edit shots
 * retry failed renders and ask for animatics; owners and directors choose the render settings; the render
 * worker (service token) reads contexts and plans.
 */
import type { IncomingMessage } from "node:http";
import {
  canLock,
  CLIP_FORMATS,
  type ClipFormat,
  type RenderJob,
  type RenderSettingsInfo,
  type ShotRenderContextInfo,
  canRead,
  canWrite,
  ERROR_CODES,
  parseAnimaticOptions,
  RENDER_PROVIDERS,
  RENDER_RESOLUTIONS,
  renderJobId,
  type AnimaticInfo,
  type AnimaticJob,
  type FailedRenderInfo,
  type RenderProviderId,
  type RenderResolution,
  type ShotRenderInfo,
  type ShotRenderJob,
} from "@aiuteur/shared";
import { badRequest, HttpError, notFound } from "../http/errors.js";
import { readJsonObject, sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { pathId } from "../http/validate.js";
import { animaticPlan } from "../render/animaticPlan.js";
import { artifactUrls } from "../render/artifactKeys.js";
import { providerConfigured } from "../render/providerStatus.js";
import { renderContext } from "../render/renderContext.js";
import { ensureRenderDocument } from "../render/renderDocument.js";
import { PlacementCache, placeShot, shotRenderState } from "../render/shotRenderState.js";
import type { Services } from "../services.js";
import type { RenderRow } from "../store/renders.js";
import { requireBranch } from "./branchParam.js";
import { requireMemberOrService, requireService, type Caller } from "./caller.js";
import { requireThat } from "./session.js";

const iso = (ms: number) => new Date(ms).toISOString();

/** ShotRenderInfo plus `stale`: the shot is no longer locked at this content. */
export type ShotRenderListItem = ShotRenderInfo & { stale: boolean };

function shotRenderInfo(projectId: string, row: RenderRow, currentHash: string | null): ShotRenderListItem {
  return {
    contentHash: row.contentHash,
    status: row.status,
    progress: row.progress,
    ...(row.error ? { error: row.error } : {}),
    artifacts: artifactUrls(projectId, row.artifacts),
    attempts: row.attempts,
    ...(row.provider ? { provider: row.provider } : {}),
    ...(row.prompt ? { prompt: row.prompt } : {}),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    stale: row.contentHash !== currentHash,
  };
}

function requireReadShots(caller: Caller): void {
  if (caller.kind === "user") requireThat(canRead(caller.role, "shot"), "You cannot read shots in this project.");
}

function requireEditShots(caller: Caller, what: string): void {
  if (caller.kind === "service") throw new HttpError(403, ERROR_CODES.forbidden, "The render worker does not ask for renders.");
  requireThat(canWrite(caller.role, "shot"), `A ${caller.role} cannot ${what}; ask a director, an artist or an owner.`);
}

/** A JSON object body, or {} when none was sent (every field of these bodies is optional). */
async function optionalJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const length = req.headers["content-length"];
  if ((length === undefined || length === "0") && req.headers["transfer-encoding"] === undefined) return {};
  return readJsonObject(req);
}

/** The project's render settings with which providers this deployment has configured. */
async function renderSettingsInfo(services: Services, projectId: string): Promise<RenderSettingsInfo> {
  const settings = await services.projects.renderSettings(projectId);
  if (!settings) throw notFound("No project with that id.");
  return { ...settings, providers: RENDER_PROVIDERS.map((id) => ({ id, configured: providerConfigured(id) })) };
}

/** Queues the job unless the queue already holds it (a retry or a second click while it waits). */
async function queueOnce(services: Services, job: RenderJob): Promise<void> {
  if (!(await services.renderQueue.has(renderJobId(job)))) await services.renderQueue.add(job);
}

async function requireRenderContext(services: Services, projectId: string, branchId: string, shotId: string): Promise<ShotRenderContextInfo> {
  const context = await renderContext(services, projectId, branchId, shotId);
  if (!context) throw notFound("No shot with that id in this project.");
  return context;
}

export function renderRoutes(router: Router, services: Services): void {
  router.add("GET", "/api/projects/:projectId/shots/:shotId/renders", async ({ req, res, params, query }) => {
    const projectId = pathId(params, "projectId", "project");
    const shotId = pathId(params, "shotId", "shot");
    requireReadShots(await requireMemberOrService(services, req, projectId));
    const branchId = await requireBranch(services, projectId, query);
    const settings = await services.projects.renderSettings(projectId);
    const state = settings ? await shotRenderState(services, projectId, branchId, shotId, settings) : null;
    if (!state) throw notFound("No shot with that id in this project.");
    const rows = await services.renders.ofShot(projectId, branchId, shotId);
    sendJson(res, 200, rows.map((row) => shotRenderInfo(projectId, row, state.locked ? state.contentHash : null)));
  });

  router.add("GET", "/api/projects/:projectId/renders/failed", async ({ req, res, params, query }) => {
    const projectId = pathId(params, "projectId", "project");
    requireReadShots(await requireMemberOrService(services, req, projectId));
    const branchId = await requireBranch(services, projectId, query);
    const cache = new PlacementCache(services);
    const failed: FailedRenderInfo[] = [];
    for (const row of await services.renders.failed(projectId, branchId)) {
      const placement = await placeShot(services, projectId, branchId, row.shotId, cache);
      if (!placement) continue;
      const shot = await services.readDocument(placement.shot.documents.shot);
      const number = shot?.getMap("fields").get("number");
      failed.push({
        projectId,
        branchId,
        shotId: row.shotId,
        episodeId: placement.episode.id,
        sceneNumber: placement.scene?.number ?? "",
        shotNumber: typeof number === "string" ? number : "",
        contentHash: row.contentHash,
        error: row.error ?? "The render failed.",
        attempts: row.attempts,
        updatedAt: iso(row.updatedAt),
      });
    }
    sendJson(res, 200, failed);
  });

  router.add("POST", "/api/projects/:projectId/shots/:shotId/renders/retry", async ({ req, res, params, query }) => {
    const projectId = pathId(params, "projectId", "project");
    const shotId = pathId(params, "shotId", "shot");
    requireEditShots(await requireMemberOrService(services, req, projectId), "retry renders");
    const branchId = await requireBranch(services, projectId, query);
    const body = await optionalJsonObject(req);
    let contentHash = body.contentHash;
    if (contentHash !== undefined && typeof contentHash !== "string") throw badRequest("contentHash must be text.", { field: "contentHash" });
    if (contentHash === undefined) {
      // Without a hash: the shot's newest failed render.
      contentHash = (await services.renders.ofShot(projectId, branchId, shotId)).find((row) => row.status === "failed")?.contentHash;
    }
    if (typeof contentHash !== "string" || !(await services.renders.retry(projectId, branchId, shotId, contentHash))) {
      throw new HttpError(409, ERROR_CODES.conflict, "This shot has no failed render to retry.");
    }
    const job: ShotRenderJob = { type: "shot", projectId, branchId, shotId, contentHash };
    await queueOnce(services, job);
    services.log.info("render.retried", { projectId, branchId, shotId, contentHash });
    sendJson(res, 202, { status: "queued", contentHash });
  });

  router.add("POST", "/api/projects/:projectId/shots/:shotId/renders/review-copy", async ({ req, res, params, query }) => {
    const projectId = pathId(params, "projectId", "project");
    const shotId = pathId(params, "shotId", "shot");
    const caller = await requireMemberOrService(services, req, projectId);
    if (caller.kind === "service") throw new HttpError(403, ERROR_CODES.forbidden, "The render worker does not ask for renders.");
    // Whoever may annotate the shot may ask for a copy with the annotations burned in.
    requireThat(canWrite(caller.role, "notes"), `A ${caller.role} cannot annotate shots, so cannot ask for a review copy.`);
    const branchId = await requireBranch(services, projectId, query);
    const context = await requireRenderContext(services, projectId, branchId, shotId);
    if (!context.contentHash) {
      throw new HttpError(409, ERROR_CODES.conflict, "Only a locked shot has a review copy: ask an owner or a director to lock it first.");
    }
    const job: ShotRenderJob = { type: "shot", projectId, branchId, shotId, contentHash: context.contentHash, review: true };
    await queueOnce(services, job);
    services.log.info("render.review_copy_requested", { projectId, branchId, shotId, userId: caller.user.id });
    sendJson(res, 202, { status: "queued" });
  });

  router.add("GET", "/api/projects/:projectId/shots/:shotId/render-context", async ({ req, res, params, query }) => {
    const projectId = pathId(params, "projectId", "project");
    const shotId = pathId(params, "shotId", "shot");
    requireReadShots(await requireMemberOrService(services, req, projectId));
    const branchId = await requireBranch(services, projectId, query);
    const context = await requireRenderContext(services, projectId, branchId, shotId);
    sendJson(res, 200, context);
  });

  router.add("POST", "/api/projects/:projectId/episodes/:episodeId/animatic", async ({ req, res, params, query }) => {
    const projectId = pathId(params, "projectId", "project");
    const episodeId = pathId(params, "episodeId", "episode");
    requireEditShots(await requireMemberOrService(services, req, projectId), "make animatics");
    const branchId = await requireBranch(services, projectId, query);
    const options = parseAnimaticOptions(await optionalJsonObject(req));
    if ("error" in options) throw badRequest(options.error);
    const episode = await services.episodes.get(projectId, episodeId, branchId);
    if (!episode) throw notFound("No episode with that id in this project.");
    const plan = await animaticPlan(services, projectId, branchId, episode, options);
    if (!plan || plan.shots.length === 0) {
      throw new HttpError(409, ERROR_CODES.conflict, "No locked shot of this episode has a finished render yet: lock shots and wait for their clips first.");
    }
    await ensureRenderDocument(services, projectId, branchId, episodeId);
    await services.renders.queueAnimatic(projectId, branchId, episodeId, options);
    const job: AnimaticJob = { type: "animatic", projectId, branchId, episodeId, options };
    await queueOnce(services, job);
    services.log.info("render.animatic-queued", { projectId, branchId, episodeId, shots: plan.shots.length });
    sendJson(res, 202, { status: "queued" });
  });

  router.add("GET", "/api/projects/:projectId/episodes/:episodeId/animatic", async ({ req, res, params, query }) => {
    const projectId = pathId(params, "projectId", "project");
    const episodeId = pathId(params, "episodeId", "episode");
    requireReadShots(await requireMemberOrService(services, req, projectId));
    const branchId = await requireBranch(services, projectId, query);
    if (!(await services.episodes.get(projectId, episodeId, branchId))) throw notFound("No episode with that id in this project.");
    const row = await services.renders.animatic(projectId, branchId, episodeId);
    const info: AnimaticInfo = row
      ? {
          status: row.status,
          progress: row.progress,
          ...(row.error ? { error: row.error } : {}),
          artifacts: artifactUrls(projectId, row.artifacts),
          timeline: row.timeline,
          updatedAt: iso(row.updatedAt),
        }
      : { status: null, progress: 0, artifacts: {}, timeline: [], updatedAt: null };
    sendJson(res, 200, info);
  });

  router.add("GET", "/api/projects/:projectId/episodes/:episodeId/animatic-plan", async ({ req, res, params, query }) => {
    const projectId = pathId(params, "projectId", "project");
    const episodeId = pathId(params, "episodeId", "episode");
    await requireService(services, req, projectId);
    const branchId = await requireBranch(services, projectId, query);
    const episode = await services.episodes.get(projectId, episodeId, branchId);
    if (!episode) throw notFound("No episode with that id in this project.");
    const plan = await animaticPlan(services, projectId, branchId, episode);
    if (!plan) throw notFound("No project with that id.");
    sendJson(res, 200, plan);
  });

  router.add("GET", "/api/projects/:projectId/render-settings", async ({ req, res, params }) => {
    const projectId = pathId(params, "projectId", "project");
    await requireMemberOrService(services, req, projectId);
    sendJson(res, 200, await renderSettingsInfo(services, projectId));
  });

  router.add("PATCH", "/api/projects/:projectId/render-settings", async ({ req, res, params }) => {
    const projectId = pathId(params, "projectId", "project");
    const caller = await requireMemberOrService(services, req, projectId);
    if (caller.kind === "service") throw new HttpError(403, ERROR_CODES.forbidden, "The render worker does not change settings.");
    requireThat(canLock(caller.role), "Only owners and directors choose how shots are rendered.");
    const body = await readJsonObject(req);
    const patch: { renderResolution?: RenderResolution; renderProvider?: RenderProviderId; renderFormat?: ClipFormat } = {};
    if (body.renderResolution !== undefined) {
      if (typeof body.renderResolution !== "string" || !(body.renderResolution in RENDER_RESOLUTIONS)) {
        throw badRequest(`renderResolution must be ${Object.keys(RENDER_RESOLUTIONS).join(" or ")}.`, { field: "renderResolution" });
      }
      patch.renderResolution = body.renderResolution as RenderResolution;
    }
    if (body.renderProvider !== undefined) {
      if (typeof body.renderProvider !== "string" || !(RENDER_PROVIDERS as readonly string[]).includes(body.renderProvider)) {
        throw badRequest(`renderProvider must be one of ${RENDER_PROVIDERS.join(", ")}.`, { field: "renderProvider" });
      }
      patch.renderProvider = body.renderProvider as RenderProviderId;
    }
    if (body.renderFormat !== undefined) {
      if (typeof body.renderFormat !== "string" || !(CLIP_FORMATS as readonly string[]).includes(body.renderFormat)) {
        throw badRequest(`renderFormat must be ${CLIP_FORMATS.join(" or ")}.`, { field: "renderFormat" });
      }
      patch.renderFormat = body.renderFormat as ClipFormat;
    }
    await services.projects.setRenderSettings(projectId, patch);
    services.log.info("project.render-settings", { projectId, userId: caller.user.id, ...patch });
    // New settings change every content hash (resolution) or how shots render: queue what is needed now.
    services.reconciler.schedule(projectId);
    sendJson(res, 200, await renderSettingsInfo(services, projectId));
  });
}
