/**
 * A script comment stays on its words: the anchor made from a selection still highlights the same words
 * after a collaborator types above it, types inside the same block before it, or splits the text around
 * it; deleting the words leaves the thread without a range (never on other words).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import * as Y from "yjs";
import { SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import { caretIn, linkedDocs, makeEditor, press, setBlocks, type } from "../testing.js";
import { anchorForRange, type TextRange } from "./anchors.js";
import { commentHighlights, highlightedRanges, setHighlightedAnchors } from "./commentHighlights.js";

let editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors) editor.destroy();
  editors = [];
});

function editorOn(doc: Y.Doc): Editor {
  const editor = makeEditor(doc);
  editor.registerPlugin(commentHighlights());
  editors.push(editor);
  return editor;
}

/** The range of the first occurrence of `words` in the editor document. */
function rangeOf(editor: Editor, words: string): TextRange {
  let found: TextRange | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found || !node.isText) return;
    const at = node.text!.indexOf(words);
    if (at >= 0) found = { from: pos + at, to: pos + at + words.length };
  });
  if (!found) throw new Error(`"${words}" is not in the script`);
  return found;
}

function highlightedText(editor: Editor, threadId: string): string | null {
  const range = highlightedRanges(editor.state).get(threadId);
  return range ? editor.state.doc.textBetween(range.from, range.to) : null;
}

function highlightedDomText(editor: Editor): string[] {
  return [...editor.view.dom.querySelectorAll(".comment-highlight")].map((el) => el.textContent ?? "");
}

function comment(editor: Editor, threadId: string, words: string): void {
  const anchor = anchorForRange(editor.state, rangeOf(editor, words));
  expect(anchor).not.toBeNull();
  editor.view.dispatch(setHighlightedAnchors(editor.state, [{ threadId, ...anchor!, quote: words }]));
}

const SCRIPT: Array<[string, string, Record<string, unknown>?]> = [
  ["sceneHeading", "INT. KITCHEN - NIGHT", { sceneId: "aaaaaaaaaaaaaaaa" }],
  ["action", "Rain hammers the window. Anna waits by the phone."],
  ["character", "ANNA"],
  ["dialogue", "Ring, damn you."],
];

/** A writer and a reviewer editing the same script through linked documents. */
function writerAndReviewer(): { writer: Editor; reviewer: Editor; flush(): void } {
  const { a, b, flush } = linkedDocs();
  const writer = editorOn(a);
  setBlocks(writer, SCRIPT);
  const reviewer = editorOn(b);
  flush();
  return { writer, reviewer, flush };
}

/** One editor on its own document, holding SCRIPT. */
function scriptEditor(): { doc: Y.Doc; editor: Editor } {
  const doc = new Y.Doc();
  const editor = editorOn(doc);
  setBlocks(editor, SCRIPT);
  return { doc, editor };
}

/** Inserts an action block straight into the Y.Doc, the way a remote change arrives. */
function insertActionInDoc(doc: Y.Doc, index: number, text: string): void {
  const inserted = new Y.XmlElement("action");
  inserted.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(SCREENPLAY_FRAGMENT).insert(index, [inserted]);
}

describe("script comment anchors", () => {
  it("keep highlighting the same words when a collaborator inserts a block and text above them", () => {
    const { writer, reviewer, flush } = writerAndReviewer();
    comment(reviewer, "t1", "Anna waits");
    expect(highlightedText(reviewer, "t1")).toBe("Anna waits");

    // The writer adds a scene above and types earlier in the same paragraph.
    writer.commands.insertContentAt(0, { type: "action", content: [{ type: "text", text: "A cold open." }] });
    writer.commands.insertContentAt(rangeOf(writer, "Rain").from, "Thunder. ");
    flush();

    expect(reviewer.state.doc.textContent).toContain("Thunder. Rain hammers");
    expect(highlightedText(reviewer, "t1")).toBe("Anna waits");
    expect(highlightedDomText(reviewer)).toEqual(["Anna waits"]);
  });

  it("keep the same words through edits made directly in the Y.Doc", () => {
    const { doc, editor } = scriptEditor();
    comment(editor, "t1", "damn you");

    const dialogue = doc.getXmlFragment(SCREENPLAY_FRAGMENT).get(3) as Y.XmlElement;
    (dialogue.get(0) as Y.XmlText).insert(0, "Come on. ");
    insertActionInDoc(doc, 1, "The kettle whistles.");

    expect(editor.state.doc.textContent).toContain("Come on. Ring, damn you.");
    expect(highlightedText(editor, "t1")).toBe("damn you");
  });

  it("follow the words when the writer starts a new element above them by pressing Enter in their paragraph", () => {
    const { writer, reviewer, flush } = writerAndReviewer();
    comment(reviewer, "t1", "Anna waits");

    caretIn(writer, 1, 0);
    type(writer, "Thunder.");
    press(writer, "Enter");
    flush();

    expect(reviewer.state.doc.child(1).textContent).toBe("Thunder.");
    expect(highlightedText(reviewer, "t1")).toBe("Anna waits");
  });

  it("do not grow when someone types right before or right after the words", () => {
    const { editor } = scriptEditor();
    comment(editor, "t1", "hammers");
    const range = rangeOf(editor, "hammers");
    editor.commands.insertContentAt(range.to, "!");
    editor.commands.insertContentAt(range.from, "really ");
    expect(highlightedText(editor, "t1")).toBe("hammers");
  });

  it("lose their range, not move to other words, when the commented text is deleted", () => {
    const { writer, reviewer, flush } = writerAndReviewer();
    comment(reviewer, "t1", "Ring, damn you.");
    writer.commands.deleteRange(rangeOf(writer, "Ring, damn you."));
    flush();
    expect(highlightedRanges(reviewer.state).get("t1")).toBeNull();
    expect(highlightedDomText(reviewer)).toEqual([]);
  });

  it("work on the first words of the script", () => {
    const { doc, editor } = scriptEditor();
    comment(editor, "t1", "INT.");
    insertActionInDoc(doc, 0, "FADE IN:");
    expect(highlightedText(editor, "t1")).toBe("INT.");
  });
});

describe("comment highlights in a live editor", () => {
  it("leave the writer's undo history working", () => {
    const doc = new Y.Doc();
    const editor = makeEditor(doc);
    editors.push(editor);
    setBlocks(editor, SCRIPT);
    editor.registerPlugin(commentHighlights());
    comment(editor, "t1", "Anna waits");
    editor.commands.insertContentAt(rangeOf(editor, "Rain").from, "Thunder. ");
    expect(editor.state.doc.textContent).toContain("Thunder. Rain");
    editor.commands.undo();
    expect(editor.state.doc.textContent).not.toContain("Thunder.");
    expect(highlightedText(editor, "t1")).toBe("Anna waits");
  });
});
