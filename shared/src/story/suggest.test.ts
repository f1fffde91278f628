import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFountain } from "../fountain/index.js";
import { textBlock } from "../screenplay/model.js";
import { deriveScenes } from "./scenes.js";
import { DURATION_LIMITS } from "./shots.js";
import { estimatedDuration, suggestShots } from "./suggest.js";

const CORPUS_DIR = fileURLToPath(new URL("../../../../shared/data/fountain/", import.meta.url));

describe("suggestShots", () => {
  const blocks = [
    textBlock("sceneHeading", "INT. RADIO STUDIO - NIGHT", { sceneId: "s1" }),
    textBlock("action", "The DJ slumps at the desk while Dave pours coffee."),
    textBlock("character", "DJ"),
    textBlock("parenthetical", "(bored)"),
    textBlock("dialogue", "Here's another one."),
    textBlock("action", "Dave rolls his eyes."),
    textBlock("character", "DAVE (CONT'D)"),
    textBlock("dialogue", "Why do we pay him?"),
    textBlock("note", "Maybe cut this."),
    textBlock("character", "JIM (O.S.)"),
    textBlock("dialogue", "Because he's cheap."),
    textBlock("transition", "CUT TO:"),
    textBlock("sceneHeading", "EXT. STREET - DAY", { sceneId: "s2" }),
    textBlock("action", "Traffic."),
  ];
  const [studio, street] = deriveScenes(blocks);

  it("makes one shot per action paragraph and per dialogue exchange, in script order", () => {
    const shots = suggestShots(blocks, studio!);
    expect(shots.map((s) => [s.size, s.action, s.dialogue.map((d) => d.character), s.characters])).toEqual([
      ["WS", "The DJ slumps at the desk while Dave pours coffee.", [], ["DJ", "DAVE"]],
      ["MCU", "", ["DJ"], ["DJ"]],
      ["MS", "Dave rolls his eyes.", [], ["DAVE"]],
      // A note between lines does not split the exchange; two speakers make an over-the-shoulder.
      ["OTS", "", ["DAVE", "JIM"], ["DAVE", "JIM"]],
    ]);
    expect(shots[1]!.dialogue).toEqual([{ character: "DJ", text: "Here's another one.", parenthetical: "(bored)" }]);
  });

  it("only looks inside the given scene and is deterministic", () => {
    expect(suggestShots(blocks, street!)).toEqual([{ action: "Traffic.", dialogue: [], characters: [], size: "WS", duration: 2 }]);
    expect(suggestShots(blocks, studio!)).toEqual(suggestShots(blocks, studio!));
  });

  it("estimates durations at about a page a minute, in half seconds, within the limits", () => {
    expect(estimatedDuration(0)).toBe(1);
    expect(estimatedDuration(55)).toBe(60);
    expect(estimatedDuration(5)).toBe(5.5);
    expect(estimatedDuration(100000)).toBe(DURATION_LIMITS.max);
    const longScene = [textBlock("sceneHeading", "INT. X"), textBlock("action", "Words keep coming. ".repeat(200))];
    const long = suggestShots(longScene, deriveScenes(longScene)[0]!);
    expect(long[0]!.duration).toBeGreaterThan(30);
    expect(long[0]!.duration * 2).toBe(Math.round(long[0]!.duration * 2));
  });

  it("breaks down a real corpus scene", () => {
    const { blocks: real } = parseFountain(readFileSync(CORPUS_DIR + "TestFDX-FD.fountain", "utf8"));
    const shots = suggestShots(real, deriveScenes(real)[0]!);
    expect(shots.map((s) => s.size)).toEqual(["WS", "MCU", "MS", "OTS"]);
    expect(shots[3]!.characters).toEqual(["DAVE", "JIM"]);
  });
});
