/**
 * THE BINDING CONTRACT: the editor's schema is shared's screenplay model. A Y.Doc written with
 * writeScreenplay (as the server, importers and the render worker do) shows in the editor with the
 * right element types, attributes and marks, and what the editor writes reads back with
 * readScreenplay.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import {
  BLOCK_TYPES,
  MARK_NAMES,
  SCREENPLAY_FRAGMENT,
  Y_MARK_ATTRIBUTE,
  isId,
  readScreenplay,
  writeScreenplay,
  type BlockAttrs,
  type MarkName,
  type Screenplay,
  type ScreenplayBlock,
} from "@aiuteur/shared";
import { caretIn, makeEditor, press, type } from "./testing.js";

let editor: Editor;
afterEach(() => editor?.destroy());

const MARK_OF = new Map<string, MarkName>(MARK_NAMES.map((mark) => [Y_MARK_ATTRIBUTE[mark], mark]));

/** The editor's document in the shared model's terms (null attributes are absent, as in Yjs). */
function editorBlocks(doc: PMNode): ScreenplayBlock[] {
  const blocks: ScreenplayBlock[] = [];
  doc.forEach((node) => {
    const block: ScreenplayBlock = { type: node.type.name as ScreenplayBlock["type"], content: [] };
    node.forEach((text) => {
      const marks = text.marks.map((m) => MARK_OF.get(m.type.name)!);
      block.content.push(marks.length > 0 ? { text: text.text!, marks } : { text: text.text! });
    });
    const attrs = Object.fromEntries(Object.entries(node.attrs).filter(([, v]) => v !== null)) as BlockAttrs;
    if (Object.keys(attrs).length > 0) block.attrs = attrs;
    blocks.push(block);
  });
  return blocks;
}

/** Every element type, every attribute and every mark, with line breaks and empty elements. */
const SCRIPT: Screenplay = {
  titlePage: [{ key: "Title", value: "BRICK & STEEL" }],
  blocks: [
    { type: "section", content: [{ text: "Act One" }], attrs: { depth: 1 } },
    { type: "synopsis", content: [{ text: "Anna waits for a call." }] },
    { type: "sceneHeading", content: [{ text: "INT. KITCHEN - NIGHT" }], attrs: { sceneId: "aaaaaaaaaaaaaaaa" } },
    {
      type: "action",
      content: [
        { text: "Rain " },
        { text: "hammers", marks: ["bold"] },
        { text: " the " },
        { text: "window", marks: ["bold", "italic", "underline"] },
        { text: ".\nThunder." },
      ],
    },
    { type: "character", content: [{ text: "ANNA" }] },
    { type: "parenthetical", content: [{ text: "(quietly)" }] },
    { type: "dialogue", content: [{ text: "He said " }, { text: "he'd call", marks: ["italic"] }, { text: "." }] },
    { type: "character", content: [{ text: "TOM (V.O.)" }], attrs: { dual: true } },
    { type: "dialogue", content: [{ text: "I'm outside." }] },
    { type: "action", content: [{ text: "She " }, { text: "finally", marks: ["note"] }, { text: " stands." }] },
    { type: "note", content: [{ text: "Cut this?" }] },
    { type: "note", content: [{ text: "An old ending." }], attrs: { boneyard: true } },
    { type: "transition", content: [{ text: "CUT TO:" }] },
    { type: "pageBreak", content: [] },
    { type: "sceneHeading", content: [{ text: "EXT. STREET - CONTINUOUS" }], attrs: { sceneId: "bbbbbbbbbbbbbbbb", sceneNumber: "12A" } },
    { type: "shot", content: [{ text: "CLOSE ON TOM" }] },
    { type: "lyrics", content: [{ text: "Singing in the rain\nJust singing" }] },
    { type: "centered", content: [{ text: "THE END" }] },
    { type: "section", content: [{ text: "Scratch" }], attrs: { depth: 2 } },
    { type: "action", content: [] },
  ],
};

