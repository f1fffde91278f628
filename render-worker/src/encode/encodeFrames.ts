/**
 * The raw frame pipe: RGBA frames in, an H.264 MP4 or VP9 WebM out, always with the shared encoder
 * settings (h264.ts) so clips and animatic segments join without re-encoding. Used for shot clips and
 * for the animatic's dissolves and title cards.
 */
import type { ClipFormat } from "@aiuteur/shared";
import { H264_OUTPUT_ARGS, VP9_OUTPUT_ARGS, rawRgbaInputArgs } from "./h264.js";
import { abortError, runFfmpeg } from "./ffmpegProcess.js";

export interface EncodeOptions {
  width: number;
  height: number;
  format: ClipFormat;
  /** The output file; written in place (callers write to a private folder or a temporary name). */
  out: string;
  signal?: AbortSignal;
  /** Called after each frame was handed to ffmpeg, with the count so far. */
  onFrame?: (framesWritten: number) => void;
}

/**
 * How many frames may wait in our pipe buffer before we wait for ffmpeg to read: enough that drawing the
 * next frame overlaps with ffmpeg encoding this one, little enough that memory stays bounded.
 */
const FRAMES_IN_FLIGHT = 2;

export function outputArgs(format: ClipFormat): string[] {
  return format === "webm" ? [...VP9_OUTPUT_ARGS, "-f", "webm"] : [...H264_OUTPUT_ARGS, "-f", "mp4"];
}

/** Encodes every frame of `frames` (each width × height × 4 bytes) and resolves with the frame count. */
export async function encodeRawFrames(frames: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: EncodeOptions): Promise<number> {
  const { width, height, format, out, signal, onFrame } = options;
  const frameBytes = width * height * 4;
  const run = runFfmpeg(["-y", ...rawRgbaInputArgs(width, height), ...outputArgs(format), out], { stdin: true, stdout: false }, signal);
  const stdin = run.child.stdin!;
  // ffmpeg closing its input early (it failed) surfaces as EPIPE here; the reason is in `done`.
  let pipeBroken = false;
  stdin.on("error", () => (pipeBroken = true));
  const ended = run.done.then(
    () => null,
    (error: unknown) => error,
  );
  const drainOrExit = () =>
    new Promise<void>((resolve) => {
      const finish = () => {
        stdin.off("drain", finish);
        stdin.off("close", finish);
        resolve();
      };
      stdin.on("drain", finish);
      stdin.on("close", finish);
      void ended.then(finish);
    });

  let written = 0;
  try {
    for await (const frame of frames) {
      if (signal?.aborted) throw abortError(signal);
      if (frame.byteLength !== frameBytes) throw new Error(`frame ${written} has ${frame.byteLength} bytes, expected ${frameBytes}`);
      if (pipeBroken || stdin.destroyed) break;
      stdin.write(frame);
      written += 1;
      onFrame?.(written);
      if (stdin.writableLength > frameBytes * FRAMES_IN_FLIGHT) await drainOrExit();
    }
  } catch (error) {
    run.child.kill("SIGKILL");
    await ended;
    throw error;
  }
  stdin.end();
  const failure = await ended;
  if (failure) throw failure;
  return written;
}
