/**
 * The episode animatic's MP4, assembled from the shots' finished clips along the shared timeline (timeline.ts
 * in shared): untouched clips are joined by stream copy, dissolves and title cards are drawn and encoded
 * with the same settings, trimmed neighbours of a dissolve re-encoded. The file appears at `outPath` only
 * when complete (written in `workDir`, then renamed), so a half-written animatic is never taken for one.
 */
import { copyFile, mkdtemp, rename, rm, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { AnimaticTimeline } from "@aiuteur/shared";
import { encodeRawFrames } from "../encode/encodeFrames.js";
import { probeVideo } from "../encode/probe.js";
import { concatSegments } from "./concatSegments.js";
import { dissolveFrames } from "./dissolveFrames.js";
import { clipPathOf, itemFrames, type FrameSourceContext } from "./itemFrames.js";
import { planSegments, type AnimaticSegment } from "./segments.js";

/** A shot's finished clip, a local MP4 the worker downloaded. */
export interface AnimaticClipSource {
  shotId: string;
  clipPath: string;
}

export interface AssembleAnimaticArgs {
  timeline: AnimaticTimeline;
  /** Shot id → local path of its MP4 clip. */
  clips: Map<string, string>;
  outPath: string;
  /** A private folder for the segments and the temporary output; left as it was found. */
  workDir: string;
  /** 0–1, by frames done. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export async function assembleAnimatic(args: AssembleAnimaticArgs): Promise<{ durationSeconds: number }> {
  const { timeline, clips, outPath, workDir, onProgress, signal } = args;
  if (timeline.items.length === 0) throw new Error("the animatic has no shots");
  const context: FrameSourceContext = { width: timeline.width, height: timeline.height, clips, signal };
  const folder = await mkdtemp(join(workDir, "animatic-"));
  try {
    let done = 0;
    const advance = (frames: number) => {
      done += frames;
      onProgress?.(Math.min(1, done / timeline.totalFrames));
    };
    const files: string[] = [];
    for (const [index, segment] of planSegments(timeline).entries()) {
      files.push(await segmentFile(timeline, segment, join(folder, `segment-${index}.mp4`), context, advance));
    }
    const joined = join(folder, "animatic.mp4");
    await concatSegments(files, join(folder, "segments.ffconcat"), joined, signal);
    const { durationSeconds } = await probeVideo(joined);
    await moveInto(joined, outPath);
    onProgress?.(1);
    return { durationSeconds };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The file holding one segment: the clip itself for a copy, otherwise a newly encoded one at `path`. */
async function segmentFile(timeline: AnimaticTimeline, segment: AnimaticSegment, path: string, context: FrameSourceContext, advance: (frames: number) => void): Promise<string> {
  if (segment.kind === "copy") {
    const clip = clipPathOf(timeline.items[segment.itemIndex]!, context.clips);
    advance(segment.frames);
    return clip;
  }
  const frames =
    segment.kind === "dissolve"
      ? dissolveFrames(timeline, segment.dissolve, context)
      : itemFrames(timeline.items[segment.itemIndex]!, segment.from, segment.frames, context);
  await encodeRawFrames(frames, { width: timeline.width, height: timeline.height, format: "mp4", out: path, signal: context.signal, onFrame: () => advance(1) });
  return path;
}

/** Rename when the output is on the same disk; otherwise copy beside it under a temporary name, then rename. */
async function moveInto(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    const temporary = `${to}.partial-${process.pid}`;
    await copyFile(from, temporary);
    await rename(temporary, to).catch(async (failure: unknown) => {
      await unlink(temporary).catch(() => undefined);
      throw failure;
    });
  }
}
