/**
 * One shot render: checks the locked shot still has the content the job was queued for, reuses the
 * artifacts of an equal earlier render, or draws the clip and uploads it, mirroring progress and the result
 * into the documents as it goes.
 */
import {
  RENDER_RESOLUTIONS,
  readShotRenderInput,
  renderContentHash,
  shotArtifactKey,
  clipArtifactKind,
  type ShotRenderArtifacts,
  type ShotRenderContextInfo,
  type ShotRenderJob,
} from "@aiuteur/shared";
import { renderShotClip } from "../clip/renderShotClip.js";
import { createProvider } from "../providers/index.js";
import { createArtifactClient, type ArtifactClient } from "../upload/artifactClient.js";
import { openShotMirrors, type ShotMirrors } from "../sync/renderMirrors.js";
import { throttleProgress } from "../sync/progressThrottle.js";
import { ServerAnswerError } from "../sync/serverApi.js";
import { PermanentJobError } from "../queue/types.js";
import { errorMessage, type JobEnvironment, type JobRun } from "./jobEnvironment.js";

export type ShotJobOutcome = "rendered" | "reused" | "skipped";

export async function runShotJob(job: ShotRenderJob, run: JobRun, env: JobEnvironment): Promise<ShotJobOutcome> {
  const { projectId, branchId, shotId } = job;
  const context = await env.api
    .getJson<ShotRenderContextInfo>(
      `/api/projects/${encodeURIComponent(projectId)}/shots/${encodeURIComponent(shotId)}/render-context?branch=${encodeURIComponent(branchId)}`,
      run.signal,
    )
    .catch((error: unknown) => {
      // The project, branch or shot is gone (deleted, or a job from another deployment): retrying cannot help.
      throw error instanceof ServerAnswerError && error.status === 404 ? new PermanentJobError(error.message) : error;
    });
  if (context.contentHash !== job.contentHash) {
    // Unlocked, or re-locked with other content (whose own job renders that): nothing to do for this hash.
    env.log("info", "render skipped: the shot no longer has this content locked", { shotId, contentHash: job.contentHash });
    return "skipped";
  }
  const artifacts = createArtifactClient(env.api, projectId);
  const mirrors = await openShotMirrors(env.api.serverUrl, env.token, { projectId, branchId, shotId, episodeId: context.episodeId }, run.signal);
  const recorded = context.provider === "builtin" ? { provider: context.provider } : { provider: context.provider, prompt: context.prompt };
  try {
    try {
      const clipKey = shotArtifactKey(job.contentHash, clipArtifactKind(context.format));
      // The clip is uploaded last, so its presence means the poster and thumbnail are there too.
      if (await artifacts.exists(clipKey, run.signal)) {
        mirrors.write({ contentHash: job.contentHash, status: "done", progress: 100, artifacts: artifactUrls(artifacts, job.contentHash, context), ...recorded });
        await mirrors.flush();
        return "reused";
      }
      await render(job, context, run, env, artifacts, mirrors, recorded);
      return "rendered";
    } catch (error) {
      // A retry is coming: show why, and that the shot waits for it. The last attempt's failure is
      // recorded once the queue let go of the job (recordFinalFailure), so a retry can be asked at once.
      if (!run.signal.aborted && !run.isFinalAttempt) {
        mirrors.write({ contentHash: job.contentHash, status: "queued", progress: 0, error: errorMessage(error), attempts: run.attempt, artifacts: {}, ...recorded });
        await mirrors.flush().catch(() => undefined);
      }
      throw error;
    }
  } finally {
    mirrors.close();
  }
}

async function render(
  job: ShotRenderJob,
  context: ShotRenderContextInfo,
  run: JobRun,
  env: JobEnvironment,
  artifacts: ArtifactClient,
  mirrors: ShotMirrors,
  recorded: { provider: string; prompt?: string },
): Promise<void> {
  const writeProgress = (progress: number) =>
    mirrors.write({ contentHash: job.contentHash, status: "rendering", progress, artifacts: {}, attempts: run.attempt - 1, ...recorded });
  writeProgress(0);
  const input = readShotRenderInput(mirrors.shot.doc, {
    shotId: job.shotId,
    sceneNumber: context.sceneNumber,
    sceneHeading: context.sceneHeading,
    resolution: context.resolution,
  });
  if (renderContentHash(input) !== job.contentHash) {
    // The server hashed the same document a moment ago; a difference means an edit raced the lock check.
    env.log("warn", "the shot document hashes differently from the server's content hash", { shotId: job.shotId, contentHash: job.contentHash });
  }
  const background = await fetchBackground(context, run, env);
  // Drawing is most of the work; uploads take the last few percent.
  const onProgress = throttleProgress((percent) => writeProgress(Math.min(95, Math.round(percent * 0.95))));
  const clip = await renderShotClip({ input, background, format: context.format, outDir: run.folder, onProgress, signal: run.signal });
  await artifacts.upload(shotArtifactKey(job.contentHash, "poster"), clip.poster, run.signal);
  await artifacts.upload(shotArtifactKey(job.contentHash, "thumbnail"), clip.thumbnail, run.signal);
  await artifacts.upload(shotArtifactKey(job.contentHash, clipArtifactKind(context.format)), clip.clip, run.signal);
  mirrors.write({ contentHash: job.contentHash, status: "done", progress: 100, artifacts: artifactUrls(artifacts, job.contentHash, context), attempts: run.attempt - 1, ...recorded });
  await mirrors.flush();
}

/** The picture the sketch is drawn over: the AI provider's frame, else the panel's reference image, else none. */
async function fetchBackground(context: ShotRenderContextInfo, run: JobRun, env: JobEnvironment): Promise<Uint8Array | null> {
  if (context.provider !== "builtin") {
    const provider = createProvider(context.provider, env.env);
    const { width, height } = RENDER_RESOLUTIONS[context.resolution];
    const frame = await provider.generateFrame({ prompt: context.prompt, width, height, signal: run.signal });
    if (frame) return frame;
  }
  if (!context.referenceImage) return null;
  const response = await env.api.request(context.referenceImage, { signal: run.signal });
  if (!response.ok) throw new Error(`the reference image could not be fetched: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function artifactUrls(artifacts: ArtifactClient, contentHash: string, context: ShotRenderContextInfo): ShotRenderArtifacts {
  const kind = clipArtifactKind(context.format);
  return {
    [kind]: artifacts.url(shotArtifactKey(contentHash, kind)),
    poster: artifacts.url(shotArtifactKey(contentHash, "poster")),
    thumbnail: artifacts.url(shotArtifactKey(contentHash, "thumbnail")),
  };
}