describe("schema = shared contract", () => {
  it("has exactly the contract's element types, each with its attributes, and its marks", () => {
    editor = makeEditor();
    const { schema } = editor;
    const blockTypes = Object.values(schema.nodes).filter((t) => t.isInGroup("block")).map((t) => t.name);
    expect(blockTypes.sort()).toEqual([...BLOCK_TYPES].sort());
    const expectedAttrs: Record<string, string[]> = {
      sceneHeading: ["sceneId", "sceneNumber"],
      character: ["dual"],
      section: ["depth"],
      note: ["boneyard"],
    };
    for (const type of BLOCK_TYPES) {
      expect(Object.keys(schema.nodes[type]!.spec.attrs ?? {}).sort(), type).toEqual((expectedAttrs[type] ?? []).sort());
    }
    expect(Object.keys(schema.marks).sort()).toEqual(MARK_NAMES.map((m) => Y_MARK_ATTRIBUTE[m]).sort());
    expect(schema.nodes.pageBreak!.isAtom && schema.nodes.pageBreak!.isLeaf).toBe(true);
  });
});

describe("Y.Doc written by shared → editor", () => {
  it("shows a script written before the editor opened it", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, SCRIPT);
    editor = makeEditor(doc);
    expect(editorBlocks(editor.state.doc)).toEqual(SCRIPT.blocks);
  });

  it("shows a script written while the editor is open (a remote import or restore)", () => {
    const doc = new Y.Doc();
    editor = makeEditor(doc);
    writeScreenplay(doc, SCRIPT);
    expect(editorBlocks(editor.state.doc)).toEqual(SCRIPT.blocks);
    // Showing it changes nothing in the document.
    expect(readScreenplay(doc)).toEqual(SCRIPT);
  });
});

describe("editor → readScreenplay", () => {
  it("reads back what a writer types, with element types, attributes, marks and line breaks", () => {
    const doc = new Y.Doc();
    editor = makeEditor(doc);
    type(editor, "int. kitchen - night");
    press(editor, "Enter");
    type(editor, "Rain.");
    press(editor, "Enter", { shiftKey: true });
    type(editor, "Thunder.");
    press(editor, "Enter");
    press(editor, "3", { ctrlKey: true, altKey: true });
    type(editor, "anna");
    editor.commands.updateAttributes("character", { dual: true });
    press(editor, "Enter");
    type(editor, "He ");
    press(editor, "b", { ctrlKey: true });
    type(editor, "never");
    press(editor, "b", { ctrlKey: true });
    type(editor, " calls.");
    press(editor, "Enter");
    press(editor, "Enter");
    editor.commands.setElement("pageBreak");

    const read = readScreenplay(doc);
    const sceneId = read.blocks[0]?.attrs?.sceneId;
    expect(isId(sceneId)).toBe(true);
    expect(read.blocks).toEqual([
      { type: "sceneHeading", content: [{ text: "INT. KITCHEN - NIGHT" }], attrs: { sceneId } },
      { type: "action", content: [{ text: "Rain.\nThunder." }] },
      { type: "character", content: [{ text: "ANNA" }], attrs: { dual: true } },
      { type: "dialogue", content: [{ text: "He " }, { text: "never", marks: ["bold"] }, { text: " calls." }] },
      { type: "pageBreak", content: [] },
      { type: "action", content: [] },
    ]);
  });

  it("edits of a shared-written script read back exactly, the untouched rest unchanged", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, SCRIPT);
    editor = makeEditor(doc);
    caretIn(editor, 8); // "I'm outside."
    type(editor, " Open up.");
    editor.commands.setTextSelection({ from: editor.state.selection.from - 8, to: editor.state.selection.from });
    editor.commands.toggleInlineNote();
    caretIn(editor, 14, 0); // "EXT. STREET - CONTINUOUS"
    editor.commands.updateAttributes("sceneHeading", { sceneNumber: "13" });

    const expected = structuredClone(SCRIPT.blocks);
    expected[8] = { type: "dialogue", content: [{ text: "I'm outside. " }, { text: "Open up.", marks: ["note"] }] };
    expected[14] = { ...expected[14]!, attrs: { sceneId: "bbbbbbbbbbbbbbbb", sceneNumber: "13" } };
    expect(readScreenplay(doc).blocks).toEqual(expected);
    expect(editorBlocks(editor.state.doc)).toEqual(expected);
  });

  it("binds the contract's fragment and nothing else", () => {
    const doc = new Y.Doc();
    editor = makeEditor(doc);
    type(editor, "ext. field");
    expect([...doc.share.keys()]).toEqual([SCREENPLAY_FRAGMENT]);
    expect((doc.getXmlFragment(SCREENPLAY_FRAGMENT).get(0) as Y.XmlElement).nodeName).toBe("sceneHeading");
  });
});
