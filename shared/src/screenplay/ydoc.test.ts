import { readFileSync } from "node:fs";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { Schema, type NodeSpec } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { parseFountain } from "../fountain/index.js";
import type { Screenplay, ScreenplayBlock } from "./model.js";
import { BLOCK_TYPES, SCREENPLAY_FRAGMENT } from "./nodes.js";
import { blockToYXmlElement, readScreenplay, writeScreenplay, yXmlElementToBlock } from "./ydoc.js";

const SAMPLE: Screenplay = {
  titlePage: [
    { key: "Title", value: "BRICK & STEEL\nFULL RETIRED" },
    { key: "Draft date", value: "1/20/2012" },
  ],
  blocks: [
    { type: "section", content: [{ text: "Act One" }], attrs: { depth: 2 } },
    { type: "sceneHeading", content: [{ text: "INT. HOUSE - DAY" }], attrs: { sceneId: "abcdefghijklmnop", sceneNumber: "12A" } },
    {
      type: "action",
      content: [
        { text: "Plain, " },
        { text: "bold italic", marks: ["bold", "italic"] },
        { text: " and " },
        { text: "underlined note\n", marks: ["underline", "note"] },
        { text: "second line\n" },
      ],
    },
    { type: "character", content: [{ text: "STEEL" }], attrs: { dual: true } },
    { type: "dialogue", content: [] },
    { type: "note", content: [{ text: "cut" }], attrs: { boneyard: true } },
    { type: "pageBreak", content: [] },
  ],
};

function fragmentOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(SCREENPLAY_FRAGMENT);
}

describe("writeScreenplay / readScreenplay", () => {
  it("round-trips marks, attributes, the title page, empty blocks and page breaks", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, SAMPLE);
    expect(readScreenplay(doc)).toEqual(SAMPLE);
  });

  it("replaces what was there, in a single transaction", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, SAMPLE);
    let transactions = 0;
    doc.on("afterTransaction", () => transactions++);
    const next: Screenplay = { titlePage: [{ key: "Title", value: "Other" }], blocks: [{ type: "action", content: [{ text: "Only." }] }] };
    writeScreenplay(doc, next);
    expect(transactions).toBe(1);
    expect(readScreenplay(doc)).toEqual(next);
    expect(fragmentOf(doc).length).toBe(1);
  });

  it("syncs to another replica unchanged", () => {
    const a = new Y.Doc();
    writeScreenplay(a, SAMPLE);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readScreenplay(b)).toEqual(SAMPLE);
  });

  it("carries a whole imported Fountain script", () => {
    const text = readFileSync(new URL("../fountain/fixtures/everything.fountain", import.meta.url), "utf8");
    const screenplay = parseFountain(text);
    const doc = new Y.Doc();
    writeScreenplay(doc, screenplay);
    expect(readScreenplay(doc)).toEqual(screenplay);
  });
});

describe("encoding (what the Tiptap editor reads and writes)", () => {
  it("stores a bold+italic run as one delta op with {} mark attributes", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, { titlePage: [], blocks: [{ type: "action", content: [{ text: "Hi", marks: ["bold", "italic"] }, { text: "!" }] }] });
    const el = fragmentOf(doc).get(0) as Y.XmlElement;
    expect(el.nodeName).toBe("action");
    expect(el.length).toBe(1);
    const text = el.get(0) as Y.XmlText;
    expect(text).toBeInstanceOf(Y.XmlText);
    expect(text.toDelta()).toEqual([{ insert: "Hi", attributes: { bold: {}, italic: {} } }, { insert: "!" }]);
  });

  it("stores the note mark under the editor's key inlineNote, and reads a bare note key too", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, { titlePage: [], blocks: [{ type: "action", content: [{ text: "aside", marks: ["note"] }] }] });
    const text = (fragmentOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(text.toDelta()).toEqual([{ insert: "aside", attributes: { inlineNote: {} } }]);
    text.insert(5, "!", { note: {} });
    expect(readScreenplay(doc).blocks[0]!.content).toEqual([{ text: "aside!", marks: ["note"] }]);
  });

  it("sets only present attributes and gives empty blocks and page breaks no children", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, {
      titlePage: [],
      blocks: [
        { type: "sceneHeading", content: [], attrs: { sceneId: "abcdefghijklmnop", sceneNumber: null } },
        { type: "pageBreak", content: [{ text: "ignored" }] },
      ],
    });
    const [heading, pageBreak] = fragmentOf(doc).toArray() as Y.XmlElement[];
    expect(heading!.getAttributes()).toEqual({ sceneId: "abcdefghijklmnop" });
    expect(heading!.length).toBe(0);
    expect(pageBreak!.nodeName).toBe("pageBreak");
    expect(pageBreak!.length).toBe(0);
  });

  it("stores the title page as plain JSON objects", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, SAMPLE);
    expect(doc.getArray("titlePage").toJSON()).toEqual(SAMPLE.titlePage);
  });
});

