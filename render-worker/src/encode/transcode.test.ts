import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { ffmpegPath } from "./ffmpegPath.js";
import { H264_OUTPUT_ARGS } from "./h264.js";
import { probeVideo } from "./probe.js";
import { transcodeToWebm } from "./transcode.js";

const dir = await mkdtemp(join(tmpdir(), "aiuteur-transcode-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("transcodeToWebm", () => {
  it("makes a VP9 WebM of an MP4 clip with the same size, frame rate and length", async () => {
    const mp4 = join(dir, "clip.mp4");
    const made = spawnSync(ffmpegPath(), ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=2", ...H264_OUTPUT_ARGS, mp4]);
    expect(made.status, made.stderr.toString()).toBe(0);
    await transcodeToWebm(mp4, join(dir, "clip.webm"));
    const info = await probeVideo(join(dir, "clip.webm"));
    expect(info).toMatchObject({ width: 320, height: 180, fps: 24, codec: "vp9" });
    expect(info.durationSeconds).toBeCloseTo(2, 1);
  });

  it("leaves no file behind when the source is not a video", async () => {
    const out = join(dir, "bad.webm");
    await expect(transcodeToWebm(join(dir, "missing.mp4"), out)).rejects.toThrow(/ffmpeg failed/);
    expect((await readdir(dir)).filter((name) => name.startsWith("bad"))).toEqual([]);
  });
});
