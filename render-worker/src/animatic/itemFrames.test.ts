import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShotItem, TitleCardItem } from "@aiuteur/shared";
import { encodeRawFrames } from "../encode/encodeFrames.js";
import { collect, itemFrames } from "./itemFrames.js";

const WIDTH = 64;
const HEIGHT = 36;
const FRAMES = 60;
const dir = await mkdtemp(join(tmpdir(), "aiuteur-item-frames-"));
const clip = join(dir, "numbered.mp4");
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Frame i is a flat grey of level 4 × i, so a decoded frame tells which one it is. */
const level = (i: number) => 4 * i;

beforeAll(async () => {
  const frames = Array.from({ length: FRAMES }, (_, i) => new Uint8Array(WIDTH * HEIGHT * 4).fill(level(i)).map((v, at) => (at % 4 === 3 ? 255 : v)));
  await encodeRawFrames(frames, { width: WIDTH, height: HEIGHT, format: "mp4", out: clip });
});

const shot: ShotItem = { kind: "shot", shotId: "s", shotNumber: "1", contentHash: "0123456789abcdef", sceneId: "a", sceneNumber: "1", sceneHeading: "INT. ROOM", startFrame: 0, frames: FRAMES };
const context = { width: WIDTH, height: HEIGHT, clips: new Map([["s", clip]]) };

/** Which frame of the numbered clip a decoded frame is, from its grey level. */
const which = (frame: Uint8Array) => Math.round(frame[(HEIGHT / 2) * WIDTH * 4 + WIDTH * 2]! / 4);

describe("itemFrames", () => {
  it("starts exactly on the frame asked for, wherever it is in the clip", async () => {
    for (const from of [0, 1, 17, 41, 54]) {
      const frames = await collect(itemFrames(shot, from, 3, context));
      expect(frames.map(which), `from ${from}`).toEqual([from, from + 1, from + 2]);
    }
  });

  it("holds the clip's last picture when asked for more frames than it has", async () => {
    const frames = await collect(itemFrames(shot, FRAMES - 2, 4, context));
    expect(frames.map(which)).toEqual([FRAMES - 2, FRAMES - 1, FRAMES - 1, FRAMES - 1]);
  });

  it("repeats a drawn title card for every frame", async () => {
    const card: TitleCardItem = { kind: "title", sceneId: "a", sceneNumber: "1", sceneHeading: "INT. ROOM", startFrame: 0, frames: 48 };
    const frames = await collect(itemFrames(card, 0, 5, context));
    expect(frames).toHaveLength(5);
    expect(frames[4]).toEqual(frames[0]);
    expect(frames[0]!.byteLength).toBe(WIDTH * HEIGHT * 4);
  });
});