describe("reading repairs what it does not know", () => {
  it("reads unknown node names as action, missing attributes as absent, and stray text as action", () => {
    const doc = new Y.Doc();
    const fragment = fragmentOf(doc);
    const unknown = new Y.XmlElement("futureElement");
    unknown.setAttribute("colour", "red");
    const text = new Y.XmlText();
    text.insert(0, "From the future");
    unknown.insert(0, [text]);
    const bare = new Y.XmlElement("sceneHeading");
    const stray = new Y.XmlText();
    stray.insert(0, "loose");
    fragment.insert(0, [unknown, bare, stray]);
    doc.getArray("titlePage").insert(0, [{ key: "Title", value: "X" }, "junk", { value: "no key" }, { key: "Pages", value: 90 }]);

    expect(readScreenplay(doc)).toEqual({
      titlePage: [
        { key: "Title", value: "X" },
        { key: "Pages", value: "90" },
      ],
      blocks: [
        { type: "action", content: [{ text: "From the future" }] },
        { type: "sceneHeading", content: [] },
        { type: "action", content: [{ text: "loose" }] },
      ],
    });
  });

  it("merges runs with the same marks, strips y-tiptap's hashed mark names and drops unknown marks", () => {
    const doc = new Y.Doc();
    const el = new Y.XmlElement("dialogue");
    const text = new Y.XmlText();
    el.insert(0, [text]);
    fragmentOf(doc).insert(0, [el]);
    text.insert(0, "a", { bold: {} });
    text.insert(1, "b", { "bold--AbCd12+/": {}, link: { href: "x" } });
    text.insert(2, "c", { italic: {} });
    text.insert(3, "d", { "italic--zzzzzzzz": {} });
    expect(yXmlElementToBlock(el).content).toEqual([
      { text: "ab", marks: ["bold"] },
      { text: "cd", marks: ["italic"] },
    ]);
  });

  it("writes and reads only the attributes each element has in the editor's schema", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, { titlePage: [], blocks: [{ type: "action", content: [{ text: "x" }], attrs: { dual: true, depth: 2 } }] });
    const el = fragmentOf(doc).get(0) as Y.XmlElement;
    expect(el.getAttributes()).toEqual({});
    el.setAttribute("sceneId", "abcdefghijklmnop");
    expect(yXmlElementToBlock(el)).toEqual({ type: "action", content: [{ text: "x" }] });
  });

  it("keeps typed attributes, repairs stringly-typed ones and drops the rest", () => {
    const doc = new Y.Doc();
    const section = new Y.XmlElement("section");
    const cue = new Y.XmlElement("character");
    const heading = new Y.XmlElement("sceneHeading");
    fragmentOf(doc).insert(0, [section, cue, heading]);
    section.setAttribute("depth", "3");
    cue.setAttribute("dual", "maybe");
    heading.setAttribute("sceneId", "");
    heading.setAttribute("sceneNumber", 7 as unknown as string);
    expect(readScreenplay(doc).blocks).toEqual([
      { type: "section", content: [], attrs: { depth: 3 } },
      { type: "character", content: [] },
      { type: "sceneHeading", content: [], attrs: { sceneNumber: "7" } },
    ]);
  });

  it("builds elements standalone for insertion elsewhere", () => {
    const block: ScreenplayBlock = { type: "lyrics", content: [{ text: "La", marks: ["italic"] }] };
    const doc = new Y.Doc();
    fragmentOf(doc).insert(0, [blockToYXmlElement(block)]);
    expect(yXmlElementToBlock(fragmentOf(doc).get(0) as Y.XmlElement)).toEqual(block);
  });
});

/**
 * The same node names and attributes as the editor's schema (client/src/editor/nodes.ts), built with
 * plain ProseMirror so that the real y-tiptap binding can be exercised here.
 */
function editorLikeSchema(): Schema {
  const attrs: Record<string, Record<string, { default: null }>> = {
    sceneHeading: { sceneId: { default: null }, sceneNumber: { default: null } },
    character: { dual: { default: null } },
    section: { depth: { default: null } },
    note: { boneyard: { default: null } },
  };
  const nodes: Record<string, NodeSpec> = { doc: { content: "block+" }, text: { group: "inline" } };
  for (const type of BLOCK_TYPES) {
    nodes[type] = type === "pageBreak" ? { group: "block", atom: true } : { group: "block", content: "text*", attrs: attrs[type] ?? {} };
  }
  // "inlineNote", not "note": ProseMirror refuses a node and a mark with the same name.
  return new Schema({ nodes, marks: { bold: {}, italic: {}, underline: {}, inlineNote: {} } });
}

describe("agreement with @tiptap/y-tiptap", () => {
  const schema = editorLikeSchema();
  const screenplay: Screenplay = { titlePage: [], blocks: SAMPLE.blocks.filter((b) => b.type !== "dialogue" || b.content.length > 0) };

  it("y-tiptap reads what writeScreenplay writes", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, screenplay);
    const pmDoc = yXmlFragmentToProseMirrorRootNode(fragmentOf(doc), schema);
    const heading = pmDoc.child(1);
    expect(heading.type.name).toBe("sceneHeading");
    expect(heading.attrs).toEqual({ sceneId: "abcdefghijklmnop", sceneNumber: "12A" });
    const action = pmDoc.child(2);
    expect(action.child(1).text).toBe("bold italic");
    expect(action.child(1).marks.map((m) => m.type.name).sort()).toEqual(["bold", "italic"]);
    expect(pmDoc.child(3).attrs).toEqual({ dual: true });
    expect(pmDoc.lastChild!.type.name).toBe("pageBreak");
  });

  it("writeScreenplay writes what y-tiptap writes, and readScreenplay reads y-tiptap's output", () => {
    const mine = new Y.Doc();
    writeScreenplay(mine, screenplay);
    const pmJson = yXmlFragmentToProseMirrorRootNode(fragmentOf(mine), schema).toJSON();
    const theirs = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, pmJson, fragmentOf(theirs));
    expect(fragmentOf(theirs).toString()).toBe(fragmentOf(mine).toString());
    expect(readScreenplay(theirs).blocks).toEqual(screenplay.blocks);
  });
});
