import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import { blocks, caretIn, makeEditor, pasteHTML, setBlocks } from "./testing.js";

let editor: Editor;
afterEach(() => editor?.destroy());

const view = (ed: Editor) => blocks(ed).map((b) => [b.type, b.text]);

describe("pasting", () => {
  it("keeps copied elements' types when pasted on an empty line", () => {
    editor = makeEditor();
    setBlocks(editor, [["character", "JOHN"], ["dialogue", "Hello there."], ["action"]]);
    const html = editor.view.serializeForClipboard(editor.state.doc.slice(1, 12)).dom.innerHTML;
    caretIn(editor, 2);
    pasteHTML(editor, html);
    expect(view(editor)).toEqual([
      ["character", "JOHN"],
      ["dialogue", "Hello there."],
      ["character", "JOHN"],
      ["dialogue", "Hello"],
    ]);
  });

  it("keeps line breaks inside a copied element", () => {
    editor = makeEditor();
    setBlocks(editor, [["lyrics", "Row, row\nyour boat"], ["action"]]);
    const html = editor.view.serializeForClipboard(editor.state.doc.slice(0, editor.state.doc.child(0).nodeSize)).dom.innerHTML;
    caretIn(editor, 1);
    pasteHTML(editor, html);
    expect(view(editor)[1]).toEqual(["lyrics", "Row, row\nyour boat"]);
  });

  it("turns other programs' paragraphs, list items and <br> into action with \\n line breaks", () => {
    editor = makeEditor();
    setBlocks(editor, [["action"]]);
    caretIn(editor, 0);
    pasteHTML(editor, "<div>A plain\n   div</div><ul><li>An item</li></ul><p>Line one<br>line two</p>");
    expect(view(editor)).toEqual([
      ["action", "A plain div"],
      ["action", "An item"],
      ["action", "Line one\nline two"],
    ]);
  });
});
