import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFountain } from "../fountain/index.js";
import { newId } from "../ids.js";
import { blockText, textBlock, type ScreenplayBlock } from "../screenplay/model.js";
import { deriveScenes } from "../story/scenes.js";
import { diffScreenplays, type SceneDiff } from "./diff.js";

// src/versioning/ → shared/ → /work/main → /work, then shared/data/fountain (read in place, never copied).
const CORPUS_DIR = fileURLToPath(new URL("../../../../shared/data/fountain/", import.meta.url));
const corpusBlocks = (name: string) => parseFountain(readFileSync(CORPUS_DIR + name, "utf8")).blocks;

const heading = (text: string, sceneId?: string) => textBlock("sceneHeading", text, sceneId ? { sceneId } : undefined);
const action = (text: string) => textBlock("action", text);
const cue = (text: string) => textBlock("character", text);
const line = (text: string) => textBlock("dialogue", text);

const overview = (scenes: readonly SceneDiff[]) => scenes.map((scene) => [scene.heading, scene.status]);

/** A copy of `blocks` with the first action of the scene whose heading is at `headingIndex` rewritten. */
function rewriteFirstAction(blocks: readonly ScreenplayBlock[], headingIndex: number, text: string): ScreenplayBlock[] {
  const copy = blocks.map((block) => ({ ...block }));
  for (let i = headingIndex + 1; i < copy.length && copy[i]!.type !== "sceneHeading"; i++) {
    if (copy[i]!.type === "action" && blockText(copy[i]!) !== "") {
      copy[i] = action(text);
      return copy;
    }
  }
  throw new Error("no action to rewrite in that scene");
}

/** The corpus's longest script repeated, with fresh scene ids, to about 120 pages (as in bench/longScript.ts). */
function longScript(): ScreenplayBlock[] {
  const copy = corpusBlocks("Writer-output.fountain");
  const blocks: ScreenplayBlock[] = [];
  const pages = () => deriveScenes(blocks).reduce((sum, scene) => sum + scene.eighths, 0) / 8;
  while (pages() < 120) {
    for (const block of copy) blocks.push(block.type === "sceneHeading" ? { ...block, attrs: { ...block.attrs, sceneId: newId() } } : block);
  }
  return blocks;
}

describe("diffScreenplays on a real script", () => {
  const script = corpusBlocks("Writer-output.fountain");
  const headings = script.flatMap((block, index) => (block.type === "sceneHeading" ? [index] : []));

  it("finds nothing changed between a script and itself", () => {
    const diff = diffScreenplays(script, script.map((block) => ({ ...block })));
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0, unchanged: headings.length + 1 });
    expect(diff.scenes[0]).toMatchObject({ sceneId: null, heading: "", number: 0 });
    expect(diff.scenes.slice(1).map((scene) => scene.number)).toEqual(headings.map((_, i) => i + 1));
  });

  it("marks exactly the edited scene changed, with the old and the new text of the edited element", () => {
    const edited = headings.findIndex((index) => blockText(script[index]!) === "EXT. BRICK’S PATIO - DAY");
    const after = rewriteFirstAction(script, headings[edited]!, "A grey day. Rain on the patio.");
    const diff = diffScreenplays(script, after);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1, unchanged: headings.length });
    const changed = diff.scenes.filter((scene) => scene.status === "changed");
    expect(changed.map((scene) => [scene.heading, scene.number, scene.sceneId])).toEqual([
      ["EXT. BRICK’S PATIO - DAY", edited + 1, script[headings[edited]!]!.attrs?.sceneId],
    ]);
    const marks = changed[0]!.elements.filter((element) => element.status !== "same");
    expect(marks).toEqual([
      { type: "action", status: "changed", before: expect.stringMatching(/^A gorgeous day\./), after: "A grey day. Rain on the patio." },
    ]);
  });

  it("lines a re-imported copy (fresh scene ids) up by heading text", () => {
    const reimported = corpusBlocks("Writer-output.fountain");
    const diff = diffScreenplays(script, reimported);
    expect(diff.summary.unchanged).toBe(headings.length + 1);
    expect(diff.scenes.map((scene) => scene.sceneId)).toEqual([null, ...headings.map((index) => reimported[index]!.attrs?.sceneId)]);
  });
});

