import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFountain } from "../fountain/index.js";
import { textBlock, type ScreenplayBlock } from "../screenplay/model.js";
import { deriveCharacters, deriveLocations, deriveScenes } from "./scenes.js";
import { parseSceneHeading } from "./sceneHeading.js";

// src/story/ → shared/ → /work/main → /work, then shared/data/fountain (read in place, never copied).
const CORPUS_DIR = fileURLToPath(new URL("../../../../shared/data/fountain/", import.meta.url));
const corpus = (name: string) => readFileSync(CORPUS_DIR + name, "utf8");

const heading = (text: string, sceneId = text, sceneNumber?: string): ScreenplayBlock =>
  textBlock("sceneHeading", text, sceneNumber === undefined ? { sceneId } : { sceneId, sceneNumber });
const action = (text: string) => textBlock("action", text);
const cue = (text: string) => textBlock("character", text);
const line = (text: string) => textBlock("dialogue", text);

describe("parseSceneHeading", () => {
  it.each([
    ["INT. KITCHEN - NIGHT", "INT", "KITCHEN", "NIGHT"],
    ["ext. olympia circus - night", "EXT", "olympia circus", "night"],
    ["INT./EXT. CAR - MOVING - DAY", "INT/EXT", "CAR - MOVING", "DAY"],
    ["INT/EXT CAR – DAWN", "INT/EXT", "CAR", "DAWN"],
    ["I/E. PORCH — LATER", "INT/EXT", "PORCH", "LATER"],
    ["EST BUCKET LIST", "EXT", "BUCKET LIST", ""],
    ["INT KITCHEN", "INT", "KITCHEN", ""],
    ["INT. HALL - DAY #12A#", "INT", "HALL", "DAY"],
  ] as const)("%s", (text, intExt, location, timeOfDay) => {
    expect(parseSceneHeading(text)).toMatchObject({ intExt, location, timeOfDay });
  });

  it("reads a forced or unprefixed heading as a location without INT/EXT", () => {
    expect(parseSceneHeading(".FLASHBACK - 1985")).toEqual({ intExt: null, location: "FLASHBACK - 1985", timeOfDay: "", sceneNumber: null });
    expect(parseSceneHeading("INTERVIEW ROOM - DAY").intExt).toBeNull();
  });

  it("finds a trailing Fountain scene number", () => {
    expect(parseSceneHeading("INT. HALL - DAY #12A#").sceneNumber).toBe("12A");
  });
});

describe("deriveScenes", () => {
  it("numbers scenes, honouring locked numbers like the editor does", () => {
    const scenes = deriveScenes([
      action("Before any scene."),
      heading("INT. A - DAY"),
      heading("INT. B - DAY", "b", "12A"),
      heading("INT. C - DAY"),
      heading("INT. D - DAY", "d", "A3"),
      heading("INT. E - DAY"),
    ]);
    expect(scenes.map((s) => s.number)).toEqual(["1", "12A", "13", "A3", "14"]);
    expect(scenes.map((s) => [s.startIndex, s.endIndex])).toEqual([[1, 2], [2, 3], [3, 4], [4, 5], [5, 6]]);
  });

  it("keeps the first of two headings sharing an id and reports later ones with an empty id", () => {
    const scenes = deriveScenes([heading("INT. A", "same"), heading("INT. B", "same"), textBlock("sceneHeading", "INT. C")]);
    expect(scenes.map((s) => [s.sceneId, s.idProblem])).toEqual([
      ["same", null],
      ["", "duplicate"],
      ["", "missing"],
    ]);
    expect(scenes).toHaveLength(3);
  });

  it("lists speakers and characters named in action, in order of appearance", () => {
    const scenes = deriveScenes([
      heading("INT. ROOM - DAY", "s1"),
      action("Mary watches the door."),
      cue("JOHN (V.O.) (CONT'D)"),
      line("Open it."),
      cue("MARY ^"),
      line("No."),
      action("Nobody mentions Bobby or Johnny; john's coat hangs there."),
      heading("EXT. STREET - NIGHT", "s2"),
      action("BOB runs past. Mary Jane waves."),
      cue("BOB"),
      line("Hi."),
      cue("MARY JANE"),
      line("Hi yourself."),
    ]);
    expect(scenes[0]!.characters).toEqual(["MARY", "JOHN"]);
    // "Mary Jane" is one name, not MARY; names known from later cues count in earlier action.
    expect(scenes[1]!.characters).toEqual(["BOB", "MARY JANE"]);
  });

  it("gives longer scenes more eighths, never fewer than one", () => {
    const lengths = [0, 1, 5, 20, 60, 120].map((sentences) => {
      const text = "The rain hammers the tin roof while they wait. ".repeat(sentences).trim();
      return deriveScenes([heading("INT. SHED - NIGHT"), action(text)])[0]!.eighths;
    });
    expect(lengths[0]).toBe(1);
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]).toBeGreaterThanOrEqual(lengths[i - 1]!);
    expect(lengths[lengths.length - 1]).toBeGreaterThan(8); // 120 sentences ≈ 100 lines ≈ 2 pages
  });

  it("measures scenes within an eighth of Final Draft's own lengths for the same script", () => {
    const fdx = corpus("TestFDX-FD.fdx");
    const finalDraft = [...fdx.matchAll(/Length="(\d+)\/8"/g)].map((m) => Number(m[1]));
    const ours = deriveScenes(parseFountain(corpus("TestFDX-FD.fountain")).blocks).map((s) => s.eighths);
    expect(ours).toHaveLength(finalDraft.length);
    ours.forEach((eighths, i) => expect(Math.abs(eighths - finalDraft[i]!)).toBeLessThanOrEqual(1));
  });

  it("estimates a plausible page count for a long script", () => {
    // Final Draft paginates one copy of this script at 5/8 of a page; 160 copies ≈ 100 pages.
    const one = corpus("TestFDX-FD.fountain");
    const blocks = parseFountain(Array.from({ length: 160 }, () => one).join("\n\n")).blocks;
    const scenes = deriveScenes(blocks);
    expect(scenes).toHaveLength(320);
    const pages = scenes.reduce((sum, s) => sum + s.eighths, 0) / 8;
    expect(pages).toBeGreaterThan(80);
    expect(pages).toBeLessThan(125);
  });

  it("reads the corpus scene headings", () => {
    const scenes = deriveScenes(parseFountain(corpus("SceneHeading.fountain")).blocks);
    expect(scenes.map((s) => [s.number, s.intExt, s.location, s.timeOfDay])).toEqual([
      ["1", "INT", "SCEHE 1", "DAY"],
      ["2", "EXT", "OLYMPIA CIRCUS", "NIGHT"],
      ["3", null, "FORCED HEADER", ""],
      ["3", "INT/EXT", "HEADER WITH SCENENUM", ""],
      ["A3-1", "EXT", "BUCKET LIST", ""],
    ]);
    expect(scenes[0]!.characters).toEqual(["DAVE"]);
  });
});

describe("registry helpers", () => {
  const blocks = [
    heading("INT. KITCHEN - DAY"),
    cue("ANA (O.S.)"),
    line("Hello?"),
    heading("EXT. GARDEN - DAY"),
    cue("ben"),
    line("Here."),
    cue("ANA"),
    line("Oh."),
    heading("INT. Kitchen - NIGHT"),
  ];
  it("derives characters from cues in first-appearance order", () => {
    expect(deriveCharacters(blocks)).toEqual(["ANA", "BEN"]);
  });
  it("derives distinct locations, ignoring case", () => {
    expect(deriveLocations(deriveScenes(blocks))).toEqual(["KITCHEN", "GARDEN"]);
  });
});
