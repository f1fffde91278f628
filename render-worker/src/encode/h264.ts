/**
 * One set of encoder settings for every clip and animatic segment: segments that share codec, profile,
 * pixel format, size and frame rate can be joined by ffmpeg's concat demuxer without re-encoding, which is
 * what makes re-rendering an animatic after one shot changed cheap.
 */
import { RENDER_FPS } from "@aiuteur/shared";

export const H264_OUTPUT_ARGS: readonly string[] = [
  "-c:v", "libx264",
  "-preset", "veryfast",
  "-crf", "23",
  "-profile:v", "high",
  "-pix_fmt", "yuv420p",
  "-r", String(RENDER_FPS),
  "-g", String(RENDER_FPS * 2),
  "-movflags", "+faststart",
];

export const VP9_OUTPUT_ARGS: readonly string[] = [
  "-c:v", "libvpx-vp9",
  "-b:v", "0",
  "-crf", "34",
  "-deadline", "realtime",
  "-cpu-used", "8",
  "-pix_fmt", "yuv420p",
  "-r", String(RENDER_FPS),
];

/** The input side of a raw RGBA frame pipe of the given size. */
export function rawRgbaInputArgs(width: number, height: number): string[] {
  return ["-f", "rawvideo", "-pix_fmt", "rgba", "-s", `${width}x${height}`, "-r", String(RENDER_FPS), "-i", "pipe:0"];
}