describe("diffScreenplays on a 120-page script", () => {
  const before = longScript();
  const headings = before.flatMap((block, index) => (block.type === "sceneHeading" ? [index] : []));

  it("reports one changed scene when one scene in the middle is edited", () => {
    const middle = headings.findIndex((index, i) => i >= headings.length / 2 && blockText(before[index]!) === "EXT. BRICK’S PATIO - DAY");
    const after = rewriteFirstAction(before, headings[middle]!, "Changed.");
    const diff = diffScreenplays(before, after);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1, unchanged: headings.length });
    expect(diff.scenes.findIndex((scene) => scene.status === "changed")).toBe(middle + 1);
  });

  it("reports a deleted scene where it was, and a pasted scene as added", () => {
    const cut = headings[10]!;
    const end = headings[11]!;
    const pasted = [heading("INT. NEW ROOM - NIGHT", "pastedscene00001"), action("Dust.")];
    const after = [...before.slice(0, cut), ...before.slice(end, headings[20]), ...pasted, ...before.slice(headings[20])];
    const diff = diffScreenplays(before, after);
    // Every scene but the cut one, plus the part before the first heading.
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 0, unchanged: headings.length });
    expect(diff.scenes[11]).toMatchObject({ status: "removed", number: 11, sceneId: before[cut]!.attrs?.sceneId });
    expect(diff.scenes[21]).toMatchObject({ status: "added", heading: "INT. NEW ROOM - NIGHT", number: 20 });
    expect(diff.scenes[21]!.elements.map((element) => [element.status, element.after])).toEqual([
      ["added", "INT. NEW ROOM - NIGHT"],
      ["added", "Dust."],
    ]);
  });
});

describe("diffScreenplays scene matching and element marks", () => {
  it("matches by scene id even when the heading was rewritten, and shows the heading as changed", () => {
    const diff = diffScreenplays([heading("INT. KITCHEN - DAY", "k"), action("Eggs.")], [heading("INT. KITCHEN - NIGHT", "k"), action("Eggs.")]);
    expect(overview(diff.scenes)).toEqual([["INT. KITCHEN - NIGHT", "changed"]]);
    expect(diff.scenes[0]!.elements[0]).toEqual({ type: "sceneHeading", status: "changed", before: "INT. KITCHEN - DAY", after: "INT. KITCHEN - NIGHT" });
  });

  it("keeps `after` order and puts removed scenes after the scene that preceded them", () => {
    const before = [heading("A", "a"), heading("B", "b"), heading("C", "c"), heading("D", "d")];
    const after = [heading("X", "x"), heading("D", "d"), heading("A", "a"), heading("C", "c")];
    expect(overview(diffScreenplays(before, after).scenes)).toEqual([
      ["X", "added"],
      ["D", "unchanged"],
      ["A", "unchanged"],
      ["B", "removed"],
      ["C", "unchanged"],
    ]);
    expect(overview(diffScreenplays([heading("A", "a"), heading("B", "b")], [heading("B", "b")]).scenes)).toEqual([
      ["A", "removed"],
      ["B", "unchanged"],
    ]);
  });

  it("falls back to headings in order for scenes without ids, and never reuses a matched scene", () => {
    const before = [heading("INT. HALL"), action("One."), heading("INT. HALL"), action("Two."), heading("EXT. YARD", "y")];
    const after = [heading("int.  hall"), action("One."), heading("INT. HALL", "h2"), action("Two!"), heading("EXT. YARD", "y")];
    const diff = diffScreenplays(before, after);
    // The first heading's text changed ("int.  hall"), so its scene is changed, but it is still matched.
    expect(diff.scenes.map((scene) => [scene.sceneId, scene.status])).toEqual([
      [null, "changed"],
      ["h2", "changed"],
      ["y", "unchanged"],
    ]);
    expect(diff.scenes[1]!.elements.filter((element) => element.status !== "same")).toEqual([
      { type: "action", status: "changed", before: "Two.", after: "Two!" },
    ]);
  });

  it("treats a duplicated scene id like a missing one: the copy is its own scene", () => {
    const diff = diffScreenplays([heading("INT. A", "a"), action("Hi.")], [heading("INT. A", "a"), action("Hi."), heading("INT. A COPY", "a"), action("Hi.")]);
    expect(overview(diff.scenes)).toEqual([
      ["INT. A", "unchanged"],
      ["INT. A COPY", "added"],
    ]);
  });

  it("pairs a removed and an added element of the same type as changed, and keeps other types apart", () => {
    const before = [heading("INT. A", "a"), cue("DANA"), line("No."), action("She leaves.")];
    const after = [heading("INT. A", "a"), cue("DANA"), line("Yes."), cue("LEE"), line("Good."), textBlock("transition", "CUT TO:")];
    expect(diffScreenplays(before, after).scenes[0]!.elements.map(({ type, status, before, after }) => [type, status, before, after])).toEqual([
      ["sceneHeading", "same", "INT. A", "INT. A"],
      ["character", "same", "DANA", "DANA"],
      ["dialogue", "changed", "No.", "Yes."],
      ["action", "removed", "She leaves.", undefined],
      ["character", "added", undefined, "LEE"],
      ["dialogue", "added", undefined, "Good."],
      ["transition", "added", undefined, "CUT TO:"],
    ]);
  });

  it("compares the part before the first heading like a scene", () => {
    const diff = diffScreenplays([action("Cold open.")], [action("Colder open."), heading("INT. A", "a")]);
    expect(diff.scenes.map((scene) => [scene.sceneId, scene.heading, scene.number, scene.status])).toEqual([
      [null, "", 0, "changed"],
      ["a", "INT. A", 1, "added"],
    ]);
    expect(diffScreenplays([], []).scenes).toEqual([]);
  });
});
