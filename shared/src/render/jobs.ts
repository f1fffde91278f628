/**
 * Job payloads on the render queue (BullMQ when REDIS_URL is set, in-process otherwise). A payload is data
 * from outside the process (Redis), so the worker validates it before acting on it.
 */
import { ID_PATTERN } from "../ids.js";
import { MAIN_BRANCH } from "../documentNames.js";
import { ANIMATIC_TRANSITIONS, DEFAULT_ANIMATIC_OPTIONS, type AnimaticOptions } from "./context.js";

export interface ShotRenderJob {
  type: "shot";
  projectId: string;
  branchId: string;
  shotId: string;
  /** The content the job was queued for; the worker renders only if the locked shot still has it. */
  contentHash: string;
  /**
   * A review copy: the same shot with its annotations burned in, asked for by a reviewer. Mirrored under the
   * shot's review key (reviewMirrorKey), never into the renders table; its files are named by their own hash.
   */
  review?: true;
}

export interface AnimaticJob {
  type: "animatic";
  projectId: string;
  branchId: string;
  episodeId: string;
  options: AnimaticOptions;
}

export type RenderJob = ShotRenderJob | AnimaticJob;

const CONTENT_HASH = /^[0-9a-f]{16,64}$/;

const isId = (value: unknown): value is string => typeof value === "string" && ID_PATTERN.test(value);
const isBranch = (value: unknown): value is string => value === MAIN_BRANCH || isId(value);

/** The payload as a job, or the reason it is not one. */
export function parseRenderJob(data: unknown): RenderJob | { error: string } {
  if (typeof data !== "object" || data === null) return { error: "a job payload must be an object" };
  const job = data as Record<string, unknown>;
  if (!isId(job.projectId)) return { error: "projectId is not an id" };
  if (!isBranch(job.branchId)) return { error: "branchId is not a branch id" };
  if (job.type === "shot") {
    if (!isId(job.shotId)) return { error: "shotId is not an id" };
    if (typeof job.contentHash !== "string" || !CONTENT_HASH.test(job.contentHash)) return { error: "contentHash is not a content hash" };
    if (job.review !== undefined && job.review !== true) return { error: "review must be true when given" };
    return {
      type: "shot",
      projectId: job.projectId,
      branchId: job.branchId,
      shotId: job.shotId,
      contentHash: job.contentHash,
      ...(job.review ? { review: true as const } : {}),
    };
  }
  if (job.type === "animatic") {
    if (!isId(job.episodeId)) return { error: "episodeId is not an id" };
    const options = parseAnimaticOptions(job.options ?? {});
    if ("error" in options) return options;
    return { type: "animatic", projectId: job.projectId, branchId: job.branchId, episodeId: job.episodeId, options };
  }
  return { error: "type must be shot or animatic" };
}

/**
 * The queue's job id: one job per shot content (or per episode animatic), so a job queued twice runs once.
 * Dashes, not colons: BullMQ builds Redis keys with colons and refuses custom ids containing one.
 */
export function renderJobId(job: RenderJob): string {
  return job.type === "shot"
    ? `shot-${job.projectId}-${job.branchId}-${job.shotId}-${job.contentHash}${job.review ? "-review" : ""}`
    : `animatic-${job.projectId}-${job.branchId}-${job.episodeId}`;
}

/** POST …/animatic body or a job's options: defaults filled in, or the reason they are not options. */
export function parseAnimaticOptions(data: unknown): AnimaticOptions | { error: string } {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { error: "options must be an object" };
  const raw = data as Record<string, unknown>;
  const transition = raw.transition ?? DEFAULT_ANIMATIC_OPTIONS.transition;
  if (typeof transition !== "string" || !(ANIMATIC_TRANSITIONS as readonly string[]).includes(transition)) {
    return { error: `transition must be ${ANIMATIC_TRANSITIONS.join(" or ")}` };
  }
  const titleCards = raw.titleCards ?? DEFAULT_ANIMATIC_OPTIONS.titleCards;
  if (typeof titleCards !== "boolean") return { error: "titleCards must be true or false" };
  return { transition: transition as AnimaticOptions["transition"], titleCards };
}
