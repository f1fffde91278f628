/**
 * An episode animatic: the server's plan lists the locked shots with finished clips in order; the worker
 * downloads those clips, joins them (cuts by stream copy, dissolves and title cards drawn), writes the NLE
 * exports from the same timeline and uploads everything under the timeline's hash, so asking again for an
 * unchanged episode reuses the files.
 */
import { join } from "node:path";
import { writeFile } from "node:fs/promises";
import {
  animaticArtifactKey,
  buildAnimaticTimeline,
  toEdl,
  toFcp7Xml,
  toOtio,
  type AnimaticArtifactKind,
  type AnimaticArtifacts,
  type AnimaticJob,
  type AnimaticPlan,
  type AnimaticTimelineEntry,
} from "@aiuteur/shared";
import { assembleAnimatic } from "../animatic/assembleAnimatic.js";
import { createArtifactClient } from "../upload/artifactClient.js";
import { openAnimaticMirror } from "../sync/renderMirrors.js";
import { throttleProgress } from "../sync/progressThrottle.js";
import { ServerAnswerError } from "../sync/serverApi.js";
import { PermanentJobError } from "../queue/types.js";
import { errorMessage, type JobEnvironment, type JobRun } from "./jobEnvironment.js";

const EXPORT_KINDS = ["otio", "fcpxml", "edl"] as const satisfies readonly AnimaticArtifactKind[];

export async function runAnimaticJob(job: AnimaticJob, run: JobRun, env: JobEnvironment): Promise<"rendered" | "reused"> {
  const { projectId, branchId, episodeId } = job;
  const plan = await env.api
    .getJson<AnimaticPlan>(
      `/api/projects/${encodeURIComponent(projectId)}/episodes/${encodeURIComponent(episodeId)}/animatic-plan?branch=${encodeURIComponent(branchId)}`,
      run.signal,
    )
    .catch((error: unknown) => {
      throw error instanceof ServerAnswerError && error.status === 404 ? new PermanentJobError(error.message) : error;
    });
  const mirror = await openAnimaticMirror(env.api.serverUrl, env.token, { projectId, branchId, episodeId }, run.signal);
  let timeline: AnimaticTimelineEntry[] = [];
  try {
    // The job's options are what the user asked for; the plan echoes the stored ones.
    const built = buildAnimaticTimeline({ ...plan, options: job.options });
    timeline = built.entries;
    const artifacts = createArtifactClient(env.api, projectId);
    const key = (kind: AnimaticArtifactKind) => animaticArtifactKey(branchId, episodeId, built.hash, kind);
    const urls: AnimaticArtifacts = { mp4: artifacts.url(key("mp4")), ...Object.fromEntries(EXPORT_KINDS.map((kind) => [kind, artifacts.url(key(kind))])) };
    const progress = (value: number) => mirror.write({ status: "rendering", progress: value, artifacts: {}, timeline });
    progress(0);
    if (plan.shots.length === 0) throw new PermanentJobError("no locked shot of this episode has a finished render");

    // The MP4 is uploaded last, so its presence means the exports are there too.
    if (await artifacts.exists(key("mp4"), run.signal)) {
      mirror.write({ status: "done", progress: 100, artifacts: urls, timeline });
      await mirror.flush();
      return "reused";
    }

    const clips = new Map<string, string>();
    for (const [index, shot] of plan.shots.entries()) {
      const file = join(run.folder, `clip-${index}.mp4`);
      await artifacts.download(shot.clipKey, file, run.signal);
      clips.set(shot.shotId, file);
      progress(Math.round(((index + 1) / plan.shots.length) * 20));
    }
    const output = join(run.folder, "animatic.mp4");
    const onProgress = throttleProgress((percent) => progress(20 + Math.round(percent * 0.7)));
    await assembleAnimatic({ timeline: built, clips, outPath: output, workDir: run.folder, onProgress, signal: run.signal });

    const name = plan.episodeTitle || episodeId;
    const exports: Record<(typeof EXPORT_KINDS)[number], string> = {
      // Relative media: an editor opens the export next to the downloaded animatic.mp4.
      otio: toOtio(built, { name, mediaUrl: "animatic.mp4" }),
      fcpxml: toFcp7Xml(built, { name, mediaUrl: "animatic.mp4" }),
      edl: toEdl(built, { title: name, reel: "ANIMATIC", sourceFile: "animatic.mp4" }),
    };
    for (const kind of EXPORT_KINDS) {
      const file = join(run.folder, `animatic.${kind}`);
      await writeFile(file, exports[kind]);
      await artifacts.upload(key(kind), file, run.signal);
    }
    progress(95);
    await artifacts.upload(key("mp4"), output, run.signal);
    mirror.write({ status: "done", progress: 100, artifacts: urls, timeline });
    await mirror.flush();
    return "rendered";
  } catch (error) {
    // The final failure is recorded once the queue let go of the job (recordFinalFailure).
    if (!run.signal.aborted && !run.isFinalAttempt && !(error instanceof PermanentJobError)) {
      mirror.write({ status: "queued", progress: 0, error: errorMessage(error), artifacts: {}, timeline });
      await mirror.flush().catch(() => undefined);
    }
    throw error;
  } finally {
    mirror.close();
  }
}
