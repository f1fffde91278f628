import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import * as Y from "yjs";
import { isId } from "@aiuteur/shared";
import { blocks, caretIn, makeEditor, press, setBlocks, type } from "./testing.js";

let editor: Editor;
afterEach(() => editor?.destroy());

describe("typing that changes the element", () => {
  it("the first words in an empty script make a scene heading", () => {
    editor = makeEditor(new Y.Doc());
    expect(blocks(editor)).toMatchObject([{ type: "action", text: "" }]);
    type(editor, "int. kitchen - night");
    const [heading] = blocks(editor);
    expect(heading).toMatchObject({ type: "sceneHeading", text: "INT. KITCHEN - NIGHT" });
    expect(isId(heading?.attrs.sceneId)).toBe(true);
    press(editor, "Enter");
    type(editor, "Quiet.");
    expect(blocks(editor).map((b) => [b.type, b.text])).toEqual([
      ["sceneHeading", "INT. KITCHEN - NIGHT"],
      ["action", "Quiet."],
    ]);
  });

  it("does not take over a script the writer has already started", () => {
    editor = makeEditor();
    setBlocks(editor, [["action"]]);
    caretIn(editor, 0);
    type(editor, "She runs.");
    expect(blocks(editor)).toMatchObject([{ type: "action", text: "She runs." }]);
  });

  it.each(["int.", "EXT.", "i/e.", "Int./Ext.", "est."])("'%s' at the start of an action line makes a scene heading", (prefix) => {
    editor = makeEditor();
    setBlocks(editor, [["action", "Before."], ["action"]]);
    caretIn(editor, 1);
    type(editor, `${prefix} road`);
    expect(blocks(editor)[1]).toMatchObject({ type: "sceneHeading", text: `${prefix.toUpperCase()} ROAD` });
    expect(isId(blocks(editor)[1]?.attrs.sceneId)).toBe(true);
  });

  it("leaves words that merely start like a heading alone", () => {
    editor = makeEditor();
    setBlocks(editor, [["action"]]);
    caretIn(editor, 0);
    type(editor, "Interior design. Extra time.");
    expect(blocks(editor)).toMatchObject([{ type: "action", text: "Interior design. Extra time." }]);
  });

  it("'(' at the start of an empty dialogue makes a parenthetical and ')' steps over the closing one", () => {
    editor = makeEditor();
    setBlocks(editor, [["character", "JOHN"], ["dialogue"]]);
    caretIn(editor, 1);
    type(editor, "(beat)");
    expect(blocks(editor)[1]).toMatchObject({ type: "parenthetical", text: "(beat)" });
    expect(editor.state.selection.$from.parentOffset).toBe(6);
    press(editor, "Enter");
    expect(blocks(editor)[2]?.type).toBe("dialogue");
  });

  it("'(' inside written dialogue is just a parenthesis", () => {
    editor = makeEditor();
    setBlocks(editor, [["dialogue", "Well"]]);
    caretIn(editor, 0);
    type(editor, " (sort of)");
    expect(blocks(editor)[0]).toMatchObject({ type: "dialogue", text: "Well (sort of)" });
  });
});
