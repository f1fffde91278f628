/**
 * What a video file holds, read back with the ffmpeg binary itself (the installer ships no ffprobe): `ffmpeg
 * -i file` prints the container duration and the video stream's codec, size and frame rate, then exits
 * non-zero because no output was named.
 */
import { spawn } from "node:child_process";
import { ffmpegPath } from "./ffmpegPath.js";

export interface VideoInfo {
  durationSeconds: number;
  fps: number;
  width: number;
  height: number;
  codec: string;
}

export function parseFfmpegInfo(text: string): VideoInfo | null {
  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(text);
  const stream = /Stream #\d+:\d+.*?: Video: (\w+)[^\n]*?, (\d{2,5})x(\d{2,5})[^\n]*?, ([\d.]+) (?:fps|tbr)/.exec(text);
  if (!duration || !stream) return null;
  const [, h, m, s] = duration;
  const [, codec, width, height, fps] = stream;
  return {
    durationSeconds: Number(h) * 3600 + Number(m) * 60 + Number(s),
    codec: codec!,
    width: Number(width),
    height: Number(height),
    fps: Number(fps),
  };
}

export function probeVideo(file: string): Promise<VideoInfo> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), ["-hide_banner", "-i", file], { stdio: ["ignore", "ignore", "pipe"] });
    let text = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (text += chunk));
    child.on("error", reject);
    child.on("close", () => {
      const info = parseFfmpegInfo(text);
      if (info) resolve(info);
      else reject(new Error(`ffmpeg could not read ${file}: ${text.trim().split("\n").slice(-1)[0] ?? "no output"}`));
    });
  });
}
