/**
 * The queue handler: validates the payload (it comes from Redis, i.e. from outside), gives the job a private
 * folder, runs it and removes the folder whatever happened.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { parseRenderJob, type RenderJob } from "@aiuteur/shared";
import { PermanentJobError, type QueueJobContext } from "../queue/types.js";
import { runAnimaticJob } from "./animaticJob.js";
import { runShotJob } from "./shotJob.js";
import { errorMessage, type JobEnvironment } from "./jobEnvironment.js";

export async function runRenderJob(payload: unknown, context: QueueJobContext, workDir: string, env: JobEnvironment): Promise<void> {
  const job = parseRenderJob(payload);
  if ("error" in job) {
    env.log("error", "invalid render job payload; failed without retry", { jobId: context.id, reason: job.error });
    throw new PermanentJobError(`invalid render job: ${job.error}`);
  }
  const folder = await mkdtemp(join(workDir, `${job.type}-`));
  const started = Date.now();
  const fields = { jobId: context.id, attempt: context.attempt, ...describe(job) };
  env.log("info", "render job started", fields);
  try {
    const run = { folder, attempt: context.attempt, isFinalAttempt: context.isFinalAttempt, signal: context.signal };
    const outcome = job.type === "shot" ? await runShotJob(job, run, env) : await runAnimaticJob(job, run, env);
    env.log("info", "render job finished", { ...fields, outcome, ms: Date.now() - started });
  } catch (error) {
    env.log(context.isFinalAttempt ? "error" : "warn", "render job failed", { ...fields, error: errorMessage(error), final: context.isFinalAttempt });
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function describe(job: RenderJob): Record<string, string> {
  return job.type === "shot"
    ? { type: job.type, projectId: job.projectId, branchId: job.branchId, shotId: job.shotId, contentHash: job.contentHash }
    : { type: job.type, projectId: job.projectId, branchId: job.branchId, episodeId: job.episodeId };
}
