/**
 * Raw RGBA frames out of a video file, for the animatic's dissolves (the bundled ffmpeg 4.1 has no xfade,
 * so the blend is drawn from decoded frames). Stopping the iteration early stops ffmpeg.
 */
import { RENDER_FPS } from "@aiuteur/shared";
import { runFfmpeg } from "./ffmpegProcess.js";

export interface DecodeOptions {
  width: number;
  height: number;
  /** Seconds into the file to start at (frame-accurate: the seek is done after decoding). */
  start?: number;
  /** At most this many frames. */
  count?: number;
  signal?: AbortSignal;
}

export async function* decodeFrames(file: string, options: DecodeOptions): AsyncGenerator<Uint8Array> {
  const { width, height, start, count, signal } = options;
  const frameBytes = width * height * 4;
  const args = ["-i", file];
  if (start !== undefined && start > 0) args.push("-ss", start.toFixed(3));
  if (count !== undefined) args.push("-frames:v", String(Math.max(0, Math.floor(count))));
  args.push("-an", "-r", String(RENDER_FPS), "-s", `${width}x${height}`, "-pix_fmt", "rgba", "-f", "rawvideo", "pipe:1");
  const run = runFfmpeg(args, { stdin: false, stdout: true }, signal);
  const stdout = run.child.stdout!;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let finished = false;
  try {
    for await (const chunk of stdout as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes < frameBytes) continue;
      const joined = Buffer.concat(pending, pendingBytes);
      let offset = 0;
      while (joined.byteLength - offset >= frameBytes) {
        // A copy, so the consumer owns its frame even after we reuse our buffers.
        yield new Uint8Array(joined.subarray(offset, offset + frameBytes));
        offset += frameBytes;
      }
      pending = offset < joined.byteLength ? [joined.subarray(offset)] : [];
      pendingBytes = joined.byteLength - offset;
    }
    await run.done;
    finished = true;
  } finally {
    if (!finished) {
      run.child.kill("SIGKILL");
      await run.done.catch(() => undefined);
    }
  }
}
