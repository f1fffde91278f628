import { describe, expect, it } from "vitest";
import { buildAnimaticTimeline, type AnimaticOptions, type AnimaticPlanShot } from "@aiuteur/shared";
import { planSegments } from "./segments.js";

function timeline(durations: number[], options: Partial<AnimaticOptions> = {}) {
  const shots: AnimaticPlanShot[] = durations.map((duration, i) => ({
    shotId: `s${i}`, sceneId: i < 2 ? "a" : "b", sceneNumber: i < 2 ? "1" : "2", sceneHeading: "INT. ROOM", shotNumber: `${i}`, duration,
    dialogue: [], contentHash: "0123456789abcdef", clipKey: "", thumbnailKey: "",
  }));
  return buildAnimaticTimeline({ projectId: "p", branchId: "main", episodeId: "e", episodeTitle: "", resolution: "720p", options: { transition: "cut", titleCards: false, ...options }, shots, missing: [] });
}

describe("planSegments", () => {
  it("joins every clip as it is when all transitions are cuts", () => {
    expect(planSegments(timeline([1, 2, 0.5]))).toEqual([
      { kind: "copy", itemIndex: 0, frames: 24 },
      { kind: "copy", itemIndex: 1, frames: 48 },
      { kind: "copy", itemIndex: 2, frames: 12 },
    ]);
  });

  it("re-encodes only what a dissolve touches, and the frames add up to the timeline", () => {
    const built = timeline([1, 2, 0.5], { transition: "dissolve" });
    const segments = planSegments(built);
    expect(segments.map((s) => [s.kind, s.kind === "frames" ? [s.itemIndex, s.from] : null, s.frames])).toEqual([
      ["frames", [0, 0], 18],
      ["dissolve", null, 12],
      ["frames", [1, 6], 36],
      ["dissolve", null, 12],
      // The last shot (12 frames) gives its first 6 to the dissolve; the rest is re-encoded, not copied.
      ["frames", [2, 6], 6],
    ]);
    expect(segments.reduce((sum, s) => sum + s.frames, 0)).toBe(built.totalFrames);
  });

  it("draws title cards and leaves the shots after them untouched", () => {
    const segments = planSegments(timeline([1, 1, 1], { titleCards: true }));
    expect(segments.map((s) => [s.kind, s.frames])).toEqual([
      ["frames", 48],
      ["copy", 24],
      ["copy", 24],
      ["frames", 48],
      ["copy", 24],
    ]);
  });
});
