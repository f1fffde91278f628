/**
 * The ffmpeg binary: FFMPEG_PATH when set, otherwise the static build shipped inside @ffmpeg-installer (a
 * 4.1 build without ffprobe or xfade, so probing parses `ffmpeg -i` and transitions are drawn into frames).
 */
import { createRequire } from "node:module";
import { existsSync } from "node:fs";

let resolved: string | null = null;

export function ffmpegPath(): string {
  const override = process.env.FFMPEG_PATH?.trim();
  if (override) return override;
  if (resolved) return resolved;
  const require = createRequire(import.meta.url);
  const installer = require("@ffmpeg-installer/ffmpeg") as { path: string };
  if (!existsSync(installer.path)) {
    throw new Error(`ffmpeg was not found at ${installer.path}; reinstall @ffmpeg-installer/ffmpeg or set FFMPEG_PATH`);
  }
  resolved = installer.path;
  return resolved;
}
