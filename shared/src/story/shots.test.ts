import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addShotToStoryboard,
  DEFAULT_SHOT_FIELDS,
  durationProblem,
  formatRunningTime,
  initShotDocument,
  moveShot,
  nextShotNumbers,
  parseDuration,
  readShotFields,
  readShotOrder,
  removeShotFromStoryboard,
  runningTime,
  shotActionText,
  shotFieldsMap,
  shotNumberBetween,
  shotPatchProblems,
  writeShotFields,
} from "./shots.js";

describe("shot fields", () => {
  it("initialises a shot document and reads it back", () => {
    const doc = new Y.Doc();
    initShotDocument(doc, { number: "4", sceneId: "scene-1", action: "She runs.", size: "WS" });
    expect(readShotFields(doc)).toEqual({ ...DEFAULT_SHOT_FIELDS, number: "4", sceneId: "scene-1", action: "She runs.", size: "WS" });
    expect(shotActionText(doc).toString()).toBe("She runs.");
  });

  it("writes only valid values and reads bad peer values as defaults", () => {
    const doc = new Y.Doc();
    initShotDocument(doc, { number: "1", sceneId: "s" });
    writeShotFields(doc, { size: "CU", duration: 9999, lens: "50mm", dialogue: [{ character: "ANA", text: "Hi" }] });
    expect(readShotFields(doc)).toMatchObject({ size: "CU", duration: 3, lens: "50mm", dialogue: [{ character: "ANA", text: "Hi" }] });
    const fields = shotFieldsMap(doc);
    fields.set("size", "GIANT");
    fields.set("number", "0");
    fields.set("duration", "NaN");
    fields.set("characters", ["ANA", "ANA", 3, " "]);
    expect(readShotFields(doc)).toMatchObject({ size: "MS", number: "1", duration: 3, characters: ["ANA"] });
  });

  it("explains what is wrong with a patch", () => {
    expect(shotPatchProblems({ number: "1a", size: "huge" as never, duration: -1, lens: "x".repeat(41) })).toEqual({
      number: expect.stringContaining("12A"),
      size: "Unknown shot size.",
      duration: "A shot lasts at least 0.5 seconds.",
      lens: "A lens is at most 40 characters.",
    });
    expect(shotPatchProblems({ number: "12B", size: "OTS", duration: 2.5 })).toEqual({});
  });

  it("validates durations the user types, with a clear message", () => {
    expect(durationProblem("2,5")).toBeNull();
    expect(parseDuration(" 2,54 ")).toBe(2.5);
    expect(durationProblem("")).toBe("Duration must be a number of seconds, such as 2.5.");
    expect(durationProblem("abc")).toBe("Duration must be a number of seconds, such as 2.5.");
    expect(durationProblem(0.2)).toBe("A shot lasts at least 0.5 seconds.");
    expect(durationProblem(601)).toBe("A shot lasts at most 600 seconds (10 minutes).");
    expect(durationProblem(Number.POSITIVE_INFINITY)).not.toBeNull();
    expect(parseDuration("x")).toBeNull();
  });
});

describe("shot numbers", () => {
  it("numbers a pick-up between two shots the way productions do", () => {
    expect(shotNumberBetween("3", undefined)).toBe("4");
    expect(shotNumberBetween(undefined, undefined)).toBe("1");
    expect(shotNumberBetween("3", "4")).toBe("3A");
    expect(shotNumberBetween("3A", "4")).toBe("3B");
    expect(shotNumberBetween("3", "7")).toBe("4");
    expect(shotNumberBetween("3", "4", ["3A"])).toBe("3B");
    expect(shotNumberBetween("3", undefined, ["4", "5"])).toBe("6");
    expect(shotNumberBetween(undefined, "5")).toBe("1");
  });

  it("continues after the highest existing number", () => {
    expect(nextShotNumbers(["1", "2A", "7", "3"], 3)).toEqual(["8", "9", "10"]);
    expect(nextShotNumbers([], 2)).toEqual(["1", "2"]);
  });
});

describe("storyboard order and running time", () => {
  it("adds, moves and removes shots", () => {
    const doc = new Y.Doc();
    for (const id of ["a", "b", "c"]) addShotToStoryboard(doc, id);
    addShotToStoryboard(doc, "z", 0);
    addShotToStoryboard(doc, "a");
    moveShot(doc, "z", 3);
    expect(readShotOrder(doc)).toEqual(["a", "b", "c", "z"]);
    removeShotFromStoryboard(doc, "b");
    expect(readShotOrder(doc)).toEqual(["a", "c", "z"]);
  });

  it("sums durations and formats them", () => {
    expect(runningTime([{ duration: 2.5 }, { duration: 3.1 }, { duration: 0.5 }])).toBe(6.1);
    expect(formatRunningTime(6.1)).toBe("6.1 s");
    expect(formatRunningTime(12)).toBe("12 s");
    expect(formatRunningTime(65)).toBe("1:05");
  });
});

describe("numbering a shot inserted before the first or between lettered shots", () => {
  it("numbers a shot before shot 1 A1, and between 3A and 3B 3AA, so existing numbers never change", () => {
    expect(shotNumberBetween(undefined, "1")).toBe("A1");
    expect(shotNumberBetween(undefined, "1", ["A1"])).toBe("B1");
    expect(shotNumberBetween("3A", "3B")).toBe("3AA");
    // Nothing sorts between 3 and 3A: the number is at least unique.
    expect(["3", "3A"]).not.toContain(shotNumberBetween("3", "3A"));
  });
});
