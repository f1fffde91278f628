import { describe, expect, it } from "vitest";
import { buildAnimaticTimeline } from "./timeline.js";
import type { AnimaticOptions, AnimaticPlan, AnimaticPlanShot } from "./context.js";

function shot(sceneNumber: string, shotNumber: string, duration: number, dialogue: string[] = []): AnimaticPlanShot {
  const hash = `${sceneNumber}${shotNumber}`.replace(/\D/g, "").padStart(16, "a");
  return {
    shotId: `shot-${sceneNumber}-${shotNumber}`,
    sceneId: `scene-${sceneNumber}`,
    sceneNumber,
    sceneHeading: `INT. ROOM ${sceneNumber} - DAY`,
    shotNumber,
    duration,
    dialogue,
    contentHash: hash,
    clipKey: `shots/${hash}/clip.mp4`,
    thumbnailKey: `shots/${hash}/thumb.jpg`,
  };
}

function plan(shots: AnimaticPlanShot[], options: Partial<AnimaticOptions> = {}): AnimaticPlan {
  return {
    projectId: "p1",
    branchId: "main",
    episodeId: "e1",
    episodeTitle: "Pilot",
    resolution: "720p",
    options: { transition: "cut", titleCards: false, ...options },
    shots,
    missing: [],
  };
}

const threeShots = () => [shot("1", "1", 2), shot("1", "2", 1.5, ["ANNA: Hello.", "BEN: Hi."]), shot("2", "1", 3.01)];

describe("buildAnimaticTimeline", () => {
  it("places shots end to end in whole frames at 24 fps, with their seconds for the player", () => {
    const timeline = buildAnimaticTimeline(plan(threeShots()));
    expect(timeline).toMatchObject({ fps: 24, width: 1280, height: 720, totalFrames: 48 + 36 + 72 });
    expect(timeline.items.map((item) => [item.kind, item.startFrame, item.frames])).toEqual([
      ["shot", 0, 48],
      ["shot", 48, 36],
      ["shot", 84, 72],
    ]);
    expect(timeline.entries.map((e) => [e.shotNumber, e.start, e.duration])).toEqual([
      ["1", 0, 2],
      ["2", 2, 1.5],
      ["1", 3.5, 3],
    ]);
    expect(timeline.entries[0]!.thumbnail).toBe("/api/projects/p1/artifacts/shots/aaaaaaaaaaaaaa11/thumb.jpg");
    expect(timeline.dissolves).toEqual([]);
  });

  it("spreads a shot's dialogue evenly across it, in animatic seconds", () => {
    const timeline = buildAnimaticTimeline(plan(threeShots()));
    expect(timeline.entries[1]!.subtitles).toEqual([
      { start: 2, end: 2.75, text: "ANNA: Hello." },
      { start: 2.75, end: 3.5, text: "BEN: Hi." },
    ]);
  });

  it("puts a title card with the heading before each scene when asked", () => {
    const timeline = buildAnimaticTimeline(plan(threeShots(), { titleCards: true }));
    expect(timeline.items.map((item) => [item.kind, item.sceneNumber, item.startFrame, item.frames])).toEqual([
      ["title", "1", 0, 48],
      ["shot", "1", 48, 48],
      ["shot", "1", 96, 36],
      ["title", "2", 132, 48],
      ["shot", "2", 180, 72],
    ]);
    expect(timeline.totalFrames).toBe(252);
    expect(timeline.entries.map((e) => e.start)).toEqual([2, 4, 7.5]);
  });

  it("centres a 12-frame dissolve on every cut without moving it, shorter next to a short item", () => {
    const timeline = buildAnimaticTimeline(plan([shot("1", "1", 2), shot("1", "2", 0.25), shot("1", "3", 1)], { transition: "dissolve" }));
    expect(timeline.totalFrames).toBe(48 + 6 + 24);
    expect(timeline.dissolves).toEqual([
      { toIndex: 1, cutFrame: 48, before: 3, after: 3 },
      { toIndex: 2, cutFrame: 54, before: 3, after: 3 },
    ]);
    const long = buildAnimaticTimeline(plan([shot("1", "1", 2), shot("1", "2", 2)], { transition: "dissolve" }));
    expect(long.dissolves).toEqual([{ toIndex: 1, cutFrame: 48, before: 6, after: 6 }]);
  });

  it("names the output by everything that changes it, and only that", () => {
    const base = buildAnimaticTimeline(plan(threeShots())).hash;
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    expect(buildAnimaticTimeline(plan(threeShots())).hash).toBe(base);
    const changed = threeShots();
    changed[1] = { ...changed[1]!, contentHash: "bbbbbbbbbbbbbbbb" };
    const reordered = threeShots().reverse();
    const longer = threeShots();
    longer[0] = { ...longer[0]!, duration: 2.5 };
    const hashes = [
      buildAnimaticTimeline(plan(changed)).hash,
      buildAnimaticTimeline(plan(reordered)).hash,
      buildAnimaticTimeline(plan(longer)).hash,
      buildAnimaticTimeline(plan(threeShots(), { transition: "dissolve" })).hash,
      buildAnimaticTimeline(plan(threeShots(), { titleCards: true })).hash,
      buildAnimaticTimeline({ ...plan(threeShots()), resolution: "1080p" }).hash,
    ];
    expect(new Set([base, ...hashes]).size).toBe(hashes.length + 1);
    // Which worker asks, or which shots were left out, does not change the pictures.
    expect(buildAnimaticTimeline({ ...plan(threeShots()), missing: [{ shotId: "x", reason: "not rendered" }] }).hash).toBe(base);
  });

  it("gives an empty timeline for a plan without shots", () => {
    expect(buildAnimaticTimeline(plan([]))).toMatchObject({ totalFrames: 0, items: [], entries: [] });
  });
});
