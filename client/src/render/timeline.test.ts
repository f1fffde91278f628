/** The animatic timeline's maths: which shot plays when, where markers sit, where keys and pointers seek. */
import { describe, expect, it } from "vitest";
import type { AnimaticTimelineEntry } from "@aiuteur/shared";
import { formatTime, markerPositions, nextShotStart, previousShotStart, scrubTarget, shotIndexAt, subtitleAt, timeAtPointer, timelineDuration } from "./timeline";

function entry(shotNumber: string, start: number, duration: number, subtitles: AnimaticTimelineEntry["subtitles"] = []): AnimaticTimelineEntry {
  return { shotId: `shot${shotNumber}`, sceneId: "scene1", sceneNumber: "1", shotNumber, start, duration, subtitles };
}

// Three shots of 2, 3 and 5 seconds, cut together: 0–2, 2–5, 5–10.
const CUTS = [entry("1", 0, 2), entry("2", 2, 3), entry("3", 5, 5)];

describe("the animatic timeline", () => {
  it("knows its length from the video once loaded, from the entries before", () => {
    expect(timelineDuration(CUTS, NaN)).toBe(10);
    expect(timelineDuration(CUTS, 0)).toBe(10);
    expect(timelineDuration(CUTS, 10.04)).toBe(10.04);
    expect(timelineDuration([], NaN)).toBe(0);
  });

  it("finds the shot playing at any time, boundaries included", () => {
    expect(shotIndexAt(CUTS, 0)).toBe(0);
    expect(shotIndexAt(CUTS, 1.99)).toBe(0);
    expect(shotIndexAt(CUTS, 2)).toBe(1);
    expect(shotIndexAt(CUTS, 4.9)).toBe(1);
    expect(shotIndexAt(CUTS, 5)).toBe(2);
    expect(shotIndexAt(CUTS, 9.99)).toBe(2);
    expect(shotIndexAt(CUTS, 12)).toBe(2);
    // A seek to a marker can land a hair before it (frame rounding): still that shot.
    expect(shotIndexAt(CUTS, 4.9995)).toBe(2);
  });

  it("has no current shot before the first one starts (a title card) or when empty", () => {
    const withTitle = [entry("1", 2, 3), entry("2", 5, 3)];
    expect(shotIndexAt(withTitle, 1)).toBe(-1);
    expect(shotIndexAt(withTitle, 2.5)).toBe(0);
    expect(shotIndexAt([], 3)).toBe(-1);
  });

  it("places markers at shot starts as a percentage of the bar", () => {
    expect(markerPositions(CUTS, 10)).toEqual([0, 20, 50]);
    expect(markerPositions(CUTS, 0)).toEqual([0, 0, 0]);
    // A video a little shorter than the entries' sum never pushes a marker off the bar.
    expect(markerPositions([entry("1", 0, 2), entry("2", 12, 1)], 10)).toEqual([0, 100]);
  });

  it("turns a pointer position into a time, clamped to the bar", () => {
    expect(timeAtPointer(150, 100, 200, 10)).toBe(2.5);
    expect(timeAtPointer(50, 100, 200, 10)).toBe(0);
    expect(timeAtPointer(400, 100, 200, 10)).toBe(10);
    expect(timeAtPointer(150, 100, 0, 10)).toBe(0);
  });

  it("scrubs with J/L and the arrows by a second, Shift by five, Home/End to the ends", () => {
    expect(scrubTarget("l", false, 3, 10, CUTS)).toBe(4);
    expect(scrubTarget("L", false, 3, 10, CUTS)).toBe(4);
    expect(scrubTarget("j", false, 3, 10, CUTS)).toBe(2);
    expect(scrubTarget("ArrowRight", false, 3, 10, CUTS)).toBe(4);
    expect(scrubTarget("ArrowLeft", true, 3, 10, CUTS)).toBe(0);
    expect(scrubTarget("ArrowRight", true, 3, 10, CUTS)).toBe(8);
    expect(scrubTarget("ArrowRight", false, 9.5, 10, CUTS)).toBe(10);
    expect(scrubTarget("Home", false, 7, 10, CUTS)).toBe(0);
    expect(scrubTarget("End", false, 7, 10, CUTS)).toBe(10);
    expect(scrubTarget("x", false, 7, 10, CUTS)).toBeNull();
    expect(scrubTarget(" ", false, 7, 10, CUTS)).toBeNull();
  });

  it("jumps shot by shot with PageDown/PageUp, restarting the current shot first", () => {
    expect(scrubTarget("PageDown", false, 0, 10, CUTS)).toBe(2);
    expect(scrubTarget("PageDown", false, 2, 10, CUTS)).toBe(5);
    expect(nextShotStart(CUTS, 6, 10)).toBe(10);
    // Well into shot 3: back to its start; within its first second: to shot 2.
    expect(previousShotStart(CUTS, 7)).toBe(5);
    expect(previousShotStart(CUTS, 5.5)).toBe(2);
    expect(previousShotStart(CUTS, 0.5)).toBe(0);
    expect(scrubTarget("PageUp", false, 3.5, 10, CUTS)).toBe(2);
  });

  it("shows the subtitle line of the moment, whether its times count from the animatic or from the shot", () => {
    const absolute = [entry("1", 0, 2), entry("2", 2, 4, [{ start: 2, end: 4, text: "ANNA: Hello." }, { start: 4, end: 6, text: "BEN: Hi." }])];
    expect(subtitleAt(absolute, 1)).toBeNull();
    expect(subtitleAt(absolute, 3)).toBe("ANNA: Hello.");
    expect(subtitleAt(absolute, 5)).toBe("BEN: Hi.");
    const relative = [entry("1", 0, 2), entry("2", 2, 4, [{ start: 0, end: 2, text: "ANNA: Hello." }, { start: 2, end: 4, text: "BEN: Hi." }])];
    expect(subtitleAt(relative, 1)).toBeNull();
    expect(subtitleAt(relative, 3)).toBe("ANNA: Hello.");
    expect(subtitleAt(relative, 5)).toBe("BEN: Hi.");
  });

  it("reads times as a player does", () => {
    expect(formatTime(0)).toBe("0:00");
    expect(formatTime(65.7)).toBe("1:05");
    expect(formatTime(3725)).toBe("1:02:05");
    expect(formatTime(NaN)).toBe("0:00");
  });
});
