/**
 * Joining segment files with ffmpeg's concat demuxer and stream copy: every segment was encoded with the
 * same H264_OUTPUT_ARGS (codec, profile, pixel format, size, frame rate), which is what lets it skip
 * re-encoding.
 */
import { writeFile } from "node:fs/promises";
import { runFfmpeg } from "../encode/ffmpegProcess.js";

/** A path as the concat list's `file '…'` line wants it: single quotes closed, escaped and reopened. */
function quoted(path: string): string {
  return `'${path.replace(/'/g, "'\\''")}'`;
}

export async function concatSegments(files: readonly string[], listPath: string, outPath: string, signal?: AbortSignal): Promise<void> {
  if (files.length === 0) throw new Error("there is nothing to join");
  await writeFile(listPath, `ffconcat version 1.0\n${files.map((file) => `file ${quoted(file)}`).join("\n")}\n`);
  const run = runFfmpeg(["-y", "-f", "concat", "-safe", "0", "-i", listPath, "-map", "0:v", "-c", "copy", "-movflags", "+faststart", "-f", "mp4", outPath], { stdin: false, stdout: false }, signal);
  await run.done;
}
