/**
 * Joins clips with ffmpeg's concat demuxer without re-encoding (they share the encoder settings), as the
 * animatic does for cuts.
 */
import { writeFile } from "node:fs/promises";
import { runFfmpeg } from "../src/encode/ffmpegProcess.js";

export async function concatClips(clips: readonly string[], out: string, listFile: string): Promise<void> {
  await writeFile(listFile, clips.map((clip) => `file '${clip.replace(/'/g, "'\\''")}'`).join("\n") + "\n");
  await runFfmpeg(["-y", "-f", "concat", "-safe", "0", "-i", listFile, "-c", "copy", "-movflags", "+faststart", out], { stdin: false, stdout: false }).done;
}
