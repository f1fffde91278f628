import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { TAB_CYCLE, isId } from "@aiuteur/shared";
import { blocks, caretIn, makeEditor, pasteHTML, press, setBlocks, type } from "./testing.js";

let editor: Editor;
afterEach(() => editor?.destroy());

const ID_A = "aaaaaaaaaaaaaaaa";
const ID_B = "bbbbbbbbbbbbbbbb";

/** The HTML this editor would put on the clipboard for the blocks from..to (inclusive). */
function copyBlocks(ed: Editor, from: number, to: number): string {
  let start = 0;
  for (let i = 0; i < from; i++) start += ed.state.doc.child(i).nodeSize;
  let end = start;
  for (let i = from; i <= to; i++) end += ed.state.doc.child(i).nodeSize;
  const slice = ed.state.doc.slice(start, end);
  return ed.view.serializeForClipboard(slice).dom.innerHTML;
}

function cut(ed: Editor, from: number, to: number): string {
  let start = 0;
  for (let i = 0; i < from; i++) start += ed.state.doc.child(i).nodeSize;
  let end = start;
  for (let i = from; i <= to; i++) end += ed.state.doc.child(i).nodeSize;
  ed.view.dispatch(ed.state.tr.setSelection(TextSelection.create(ed.state.doc, start + 1, end - 1)));
  const html = ed.view.serializeForClipboard(ed.state.selection.content()).dom.innerHTML;
  const event = new Event("cut");
  ed.view.someProp("handleDOMEvents", (handlers) => handlers.cut?.(ed.view, event as ClipboardEvent));
  ed.commands.deleteSelection();
  return html;
}

const headingIds = (ed: Editor) => blocks(ed).filter((b) => b.type === "sceneHeading").map((b) => b.attrs.sceneId);

