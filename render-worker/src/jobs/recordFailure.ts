/**
 * Shows a job's final failure where users look: "failed" with the reason on the shot (and its episode's
 * render document), or on the animatic. Runs after the queue let go of the job, so the retry button works
 * the moment the failure appears.
 */
import { parseRenderJob, type ShotRenderContextInfo } from "@aiuteur/shared";
import type { JobFailure } from "../queue/types.js";
import { openAnimaticMirror, openShotMirrors } from "../sync/renderMirrors.js";
import type { JobEnvironment } from "./jobEnvironment.js";

export async function recordFinalFailure(failure: JobFailure, env: JobEnvironment): Promise<void> {
  const job = parseRenderJob(failure.payload);
  if ("error" in job) return; // an invalid payload names no shot to mark; it was logged when it failed
  const { projectId, branchId } = job;
  if (job.type === "animatic") {
    const mirror = await openAnimaticMirror(env.api.serverUrl, env.token, { projectId, branchId, episodeId: job.episodeId });
    try {
      mirror.write({ status: "failed", progress: 0, error: failure.error.message, artifacts: {}, timeline: [] });
      await mirror.flush();
    } finally {
      mirror.close();
    }
    return;
  }
  const context = await env.api.getJson<ShotRenderContextInfo>(
    `/api/projects/${encodeURIComponent(projectId)}/shots/${encodeURIComponent(job.shotId)}/render-context?branch=${encodeURIComponent(branchId)}`,
  );
  // The shot was unlocked or re-locked with other content meanwhile: this failure is no longer its state.
  if (context.contentHash !== job.contentHash) return;
  const mirrors = await openShotMirrors(env.api.serverUrl, env.token, { projectId, branchId, shotId: job.shotId, episodeId: context.episodeId, review: job.review === true });
  try {
    mirrors.write({
      contentHash: job.contentHash,
      status: "failed",
      progress: 0,
      error: failure.error.message,
      attempts: failure.attempts,
      artifacts: {},
      provider: context.provider,
      ...(context.provider === "builtin" ? {} : { prompt: context.prompt }),
    });
    await mirrors.flush();
  } finally {
    mirrors.close();
  }
}
