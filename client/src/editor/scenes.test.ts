import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import { deriveScenes, sceneAt } from "./scenes.js";
import { caretIn, makeEditor, setBlocks } from "./testing.js";

let editor: Editor;
afterEach(() => editor?.destroy());

describe("deriveScenes", () => {
  it("numbers scenes 1, 2, 3 and counts on from a locked number", () => {
    editor = makeEditor();
    setBlocks(editor, [
      ["action", "FADE IN:"],
      ["sceneHeading", "INT. HOUSE - DAY", { sceneId: "aaaaaaaaaaaaaaaa" }],
      ["action", "Rain."],
      ["sceneHeading", "EXT. ROAD - NIGHT", { sceneId: "bbbbbbbbbbbbbbbb" }],
      ["sceneHeading", "INT. CAR - NIGHT", { sceneId: "cccccccccccccccc", sceneNumber: "12A" }],
      ["sceneHeading", "INT. BAR\nLATER", { sceneId: "dddddddddddddddd" }],
    ]);
    const scenes = deriveScenes(editor);
    expect(scenes.map((s) => [s.number, s.heading, s.sceneId, s.index, s.locked])).toEqual([
      ["1", "INT. HOUSE - DAY", "aaaaaaaaaaaaaaaa", 1, false],
      ["2", "EXT. ROAD - NIGHT", "bbbbbbbbbbbbbbbb", 3, false],
      ["12A", "INT. CAR - NIGHT", "cccccccccccccccc", 4, true],
      ["13", "INT. BAR LATER", "dddddddddddddddd", 5, false],
    ]);
    // The same list from the state or the document node.
    expect(deriveScenes(editor.state)).toEqual(scenes);
    expect(deriveScenes(editor.state.doc)).toEqual(scenes);
    for (const scene of scenes) expect(editor.state.doc.nodeAt(scene.pos)?.attrs.sceneId).toBe(scene.sceneId);
  });

  it("finds the scene around a position", () => {
    editor = makeEditor();
    setBlocks(editor, [
      ["action", "Cold open."],
      ["sceneHeading", "INT. A - DAY", { sceneId: "aaaaaaaaaaaaaaaa" }],
      ["action", "In A."],
    ]);
    const scenes = deriveScenes(editor);
    caretIn(editor, 0);
    expect(sceneAt(scenes, editor.state.selection.from)).toBeNull();
    caretIn(editor, 2);
    expect(sceneAt(scenes, editor.state.selection.from)?.sceneId).toBe("aaaaaaaaaaaaaaaa");
  });

  it("shows the numbers in the margin of the page as the script changes", () => {
    editor = makeEditor();
    setBlocks(editor, [
      ["sceneHeading", "INT. A - DAY", { sceneId: "aaaaaaaaaaaaaaaa" }],
      ["sceneHeading", "INT. B - DAY", { sceneId: "bbbbbbbbbbbbbbbb", sceneNumber: "5" }],
    ]);
    const numbers = () =>
      [...editor.view.dom.querySelectorAll(".sp-sceneHeading")].map((el) => el.getAttribute("data-scene-number"));
    expect(numbers()).toEqual(["1", "5"]);
    caretIn(editor, 0, 0);
    editor.commands.setElement("action");
    expect(numbers()).toEqual(["5"]);
  });
});
