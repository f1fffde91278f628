/**
 * One shot's clip: its frames drawn (frames/shotFrames.ts) and piped raw into ffmpeg, plus a poster and a
 * thumbnail from a frame after the slate. Files are written under temporary names and renamed when
 * complete, so an interrupted render leaves nothing that looks finished.
 */
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Image } from "@napi-rs/canvas";
import type { ClipFormat, ShotRenderInput } from "@aiuteur/shared";
import { encodeRawFrames } from "../encode/encodeFrames.js";
import { abortError } from "../encode/ffmpegProcess.js";
import { loadPicture } from "../frames/konvaNode.js";
import { createShotFrames, type ShotFrames } from "../frames/shotFrames.js";
import { writeStills } from "./stills.js";

export interface ShotClipRequest {
  input: ShotRenderInput;
  /** Reference image / AI frame bytes (PNG or JPEG), or null for paper. */
  background: Uint8Array | null;
  format: ClipFormat;
  /** An existing private folder; the final files are written here. */
  outDir: string;
  /** 0…1, at most ten times a second, and 1 when done. */
  onProgress?: (fraction: number) => void;
  /** Aborting kills ffmpeg and rejects. */
  signal?: AbortSignal;
}

export interface ShotClipResult {
  clip: string;
  poster: string;
  thumbnail: string;
  frames: number;
  durationSeconds: number;
}

const PROGRESS_INTERVAL_MS = 100;

/** Calls `report` at most every PROGRESS_INTERVAL_MS, always passing the latest value. */
function throttled(report: ((fraction: number) => void) | undefined): (fraction: number) => void {
  let last = -Infinity;
  return (fraction) => {
    if (!report) return;
    const now = performance.now();
    if (fraction < 1 && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    report(fraction);
  };
}

async function decodeBackground(bytes: Uint8Array | null): Promise<Image | null> {
  if (!bytes || bytes.byteLength === 0) return null;
  try {
    return await loadPicture(bytes);
  } catch (error) {
    throw new Error(`the background image could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The frame the poster is made from: the middle of the shot, but never under the slate. */
function posterIndex(frames: ShotFrames): number {
  return Math.min(frames.count - 1, Math.max(frames.firstFrameAfterSlate, Math.floor(frames.count / 2)));
}

export async function renderShotClip(request: ShotClipRequest): Promise<ShotClipResult> {
  const { input, format, outDir, signal } = request;
  if (signal?.aborted) throw abortError(signal);
  const background = await decodeBackground(request.background);
  const frames = createShotFrames(input, background);
  const clip = join(outDir, `clip.${format}`);
  const partial = `${clip}.part`;
  const poster = join(outDir, "poster.png");
  const thumbnail = join(outDir, "thumb.jpg");
  const progress = throttled(request.onProgress);
  const posterAt = posterIndex(frames);
  let posterFrame: Uint8Array | null = null;

  // Generated lazily: a frame is drawn only when ffmpeg is ready for it, so memory holds a few frames.
  async function* allFrames(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < frames.count; i += 1) {
      const frame = frames.frameAt(i);
      if (i === posterAt) posterFrame = frame;
      yield frame;
    }
  }

  try {
    const written = await encodeRawFrames(allFrames(), {
      width: frames.width,
      height: frames.height,
      format,
      out: partial,
      signal,
      // Drawing and encoding are the work; the stills after them are quick.
      onFrame: (n) => progress((n / frames.count) * 0.97),
    });
    if (!posterFrame) throw new Error("the poster frame was not drawn");
    await writeStills(posterFrame, frames.width, frames.height, poster, thumbnail);
    if (signal?.aborted) throw abortError(signal);
    await rename(partial, clip);
    progress(1);
    return { clip, poster, thumbnail, frames: written, durationSeconds: frames.durationSeconds };
  } catch (error) {
    // A failed render leaves nothing behind that could pass for a result.
    await Promise.all([partial, poster, thumbnail].map((file) => rm(file, { force: true })));
    throw error;
  } finally {
    frames.close();
  }
}
