import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { ffmpegPath } from "./ffmpegPath.js";
import { parseFfmpegInfo, probeVideo } from "./probe.js";

const dir = await mkdtemp(join(tmpdir(), "aiuteur-probe-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("probeVideo", () => {
  it("reads back the duration, frame rate, size and codec of an MP4 the bundled ffmpeg wrote", async () => {
    const file = join(dir, "test.mp4");
    const made = spawnSync(ffmpegPath(), ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p", file]);
    expect(made.status, made.stderr.toString()).toBe(0);
    const info = await probeVideo(file);
    expect(info).toMatchObject({ width: 320, height: 180, fps: 24, codec: "h264" });
    expect(info.durationSeconds).toBeCloseTo(2, 1);
  });

  it("rejects a file that is not a video with ffmpeg's reason", async () => {
    await expect(probeVideo(join(dir, "missing.mp4"))).rejects.toThrow(/could not read/);
  });

  it("returns null for text without a video stream", () => {
    expect(parseFfmpegInfo("Input #0, wav\n  Duration: 00:00:01.00\n  Stream #0:0: Audio: pcm_s16le")).toBeNull();
  });
});