describe("scene ids", () => {
  it("a pasted copy of a scene heading becomes a new scene; the original keeps its id", () => {
    editor = makeEditor();
    setBlocks(editor, [
      ["sceneHeading", "INT. HOUSE - DAY", { sceneId: ID_A, sceneNumber: "7" }],
      ["action", "Rain."],
    ]);
    const html = copyBlocks(editor, 0, 1);
    caretIn(editor, 1);
    pasteHTML(editor, html);
    const ids = headingIds(editor);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ID_A);
    expect(isId(ids[1])).toBe(true);
    expect(ids[1]).not.toBe(ID_A);
    // A copy does not inherit the original's locked number.
    expect(blocks(editor).filter((b) => b.type === "sceneHeading")[1]?.attrs.sceneNumber).toBeNull();
  });

  it("pasting a copy above the original still leaves the id with the original", () => {
    editor = makeEditor();
    setBlocks(editor, [["action", "Opening."], ["sceneHeading", "EXT. ROAD - NIGHT", { sceneId: ID_A }]]);
    const html = copyBlocks(editor, 1, 1);
    caretIn(editor, 0, 0);
    pasteHTML(editor, html);
    const headings = blocks(editor).filter((b) => b.type === "sceneHeading");
    expect(headings).toHaveLength(2);
    expect(headings[headings.length - 1]?.attrs.sceneId).toBe(ID_A);
    expect(headings[0]?.attrs.sceneId).not.toBe(ID_A);
  });

  it("a cut-and-pasted scene heading is a move and keeps its id", () => {
    editor = makeEditor();
    setBlocks(editor, [
      ["sceneHeading", "INT. ONE - DAY", { sceneId: ID_A }],
      ["action", "First."],
      ["sceneHeading", "INT. TWO - DAY", { sceneId: ID_B }],
      ["action", "Second."],
    ]);
    const html = cut(editor, 0, 1);
    // Paste on a fresh line after the last scene.
    caretIn(editor, blocks(editor).length - 1);
    press(editor, "Enter");
    pasteHTML(editor, html);
    // The cut leaves an empty heading line behind; the scene (and its id) moved to the paste.
    const written = blocks(editor).filter((b) => b.type === "sceneHeading" && b.text !== "");
    expect(written.map((b) => b.attrs.sceneId)).toEqual([ID_B, ID_A]);
    expect(new Set(headingIds(editor)).size).toBe(headingIds(editor).length);
  });

  it("a heading pasted from another script (not cut here) gets a fresh id", () => {
    const source = makeEditor();
    setBlocks(source, [["sceneHeading", "INT. ELSEWHERE - DAY", { sceneId: ID_B }]]);
    const html = copyBlocks(source, 0, 0);
    source.destroy();
    editor = makeEditor();
    setBlocks(editor, [["action", "Here."]]);
    caretIn(editor, 0);
    pasteHTML(editor, html);
    const ids = headingIds(editor);
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe(ID_B);
    expect(isId(ids[0])).toBe(true);
  });

  it("repairs a duplicate id made by a local edit, keeping it on the heading that had it", () => {
    editor = makeEditor();
    setBlocks(editor, [["sceneHeading", "INT. A - DAY", { sceneId: ID_A }], ["action", "x"]]);
    // Insert a second heading with the same id before the original, as a buggy command might.
    const heading = editor.schema.nodes.sceneHeading!.create({ sceneId: ID_A }, editor.schema.text("INT. B - DAY"));
    editor.view.dispatch(editor.state.tr.insert(0, heading));
    const headings = blocks(editor).filter((b) => b.type === "sceneHeading");
    expect(headings.map((h) => h.text)).toEqual(["INT. B - DAY", "INT. A - DAY"]);
    expect(headings[1]?.attrs.sceneId).toBe(ID_A);
    expect(isId(headings[0]?.attrs.sceneId)).toBe(true);
    expect(headings[0]?.attrs.sceneId).not.toBe(ID_A);
  });

  it("gives a heading without an id one as soon as it is written in", () => {
    editor = makeEditor();
    setBlocks(editor, [["sceneHeading"]]);
    caretIn(editor, 0);
    type(editor, "ext. field");
    const [heading] = blocks(editor);
    expect(heading?.text).toBe("EXT. FIELD");
    expect(isId(heading?.attrs.sceneId)).toBe(true);
  });
});

describe("a heading retyped away and back", () => {
  it("gets its sceneId and locked number back, so its storyboard stays attached", () => {
    editor = makeEditor();
    setBlocks(editor, [["action", "Before."], ["sceneHeading", "INT. A - DAY", { sceneId: ID_A, sceneNumber: "3A" }]]);
    caretIn(editor, 1, 3);
    press(editor, "Tab");
    press(editor, "Tab");
    type(editor, "x");
    const twoTabsOn = TAB_CYCLE[(TAB_CYCLE.indexOf("sceneHeading") + 2) % TAB_CYCLE.length];
    expect(blocks(editor)[1]?.type).toBe(twoTabsOn);
    expect(twoTabsOn).not.toBe("sceneHeading");
    press(editor, "Tab", { shiftKey: true });
    press(editor, "Tab", { shiftKey: true });
    expect(blocks(editor)[1]).toMatchObject({ type: "sceneHeading", attrs: { sceneId: ID_A, sceneNumber: "3A" } });
  });

  it("gets a fresh id when its old id is in use again", () => {
    editor = makeEditor();
    setBlocks(editor, [["sceneHeading", "INT. A - DAY", { sceneId: ID_A }], ["action", "x"]]);
    caretIn(editor, 0);
    press(editor, "2", { ctrlKey: true, altKey: true });
    const heading = editor.schema.nodes.sceneHeading!.create({ sceneId: ID_A }, editor.schema.text("INT. B - DAY"));
    editor.view.dispatch(editor.state.tr.insert(editor.state.doc.content.size, heading));
    caretIn(editor, 0);
    press(editor, "1", { ctrlKey: true, altKey: true });
    const ids = headingIds(editor);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(ids[1]).toBe(ID_A);
  });
});
