import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import { blocks, caretIn, makeEditor, pasteHTML, pasteText, setBlocks, type } from "./testing.js";

let editor: Editor;
afterEach(() => editor?.destroy());

describe("capitals as typed", () => {
  it("upper-cases text typed in a CHARACTER cue, keeping what is stored in capitals", () => {
    editor = makeEditor();
    setBlocks(editor, [["character"]]);
    caretIn(editor, 0);
    type(editor, "McClane (v.o.)");
    expect(blocks(editor)[0]?.text).toBe("MCCLANE (V.O.)");
  });

  it.each(["sceneHeading", "transition", "shot"])("upper-cases typing in %s", (element) => {
    editor = makeEditor();
    setBlocks(editor, [[element]]);
    caretIn(editor, 0);
    type(editor, "int. house");
    expect(blocks(editor)[0]?.text).toBe("INT. HOUSE");
  });

  it("leaves action and dialogue as typed", () => {
    editor = makeEditor();
    setBlocks(editor, [["action"], ["dialogue"]]);
    caretIn(editor, 0);
    type(editor, "She waits.");
    caretIn(editor, 1);
    type(editor, "Hello there.");
    expect(blocks(editor).map((b) => b.text)).toEqual(["She waits.", "Hello there."]);
  });

  it("does not rewrite text already in the document when the element type changes", () => {
    editor = makeEditor();
    setBlocks(editor, [["action", "john"]]);
    caretIn(editor, 0);
    editor.commands.setElement("character");
    expect(blocks(editor)[0]).toMatchObject({ type: "character", text: "john" });
    // New typing is capitalised all the same.
    type(editor, "ny");
    expect(blocks(editor)[0]?.text).toBe("johnNY");
  });

  it("upper-cases text pasted into a capitals element, not into action", () => {
    editor = makeEditor();
    setBlocks(editor, [["character"], ["action"]]);
    caretIn(editor, 0);
    pasteText(editor, "sarah");
    caretIn(editor, 1);
    pasteText(editor, "sarah");
    expect(blocks(editor).map((b) => b.text)).toEqual(["SARAH", "sarah"]);
  });

  it("upper-cases pasted elements of capitals types", () => {
    editor = makeEditor();
    setBlocks(editor, [["action", "x"]]);
    caretIn(editor, 0);
    pasteHTML(editor, '<p data-type="action">a</p><p data-type="character">bob</p><p data-type="dialogue">hi</p>');
    expect(blocks(editor).map((b) => [b.type, b.text])).toContainEqual(["character", "BOB"]);
    expect(blocks(editor).map((b) => [b.type, b.text])).toContainEqual(["dialogue", "hi"]);
  });
});
