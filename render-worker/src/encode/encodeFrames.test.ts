import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { encodeRawFrames } from "./encodeFrames.js";
import { decodeFrames } from "./decodeFrames.js";
import { probeVideo } from "./probe.js";

const dir = await mkdtemp(join(tmpdir(), "aiuteur-encode-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

const W = 64;
const H = 36;

function solid(r: number, g: number, b: number): Uint8Array {
  const frame = new Uint8Array(W * H * 4);
  for (let i = 0; i < frame.length; i += 4) frame.set([r, g, b, 255], i);
  return frame;
}

async function collect(frames: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const all: Uint8Array[] = [];
  for await (const frame of frames) all.push(frame);
  return all;
}

describe("encodeRawFrames and decodeFrames", () => {
  it("encodes raw frames to an H.264 MP4 and decodes them back, from a start and for a count", async () => {
    const out = join(dir, "colours.mp4");
    // One second red, then one second blue.
    const frames = [...Array.from({ length: 24 }, () => solid(220, 20, 20)), ...Array.from({ length: 24 }, () => solid(20, 20, 220))];
    let reported = 0;
    const written = await encodeRawFrames(frames, { width: W, height: H, format: "mp4", out, onFrame: (n) => (reported = n) });
    expect(written).toBe(48);
    expect(reported).toBe(48);
    expect(await probeVideo(out)).toMatchObject({ width: W, height: H, fps: 24, codec: "h264" });

    const decoded = await collect(decodeFrames(out, { width: W, height: H }));
    expect(decoded).toHaveLength(48);
    const centre = (f: Uint8Array) => Array.from(f.subarray(((H / 2) * W + W / 2) * 4, ((H / 2) * W + W / 2) * 4 + 3));
    expect(centre(decoded[5]!)[0]).toBeGreaterThan(180);
    expect(centre(decoded[40]!)[2]).toBeGreaterThan(180);

    const tail = await collect(decodeFrames(out, { width: W, height: H, start: 1.5, count: 5 }));
    expect(tail).toHaveLength(5);
    expect(centre(tail[0]!)[2]).toBeGreaterThan(180);
  });

  it("stops ffmpeg when the consumer stops early", async () => {
    const out = join(dir, "long.mp4");
    await encodeRawFrames(Array.from({ length: 48 }, () => solid(0, 128, 0)), { width: W, height: H, format: "mp4", out });
    let taken = 0;
    for await (const _frame of decodeFrames(out, { width: W, height: H })) {
      taken += 1;
      if (taken === 3) break;
    }
    expect(taken).toBe(3);
  });

  it("encodes WebM (VP9)", async () => {
    const out = join(dir, "clip.webm");
    await encodeRawFrames(Array.from({ length: 12 }, () => solid(200, 200, 0)), { width: W, height: H, format: "webm", out });
    expect(await probeVideo(out)).toMatchObject({ width: W, height: H, codec: "vp9" });
  });

  it("rejects with ffmpeg's last error line when it cannot write", async () => {
    const out = join(dir, "no-such-folder", "x.mp4");
    await expect(encodeRawFrames([solid(1, 2, 3)], { width: W, height: H, format: "mp4", out })).rejects.toThrow(/ffmpeg failed.*No such file or directory/);
  });

  it("rejects a frame of the wrong size without leaving ffmpeg running", async () => {
    const out = join(dir, "bad.mp4");
    await expect(encodeRawFrames([new Uint8Array(10)], { width: W, height: H, format: "mp4", out })).rejects.toThrow(/expected 9216/);
  });
});
