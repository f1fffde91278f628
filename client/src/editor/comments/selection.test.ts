/** A reviewer's script is read-only, yet the words they select there can be commented on. */
import { afterEach, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import * as Y from "yjs";
import { makeEditor, setBlocks } from "../testing.js";
import { anchorForRange, resolveAnchor } from "./anchors.js";
import { commentableSelection } from "./selection.js";

let editor: Editor;
afterEach(() => editor?.destroy());

function selectInDom(words: string): void {
  const walker = document.createTreeWalker(editor.view.dom, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(words);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    return;
  }
  throw new Error(`"${words}" not found`);
}

it("finds the words selected in a read-only script and anchors a comment to them", () => {
  editor = makeEditor(new Y.Doc());
  setBlocks(editor, [
    ["sceneHeading", "INT. FERRY DECK - NIGHT", { sceneId: "aaaaaaaaaaaaaaaa" }],
    ["action", "Waves slam the hull. Mara grips the rail."],
  ]);
  editor.setEditable(false);
  selectInDom(" grips the rail");

  const selection = commentableSelection(editor);
  // Leading space trimmed: a comment is about words, not the gap before them.
  expect(selection?.quote).toBe("grips the rail");
  const anchor = anchorForRange(editor.state, selection!)!;
  const range = resolveAnchor(editor.state, anchor)!;
  expect(editor.state.doc.textBetween(range.from, range.to)).toBe("grips the rail");
});

it("offers nothing to comment on when the selection is empty or outside the script", () => {
  editor = makeEditor(new Y.Doc());
  setBlocks(editor, [["action", "Waves slam the hull."]]);
  editor.setEditable(false);
  document.getSelection()!.removeAllRanges();
  expect(commentableSelection(editor)).toBeNull();
  const outside = document.createElement("p");
  outside.textContent = "elsewhere";
  document.body.append(outside);
  document.getSelection()!.selectAllChildren(outside);
  expect(commentableSelection(editor)).toBeNull();
  outside.remove();
});
