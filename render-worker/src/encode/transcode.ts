/**
 * A WebM copy of a finished MP4 clip. WebM projects still get the MP4 (the animatic joins MP4 clips by
 * stream copy), so the WebM is made from it rather than drawing every frame a second time.
 */
import { rename, rm } from "node:fs/promises";
import { VP9_OUTPUT_ARGS } from "./h264.js";
import { runFfmpeg } from "./ffmpegProcess.js";

export async function transcodeToWebm(mp4: string, webm: string, signal?: AbortSignal): Promise<void> {
  // Written under a temporary name so a killed transcode never leaves a file that looks finished.
  const partial = `${webm}.partial.webm`;
  try {
    await runFfmpeg(["-y", "-i", mp4, "-an", ...VP9_OUTPUT_ARGS, partial], { stdin: false, stdout: false }, signal).done;
    await rename(partial, webm);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
