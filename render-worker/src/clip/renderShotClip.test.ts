import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadImage } from "@napi-rs/canvas";
import { renderShotClip } from "./renderShotClip.js";
import { probeVideo } from "../encode/probe.js";
import { testShot, testStroke } from "../frames/testing/testShots.js";

const root = await mkdtemp(join(tmpdir(), "aiuteur-clip-"));
afterAll(() => rm(root, { recursive: true, force: true }));
let folders = 0;
const folder = () => mkdtemp(join(root, `${(folders += 1)}-`));

const sketch = [testStroke("rect", [0.3, 0.3, 0.7, 0.7]), testStroke("pen", [0.1, 0.8, 0.2, 0.7, 0.3, 0.8])];

/** ffmpeg processes started by this test process that are still alive. */
function ffmpegChildren(): string[] {
  // ps exits 1 when the process has no children at all; its output is then empty, which is the answer.
  const ps = spawnSync("ps", ["-o", "pid=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" });
  return ps.stdout.split("\n").filter((line) => /ffmpeg/.test(line));
}

describe("renderShotClip", () => {
  it("renders a 3 s shot to a 1280×720, 24 fps, 3 s H.264 MP4 of 72 frames, with a poster and a thumbnail", async () => {
    const outDir = await folder();
    const progress: number[] = [];
    const result = await renderShotClip({
      input: testShot({ duration: 3, movement: "dolly in", dialogue: [{ character: "Ana", text: "Now." }] }, { sketch }),
      background: null,
      format: "mp4",
      outDir,
      onProgress: (f) => progress.push(f),
    });
    expect(result).toMatchObject({ clip: join(outDir, "clip.mp4"), frames: 72, durationSeconds: 3 });
    const info = await probeVideo(result.clip);
    expect(info).toMatchObject({ width: 1280, height: 720, fps: 24, codec: "h264" });
    expect(info.durationSeconds).toBeCloseTo(3, 1);

    const poster = await loadImage(await readFile(result.poster));
    expect([poster.width, poster.height]).toEqual([1280, 720]);
    expect((await readFile(result.poster)).subarray(1, 4).toString()).toBe("PNG");
    const thumb = await loadImage(await readFile(result.thumbnail));
    expect([thumb.width, thumb.height]).toEqual([320, 180]);
    expect([...(await readFile(result.thumbnail)).subarray(0, 2)]).toEqual([0xff, 0xd8]);

    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Nothing temporary is left beside the finished files.
    expect((await readdir(outDir)).sort()).toEqual(["clip.mp4", "poster.png", "thumb.jpg"]);
  });

  it("renders 1920×1080 when the project asks for 1080p", async () => {
    const result = await renderShotClip({ input: testShot({ duration: 1 }, { sketch, resolution: "1080p" }), background: null, format: "mp4", outDir: await folder() });
    expect(await probeVideo(result.clip)).toMatchObject({ width: 1920, height: 1080, fps: 24 });
    const poster = await loadImage(await readFile(result.poster));
    expect([poster.width, poster.height]).toEqual([1920, 1080]);
  });

  it("renders WebM when asked", async () => {
    const result = await renderShotClip({ input: testShot({ duration: 1, movement: "pan" }, { sketch }), background: null, format: "webm", outDir: await folder() });
    expect(result.clip.endsWith("clip.webm")).toBe(true);
    const info = await probeVideo(result.clip);
    expect(info).toMatchObject({ width: 1280, height: 720, codec: "vp9" });
    expect(info.durationSeconds).toBeCloseTo(1, 1);
  });

  it("rejects with ffmpeg's last error line when ffmpeg fails", async () => {
    const outDir = join(root, "no-such-folder");
    await expect(renderShotClip({ input: testShot({ duration: 1 }), background: null, format: "mp4", outDir })).rejects.toThrow(
      /ffmpeg failed.*no-such-folder.*No such file or directory/,
    );
  });

  it("rejects a background that is not an image", async () => {
    await expect(
      renderShotClip({ input: testShot({ duration: 1 }), background: new Uint8Array([1, 2, 3, 4]), format: "mp4", outDir: await folder() }),
    ).rejects.toThrow(/background image could not be read/);
  });

  it("aborting kills ffmpeg, rejects and leaves no clip", async () => {
    const outDir = await folder();
    const controller = new AbortController();
    let ffmpegWhileRendering: string[] = [];
    const rendering = renderShotClip({
      input: testShot({ duration: 60, movement: "handheld" }, { sketch }),
      background: null,
      format: "mp4",
      outDir,
      signal: controller.signal,
      onProgress: (f) => {
        if (f > 0.02 && !controller.signal.aborted) {
          ffmpegWhileRendering = ffmpegChildren();
          controller.abort(new Error("stopped by test"));
        }
      },
    });
    await expect(rendering).rejects.toThrow("stopped by test");
    expect(ffmpegWhileRendering).toHaveLength(1);
    expect(ffmpegChildren()).toEqual([]);
    expect(await readdir(outDir)).toEqual([]);
  });
});
