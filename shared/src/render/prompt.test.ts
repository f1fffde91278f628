import { describe, expect, it } from "vitest";
import { DEFAULT_SHOT_FIELDS, type ShotFields } from "../story/shots.js";
import type { RegistryEntry } from "../story/registry.js";
import { assembleShotPrompt, clipPromptText, DEFAULT_PROMPT_STYLE, MAX_SHOT_PROMPT, shotPromptContext, type ShotPromptContext } from "./prompt.js";

function shot(patch: Partial<ShotFields> = {}): ShotFields {
  return { ...DEFAULT_SHOT_FIELDS, number: "3", sceneId: "scene-1", ...patch };
}

const registry: RegistryEntry[] = [
  { id: "character:MARA", kind: "character", name: "MARA", description: "a tall woman in her forties, grey raincoat, short silver hair", images: [] },
  { id: "character:JONAS", kind: "character", name: "JONAS", description: "a wiry teenager with a red cap", images: [] },
  { id: "character:OTTO", kind: "character", name: "OTTO", description: "an old sailor", images: [] },
  { id: "location:KITCHEN", kind: "location", name: "Kitchen", description: "a cramped 1970s kitchen, yellow tiles, one flickering bulb", images: [] },
  { id: "prop:knife", kind: "prop", name: "knife", description: "a bread knife", images: [] },
];

const kitchen = shotPromptContext(registry, { heading: "INT. KITCHEN - NIGHT", location: "KITCHEN" });

describe("assembleShotPrompt", () => {
  it("names the framing, the action, the shot's characters and the location with their registry descriptions", () => {
    const prompt = assembleShotPrompt(
      shot({ size: "CU", angle: "low", lens: "85mm", movement: "dolly in", action: "Mara slams the drawer shut.", characters: ["Mara", "JONAS"] }),
      kitchen,
    );
    expect(prompt).toContain("Close-up, low angle, 85mm lens, camera dolly in.");
    expect(prompt).toContain("Mara slams the drawer shut.");
    expect(prompt).toContain("MARA: a tall woman in her forties, grey raincoat, short silver hair.");
    expect(prompt).toContain("JONAS: a wiry teenager with a red cap.");
    expect(prompt).toContain("Scene: INT. KITCHEN - NIGHT.");
    expect(prompt).toContain("Location: Kitchen, a cramped 1970s kitchen, yellow tiles, one flickering bulb.");
    // Only the shot's own characters: the registry's others and its props stay out.
    expect(prompt).not.toContain("old sailor");
    expect(prompt).not.toContain("bread knife");
    expect(prompt.endsWith(DEFAULT_PROMPT_STYLE)).toBe(true);
    // Framing first (image models weigh the start most), then action, then people, then place.
    const order = ["Close-up", "slams", "MARA:", "JONAS:", "Scene:", "Location:"].map((part) => prompt.indexOf(part));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("says a static camera and leaves out an empty lens, and lists characters the registry does not describe by name", () => {
    const prompt = assembleShotPrompt(shot({ size: "WS", angle: "eye level", characters: ["PETE", "OTTO"] }), {
      sceneHeading: "EXT. HARBOUR - DAY",
      characters: [{ name: "PETE", description: "" }, { name: "OTTO", description: "an old sailor" }],
      location: null,
    });
    expect(prompt).toContain("Wide shot, eye level angle, static camera.");
    expect(prompt).not.toContain("lens");
    expect(prompt).toContain("OTTO: an old sailor.");
    expect(prompt).toContain("Characters: PETE.");
    expect(prompt).not.toContain("Location:");
  });

  it("ends with the project's style instead of the default one", () => {
    const prompt = assembleShotPrompt(shot({ action: "A door opens" }), { ...kitchen, style: "charcoal sketch, high contrast" });
    expect(prompt).toContain("A door opens.");
    expect(prompt.endsWith("charcoal sketch, high contrast.")).toBe(true);
    expect(prompt).not.toContain(DEFAULT_PROMPT_STYLE);
  });

  it("is capped, and a long action or description cannot push the characters or the style out", () => {
    const long = "word ".repeat(2000);
    const context: ShotPromptContext = {
      sceneHeading: `INT. ${"VERY ".repeat(200)}LONG PLACE - DAY`,
      characters: [
        { name: "MARA", description: `tall ${long}` },
        { name: "JONAS", description: "a wiry teenager with a red cap" },
      ],
      location: { name: "Kitchen", description: long },
      style: "pencil storyboard",
    };
    const prompt = assembleShotPrompt(shot({ action: `She waits. ${long}`, characters: ["MARA", "JONAS"] }), context);
    expect(prompt.length).toBeLessThanOrEqual(MAX_SHOT_PROMPT);
    expect(prompt).toContain("She waits.");
    expect(prompt).toContain("MARA: tall word");
    expect(prompt).toContain("JONAS: a wiry teenager with a red cap.");
    expect(prompt.endsWith("pencil storyboard.")).toBe(true);
    expect(prompt).toContain("…");
  });

  it("is the same for the same shot, whatever the registry's order", () => {
    const fields = shot({ characters: ["JONAS", "MARA"], action: "They argue." });
    const reversed = shotPromptContext([...registry].reverse(), { heading: "INT. KITCHEN - NIGHT", location: "Kitchen" });
    expect(assembleShotPrompt(fields, reversed)).toBe(assembleShotPrompt(fields, kitchen));
  });
});

describe("shotPromptContext", () => {
  it("takes the registry's characters and the scene's location entry, matching names case-insensitively", () => {
    expect(kitchen.characters.map((c) => c.name)).toEqual(["MARA", "JONAS", "OTTO"]);
    expect(kitchen.location).toEqual({ name: "Kitchen", description: "a cramped 1970s kitchen, yellow tiles, one flickering bulb" });
    expect(shotPromptContext(registry, { heading: "EXT. ROOF - DAY", location: "ROOF" }).location).toBeNull();
  });
});

describe("clipPromptText", () => {
  it("single-spaces, and cuts long text at a word boundary with an ellipsis", () => {
    expect(clipPromptText("  a \n b  ", 10)).toBe("a b");
    expect(clipPromptText("the quick brown fox jumps", 16)).toBe("the quick brown…");
    expect(clipPromptText("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
