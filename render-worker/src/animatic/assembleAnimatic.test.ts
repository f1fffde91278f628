import { mkdtemp, readdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAnimaticTimeline, type AnimaticOptions, type AnimaticPlanShot, type AnimaticTimeline } from "@aiuteur/shared";
import { encodeRawFrames } from "../encode/encodeFrames.js";
import { decodeFrames } from "../encode/decodeFrames.js";
import { probeVideo } from "../encode/probe.js";
import { assembleAnimatic } from "./assembleAnimatic.js";

// Small frames keep the test fast; the timeline is plain data, so its size is set to the clips'.
const WIDTH = 320;
const HEIGHT = 180;
const COLOURS: Record<string, [number, number, number]> = { red: [255, 0, 0], green: [0, 255, 0], blue: [0, 0, 255] };
const SHOTS: [string, string, number][] = [["red", "1", 1], ["green", "1", 0.5], ["blue", "2", 1.5]];

const dir = await mkdtemp(join(tmpdir(), "aiuteur-animatic-"));
const clips = new Map<string, string>();
afterAll(() => rm(dir, { recursive: true, force: true }));

function solid([r, g, b]: [number, number, number]): Uint8Array {
  const frame = new Uint8Array(WIDTH * HEIGHT * 4);
  for (let i = 0; i < frame.length; i += 4) frame.set([r, g, b, 255], i);
  return frame;
}

beforeAll(async () => {
  // Clips made the way the shot renderer makes them: raw frames through the shared encoder settings.
  for (const [colour, , seconds] of SHOTS) {
    const out = join(dir, `${colour}.mp4`);
    await encodeRawFrames(Array.from({ length: seconds * 24 }, () => solid(COLOURS[colour]!)), { width: WIDTH, height: HEIGHT, format: "mp4", out });
    clips.set(colour, out);
  }
});

function timeline(options: Partial<AnimaticOptions> = {}): AnimaticTimeline {
  const shots: AnimaticPlanShot[] = SHOTS.map(([colour, scene, duration]) => ({
    shotId: colour, sceneId: `scene-${scene}`, sceneNumber: scene, sceneHeading: `INT. ${colour.toUpperCase()} ROOM - DAY`, shotNumber: "1", duration,
    dialogue: [], contentHash: "0123456789abcdef", clipKey: "", thumbnailKey: "",
  }));
  const built = buildAnimaticTimeline({ projectId: "p", branchId: "main", episodeId: "e", episodeTitle: "Pilot", resolution: "720p", options: { transition: "cut", titleCards: false, ...options }, shots, missing: [] });
  return { ...built, width: WIDTH, height: HEIGHT };
}

async function framesOf(file: string): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  for await (const frame of decodeFrames(file, { width: WIDTH, height: HEIGHT })) frames.push(frame);
  return frames;
}

/** The centre pixel's RGB. */
function centre(frame: Uint8Array): [number, number, number] {
  const at = ((HEIGHT / 2) * WIDTH + WIDTH / 2) * 4;
  return [frame[at]!, frame[at + 1]!, frame[at + 2]!];
}

function near(actual: [number, number, number], expected: [number, number, number]) {
  expect(actual.every((value, i) => Math.abs(value - expected[i]!) <= 12), `${actual} ≈ ${expected}`).toBe(true);
}

describe("assembleAnimatic", () => {
  it("joins the clips at cuts into one MP4 as long as their sum, every frame in place", async () => {
    const outPath = join(dir, "cuts.mp4");
    const progress: number[] = [];
    const result = await assembleAnimatic({ timeline: timeline(), clips, outPath, workDir: dir, onProgress: (f) => progress.push(f) });
    const info = await probeVideo(outPath);
    expect(info).toMatchObject({ width: WIDTH, height: HEIGHT, fps: 24, codec: "h264" });
    expect(info.durationSeconds).toBeCloseTo(3, 1);
    expect(result.durationSeconds).toBeCloseTo(3, 1);
    const frames = await framesOf(outPath);
    expect(frames).toHaveLength(72);
    near(centre(frames[23]!), COLOURS.red!);
    near(centre(frames[24]!), COLOURS.green!);
    near(centre(frames[35]!), COLOURS.green!);
    near(centre(frames[36]!), COLOURS.blue!);
    expect(progress.at(-1)).toBe(1);
    // Only the finished file is left: the segments' folder is gone.
    expect((await readdir(dir)).filter((name) => name.startsWith("animatic-"))).toEqual([]);
  });

  it("draws a centred cross-dissolve over each cut, keeping the total and the cuts where they were", async () => {
    const outPath = join(dir, "dissolve.mp4");
    await assembleAnimatic({ timeline: timeline({ transition: "dissolve" }), clips, outPath, workDir: dir });
    expect((await probeVideo(outPath)).durationSeconds).toBeCloseTo(3, 1);
    const frames = await framesOf(outPath);
    expect(frames).toHaveLength(72);
    near(centre(frames[17]!), COLOURS.red!);
    // Mid-dissolve (frame 24 is 6.5/12 of the way from red into green): a blend of both.
    const [r, g, b] = centre(frames[24]!);
    expect(r).toBeGreaterThan(80);
    expect(r).toBeLessThan(160);
    expect(g).toBeGreaterThan(100);
    expect(g).toBeLessThan(180);
    expect(b).toBeLessThan(40);
    // Green is 12 frames long, so both its dissolves take 6 frames each and no untouched frame is left.
    near(centre(frames[47]!), COLOURS.blue!);
  });

  it("puts a title card before each scene, adding its seconds", async () => {
    const outPath = join(dir, "titles.mp4");
    await assembleAnimatic({ timeline: timeline({ titleCards: true }), clips, outPath, workDir: dir });
    expect((await probeVideo(outPath)).durationSeconds).toBeCloseTo(7, 1);
    const frames = await framesOf(outPath);
    expect(frames).toHaveLength(7 * 24);
    const card = frames[10]!;
    near([card[0]!, card[1]!, card[2]!], [0, 0, 0]);
    // The heading is white text across the middle of the card.
    const y = Math.round(HEIGHT * 0.54);
    const row = card.subarray(y * WIDTH * 4, (y + 1) * WIDTH * 4);
    expect(row.some((value, i) => i % 4 === 0 && value > 200)).toBe(true);
    // Card (48) red (24) green (12), card (48) blue (36).
    near(centre(frames[48]!), COLOURS.red!);
    near(centre(frames[83]!), COLOURS.green!);
    const secondCard = frames[100]!;
    near([secondCard[0]!, secondCard[1]!, secondCard[2]!], [0, 0, 0]);
    near(centre(frames[132]!), COLOURS.blue!);
  });

  it("stops when aborted and leaves no output", async () => {
    const outPath = join(dir, "aborted.mp4");
    const controller = new AbortController();
    const running = assembleAnimatic({ timeline: timeline({ transition: "dissolve" }), clips, outPath, workDir: dir, signal: controller.signal, onProgress: () => controller.abort(new Error("stop")) });
    await expect(running).rejects.toThrow("stop");
    expect(existsSync(outPath)).toBe(false);
    expect((await readdir(dir)).filter((name) => name.startsWith("animatic-"))).toEqual([]);
  });

  it("names the missing clip when a shot has none", async () => {
    await expect(assembleAnimatic({ timeline: timeline(), clips: new Map(), outPath: join(dir, "none.mp4"), workDir: dir })).rejects.toThrow(/no clip was given for shot red/);
  });
});
