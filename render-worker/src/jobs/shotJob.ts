/**
 * One shot render: checks the locked shot still has the content the job was queued for, reuses the
 * artifacts of an equal earlier render, or draws the clip and uploads it, mirroring progress and the result
 * into the documents as it goes. A review copy is the same shot with its annotations (from the shot's notes
 * document) burned in: named by its own content hash and mirrored under the shot's review key.
 */
import {
  RENDER_RESOLUTIONS,
  readShotRenderInput,
  renderContentHash,
  shotArtifactKey,
  clipArtifactKind,
  notesDocumentName,
  type ShotRenderArtifacts,
  type ShotRenderInput,
  type ShotRenderContextInfo,
  type ShotRenderJob,
} from "@aiuteur/shared";
import { join } from "node:path";
import { renderShotClip } from "../clip/renderShotClip.js";
import { transcodeToWebm } from "../encode/transcode.js";
import { createProvider, ProviderError, type RenderProvider } from "../providers/index.js";
import { createArtifactClient, type ArtifactClient } from "../upload/artifactClient.js";
import { openShotMirrors, type ShotMirrors } from "../sync/renderMirrors.js";
import { openDocument } from "../sync/openDocument.js";
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
  const review = job.review === true;
  const mirrors = await openShotMirrors(env.api.serverUrl, env.token, { projectId, branchId, shotId, episodeId: context.episodeId, review }, run.signal);
  const recorded = context.provider === "builtin" ? { provider: context.provider } : { provider: context.provider, prompt: context.prompt };
  // What the mirror names until the input is read: the clean hash (a review copy's own hash comes with its notes).
  let shownHash = job.contentHash;
  try {
    try {
      const input = await readInput(job, context, mirrors, env, run);
      const contentHash = review ? renderContentHash(input) : job.contentHash;
      shownHash = contentHash;
      if (!review && renderContentHash(input) !== job.contentHash) {
        // The server hashed the same document a moment ago; a difference means an edit raced the lock check.
        env.log("warn", "the shot document hashes differently from the server's content hash", { shotId, contentHash: job.contentHash });
      }
      const clipKey = shotArtifactKey(contentHash, clipArtifactKind(context.format));
      // The clip is uploaded last, so its presence means the poster and thumbnail are there too.
      if (await artifacts.exists(clipKey, run.signal)) {
        mirrors.write({ contentHash, status: "done", progress: 100, artifacts: artifactUrls(artifacts, contentHash, context), ...recorded });
        await mirrors.flush();
        return "reused";
      }
      await render(input, contentHash, context, run, env, artifacts, mirrors, recorded);
      return "rendered";
    } catch (error) {
      // A retry is coming: show why, and that the shot waits for it. The last attempt's failure is
      // recorded once the queue let go of the job (recordFinalFailure), so a retry can be asked at once.
      if (!run.signal.aborted && !run.isFinalAttempt && !(error instanceof PermanentJobError)) {
        mirrors.write({ contentHash: shownHash, status: "queued", progress: 0, error: errorMessage(error), attempts: run.attempt, artifacts: {}, ...recorded });
        await mirrors.flush().catch(() => undefined);
      }
      throw error;
    }
  } finally {
    mirrors.close();
  }
}

/** The shot as it is drawn: its document's fields and sketch and, for a review copy, its notes' annotations. */
async function readInput(job: ShotRenderJob, context: ShotRenderContextInfo, mirrors: ShotMirrors, env: JobEnvironment, run: JobRun): Promise<ShotRenderInput> {
  const placement = { shotId: job.shotId, sceneNumber: context.sceneNumber, sceneHeading: context.sceneHeading, resolution: context.resolution, format: context.format };
  if (!job.review) return readShotRenderInput(mirrors.shot.doc, placement);
  const notes = await openDocument(env.api.serverUrl, notesDocumentName(job.projectId, "shot", job.shotId, job.branchId), env.token, { signal: run.signal });
  try {
    return readShotRenderInput(mirrors.shot.doc, { ...placement, burnAnnotations: true }, notes.doc);
  } finally {
    notes.close();
  }
}

