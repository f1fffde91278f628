import { afterEach, describe, expect, it, vi } from "vitest";
import type { Editor } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import { TAB_CYCLE, isId } from "@aiuteur/shared";
import { blocks, caretBlock, caretIn, makeEditor, press, setBlocks, types } from "./testing.js";

let editor: Editor;
afterEach(() => editor?.destroy());

describe("Enter", () => {
  it("starts the element that follows, as in Final Draft", () => {
    editor = makeEditor();
    setBlocks(editor, [["character", "JOHN"]]);
    caretIn(editor, 0);
    expect(press(editor, "Enter")).toBe(true);
    expect(types(editor)).toEqual(["character", "dialogue"]);
    expect(caretBlock(editor)).toBe(1);

    editor.commands.insertContent("Hello.");
    press(editor, "Enter");
    expect(types(editor)).toEqual(["character", "dialogue", "character"]);
    expect(caretBlock(editor)).toBe(2);
  });

  it("after a scene heading starts action, after a transition a new scene with its own id", () => {
    editor = makeEditor();
    setBlocks(editor, [["sceneHeading", "INT. HOUSE - DAY", { sceneId: "aaaaaaaaaaaaaaaa" }]]);
    caretIn(editor, 0);
    press(editor, "Enter");
    expect(types(editor)).toEqual(["sceneHeading", "action"]);

    setBlocks(editor, [["transition", "CUT TO:"]]);
    caretIn(editor, 0);
    press(editor, "Enter");
    const [, heading] = blocks(editor);
    expect(heading?.type).toBe("sceneHeading");
    expect(isId(heading?.attrs.sceneId)).toBe(true);
  });

  it("turns an empty dialogue or CHARACTER into action instead of adding a line", () => {
    editor = makeEditor();
    setBlocks(editor, [["character", "JOHN"], ["dialogue", "Hi."], ["character"]]);
    caretIn(editor, 2);
    press(editor, "Enter");
    expect(types(editor)).toEqual(["character", "dialogue", "action"]);

    setBlocks(editor, [["character", "JOHN"], ["dialogue"]]);
    caretIn(editor, 1);
    press(editor, "Enter");
    expect(types(editor)).toEqual(["character", "action"]);
  });

  it("turns an empty parenthetical back into dialogue", () => {
    editor = makeEditor();
    setBlocks(editor, [["character", "JOHN"], ["parenthetical", "()"]]);
    caretIn(editor, 1, 1);
    press(editor, "Enter");
    expect(blocks(editor).map((b) => [b.type, b.text])).toEqual([["character", "JOHN"], ["dialogue", ""]]);
  });

  it("at the closing parenthesis of a parenthetical moves on to dialogue", () => {
    editor = makeEditor();
    setBlocks(editor, [["character", "JOHN"], ["parenthetical", "(beat)"]]);
    caretIn(editor, 1, 5);
    press(editor, "Enter");
    expect(blocks(editor).map((b) => [b.type, b.text])).toEqual([
      ["character", "JOHN"],
      ["parenthetical", "(beat)"],
      ["dialogue", ""],
    ]);
  });

  it("in the middle splits the element and keeps its type", () => {
    editor = makeEditor();
    setBlocks(editor, [["dialogue", "First half. Second half."]]);
    caretIn(editor, 0, 12);
    press(editor, "Enter");
    expect(blocks(editor).map((b) => [b.type, b.text])).toEqual([
      ["dialogue", "First half. "],
      ["dialogue", "Second half."],
    ]);
  });

  it("splitting a scene heading makes the tail a new scene; at the start the heading keeps its id", () => {
    editor = makeEditor();
    const id = "bbbbbbbbbbbbbbbb";
    setBlocks(editor, [["sceneHeading", "INT. HOUSE - DAY", { sceneId: id, sceneNumber: "4A" }]]);
    caretIn(editor, 0, 10);
    press(editor, "Enter");
    const [head, tail] = blocks(editor);
    expect(head?.attrs).toMatchObject({ sceneId: id, sceneNumber: "4A" });
    expect(tail?.attrs.sceneId).not.toBe(id);
    expect(tail?.attrs.sceneNumber).toBeNull();

    setBlocks(editor, [["sceneHeading", "INT. HOUSE - DAY", { sceneId: id }]]);
    caretIn(editor, 0, 0);
    press(editor, "Enter");
    const [empty, text] = blocks(editor);
    expect(empty?.text).toBe("");
    expect(empty?.attrs.sceneId).not.toBe(id);
    expect(text).toMatchObject({ text: "INT. HOUSE - DAY", attrs: { sceneId: id } });
  });

  it("Shift-Enter puts a \\n line break inside the element", () => {
    editor = makeEditor();
    setBlocks(editor, [["lyrics", "Row, row"]]);
    caretIn(editor, 0);
    press(editor, "Enter", { shiftKey: true });
    editor.commands.insertContent("your boat");
    expect(blocks(editor).map((b) => [b.type, b.text])).toEqual([["lyrics", "Row, row\nyour boat"]]);
  });

  it("on a selected page break continues with action after it", () => {
    editor = makeEditor();
    setBlocks(editor, [["action", "A"], ["pageBreak"]]);
    editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, 3)));
    press(editor, "Enter");
    expect(types(editor)).toEqual(["action", "pageBreak", "action"]);
    expect(caretBlock(editor)).toBe(2);
  });
});