async function render(
  input: ShotRenderInput,
  contentHash: string,
  context: ShotRenderContextInfo,
  run: JobRun,
  env: JobEnvironment,
  artifacts: ArtifactClient,
  mirrors: ShotMirrors,
  recorded: { provider: string; prompt?: string },
): Promise<void> {
  const writeProgress = (progress: number) =>
    mirrors.write({ contentHash, status: "rendering", progress, artifacts: {}, attempts: run.attempt - 1, ...recorded });
  writeProgress(0);
  const background = await fetchBackground(context, run, env);
  // Drawing is most of the work; uploads take the last few percent.
  const onProgress = throttleProgress((percent) => writeProgress(Math.min(95, Math.round(percent * 0.95))));
  // Always an MP4 (the animatic joins MP4 clips); a WebM project also gets a WebM made from it.
  const clip = await renderShotClip({ input, background, format: "mp4", outDir: run.folder, onProgress, signal: run.signal });
  await artifacts.upload(shotArtifactKey(contentHash, "poster"), clip.poster, run.signal);
  await artifacts.upload(shotArtifactKey(contentHash, "thumbnail"), clip.thumbnail, run.signal);
  if (context.format === "webm") {
    await artifacts.upload(shotArtifactKey(contentHash, "mp4"), clip.clip, run.signal);
    writeProgress(97);
    const webm = join(run.folder, "clip.webm");
    await transcodeToWebm(clip.clip, webm, run.signal);
    await artifacts.upload(shotArtifactKey(contentHash, "webm"), webm, run.signal);
  } else {
    await artifacts.upload(shotArtifactKey(contentHash, "mp4"), clip.clip, run.signal);
  }
  mirrors.write({ contentHash, status: "done", progress: 100, artifacts: artifactUrls(artifacts, contentHash, context), attempts: run.attempt - 1, ...recorded });
  await mirrors.flush();
}

/** The picture the sketch is drawn over: the AI provider's frame, else the panel's reference image, else none. */
async function fetchBackground(context: ShotRenderContextInfo, run: JobRun, env: JobEnvironment): Promise<Uint8Array | null> {
  if (context.provider !== "builtin") {
    const frame = await generateProviderFrame(context, run, env);
    if (frame) return frame;
  }
  if (!context.referenceImage) return null;
  const response = await env.api.request(context.referenceImage, { signal: run.signal });
  if (!response.ok) throw new Error(`the reference image could not be fetched: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * A provider that is not configured, or that refuses the request itself (bad key, bad prompt, unknown model),
 * gives the same answer on every attempt: fail at once with its reason instead of after the retries.
 * Overload (429), server errors and timeouts stay retryable.
 */
async function generateProviderFrame(context: ShotRenderContextInfo, run: JobRun, env: JobEnvironment): Promise<Uint8Array | null> {
  let provider: RenderProvider;
  try {
    provider = createProvider(context.provider, env.env);
  } catch (error) {
    throw new PermanentJobError(errorMessage(error));
  }
  const { width, height } = RENDER_RESOLUTIONS[context.resolution];
  try {
    return await provider.generateFrame({ prompt: context.prompt, width, height, signal: run.signal });
  } catch (error) {
    if (error instanceof ProviderError && error.status !== null && REFUSALS.has(error.status)) throw new PermanentJobError(error.message);
    throw error;
  }
}

const REFUSALS = new Set([400, 401, 403, 404, 413, 422]);

function artifactUrls(artifacts: ArtifactClient, contentHash: string, context: ShotRenderContextInfo): ShotRenderArtifacts {
  return {
    mp4: artifacts.url(shotArtifactKey(contentHash, "mp4")),
    ...(context.format === "webm" ? { webm: artifacts.url(shotArtifactKey(contentHash, "webm")) } : {}),
    poster: artifacts.url(shotArtifactKey(contentHash, "poster")),
    thumbnail: artifacts.url(shotArtifactKey(contentHash, "thumbnail")),
  };
}