describe("Tab", () => {
  it("cycles the element through TAB_CYCLE and Shift-Tab goes back", () => {
    editor = makeEditor();
    setBlocks(editor, [["action", "someone"]]);
    caretIn(editor, 0);
    const seen: string[] = [];
    for (let i = 0; i < TAB_CYCLE.length; i++) {
      seen.push(types(editor)[0]!);
      expect(press(editor, "Tab")).toBe(true);
    }
    expect(seen).toEqual([...TAB_CYCLE]);
    expect(types(editor)).toEqual(["action"]);

    press(editor, "Tab", { shiftKey: true });
    expect(types(editor)).toEqual([TAB_CYCLE[TAB_CYCLE.length - 1]]);
    // The text is kept as typed; capitals in CHARACTER etc. are shown by CSS.
    expect(blocks(editor)[0]?.text).toBe("someone");
  });

  it("gives an empty parenthetical its parentheses with the caret inside", () => {
    editor = makeEditor();
    setBlocks(editor, [["character", "JOHN"], ["character"]]);
    caretIn(editor, 1);
    press(editor, "Tab");
    expect(blocks(editor)[1]).toMatchObject({ type: "parenthetical", text: "()" });
    expect(editor.state.selection.$from.parentOffset).toBe(1);
    press(editor, "Tab");
    expect(blocks(editor)[1]).toMatchObject({ type: "dialogue", text: "" });
  });

  it("moves a type outside the cycle into it", () => {
    editor = makeEditor();
    setBlocks(editor, [["centered", "THE END"]]);
    caretIn(editor, 0);
    press(editor, "Tab");
    expect(types(editor)).toEqual([TAB_CYCLE[0]]);
  });
});

describe("element shortcuts", () => {
  const expected = [
    ["1", "sceneHeading"],
    ["2", "action"],
    ["3", "character"],
    ["4", "parenthetical"],
    ["5", "dialogue"],
    ["6", "transition"],
    ["7", "shot"],
    ["8", "centered"],
    ["9", "note"],
  ] as const;

  it.each(expected)("Mod-Alt-%s makes a %s", (digit, type) => {
    editor = makeEditor();
    setBlocks(editor, [["action", "text"]]);
    caretIn(editor, 0);
    expect(press(editor, digit, { ctrlKey: true, altKey: true })).toBe(true);
    expect(types(editor)).toEqual([type]);
  });

  it("a new scene heading gets a fresh sceneId", () => {
    editor = makeEditor();
    setBlocks(editor, [["action", "INT. HOUSE"]]);
    caretIn(editor, 0);
    press(editor, "1", { ctrlKey: true, altKey: true });
    expect(isId(blocks(editor)[0]?.attrs.sceneId)).toBe(true);
  });

  it("setElement('pageBreak') puts a break after a written element and replaces an empty one", () => {
    editor = makeEditor();
    setBlocks(editor, [["action", "Text"]]);
    caretIn(editor, 0);
    editor.commands.setElement("pageBreak");
    expect(types(editor)).toEqual(["action", "pageBreak"]);

    setBlocks(editor, [["action", "Text"], ["action"]]);
    caretIn(editor, 1);
    editor.commands.setElement("pageBreak");
    expect(types(editor)).toEqual(["action", "pageBreak", "action"]);
    expect(caretBlock(editor)).toBe(2);
  });

  it("Mod-B, Mod-I and Mod-U mark the selection", () => {
    editor = makeEditor();
    setBlocks(editor, [["action", "loud"]]);
    editor.commands.setTextSelection({ from: 1, to: 5 });
    press(editor, "b", { ctrlKey: true });
    press(editor, "i", { ctrlKey: true });
    press(editor, "u", { ctrlKey: true });
    const marks = editor.state.doc.child(0).child(0).marks.map((m) => m.type.name).sort();
    expect(marks).toEqual(["bold", "italic", "underline"]);
  });

  it("Mod-/ asks for the shortcut help", () => {
    const onToggleHelp = vi.fn();
    editor = makeEditor(undefined, { onToggleHelp });
    expect(press(editor, "/", { ctrlKey: true })).toBe(true);
    expect(onToggleHelp).toHaveBeenCalledOnce();
  });
});

describe("read-only page", () => {
  it("ignores editing keys but still opens the shortcut help", () => {
    const onToggleHelp = vi.fn();
    editor = makeEditor(undefined, { onToggleHelp });
    setBlocks(editor, [["character", "JOHN"]]);
    caretIn(editor, 0);
    editor.setEditable(false);
    for (const [key, mods] of [["Enter", {}], ["Tab", {}], ["Backspace", {}], ["1", { ctrlKey: true, altKey: true }], ["z", { ctrlKey: true }]] as const) {
      press(editor, key, mods);
    }
    // Even a command run directly cannot change the script locally.
    editor.commands.insertContent("typed anyway");
    expect(blocks(editor).map((b) => [b.type, b.text])).toEqual([["character", "JOHN"]]);
    expect(press(editor, "/", { ctrlKey: true })).toBe(true);
    expect(onToggleHelp).toHaveBeenCalledOnce();
  });
});
