/**
 * The screenplay model ⇄ the Yjs script document, in the exact encoding the Tiptap editor uses, so the
 * server, worker and importers can read and write the fragment the editor is bound to.
 *
 * What @tiptap/y-tiptap 3.0.9 (the y-prosemirror fork; dist/y-tiptap.cjs) does, verified by reading it:
 * - createTypeFromElementNode: a node becomes `new Y.XmlElement(node.type.name)` and every node
 *   attribute whose value is not null (except `ychange`) is written with `setAttribute(key, value)`;
 *   updateYFragment removes an attribute when it becomes null. So absent = null = default.
 * - normalizePNodeContent groups consecutive text nodes, and createTypeFromTextNodes turns each group
 *   into ONE Y.XmlText via `applyDelta([{ insert: node.text, attributes: marksToAttributes(marks) }])`.
 *   An empty textblock (and an atom such as pageBreak) has no children.
 * - marksToAttributes: each mark becomes the attribute `mark.type.name` with value `mark.attrs`, i.e.
 *   `{}` for bold/italic/underline/note. Only marks that do not exclude themselves ("overlapping"
 *   marks) get a `name--<8-char hash>` key; attributesToMarks strips that suffix with
 *   /(.*)(--[a-zA-Z0-9+/=]{8})$/. We write plain names and strip the suffix when reading.
 * - createNodeFromYElement calls `schema.node(el.nodeName, el.getAttributes(), children)` and, if that
 *   throws (an unknown node name), DELETES the Y element. We repair instead: unknown names are read
 *   as `action`, so text from a newer or broken client is never silently lost here.
 * - createTextNodesFromYText likewise deletes a block's whole Y.XmlText when a formatting attribute
 *   names a mark the schema lacks. So we never write a formatting key the editor does not know.
 *
 * The inline note: ProseMirror refuses a schema in which a node and a mark share a name ("note can
 * not be both a node and a mark"), and `note` is a block type. The editor therefore names the mark
 * "inlineNote" (client/src/editor/marks.ts), and the model's `note` mark is stored under that key;
 * reading also accepts a bare "note" key. All other marks use their model name.
 */
import * as Y from "yjs";
import { makeRun, mergeRuns } from "../fountain/runs.js";
import type { Screenplay, ScreenplayBlock, TextRun, TitlePageField } from "./model.js";
import { isBlockType, SCREENPLAY_FRAGMENT, type BlockAttrs, type BlockType, type MarkName } from "./nodes.js";

export const TITLE_PAGE_ARRAY = "titlePage";

type AttrValue = string | number | boolean;
type ScreenplayElement = Y.XmlElement<Record<string, AttrValue>>;

const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/** The Y formatting key of each model mark (see the inline-note paragraph above). */
export const Y_MARK_ATTRIBUTE: Readonly<Record<MarkName, string>> = {
  bold: "bold",
  italic: "italic",
  underline: "underline",
  note: "inlineNote",
};
const MARK_OF_ATTRIBUTE = new Map<string, MarkName>([
  ...Object.entries(Y_MARK_ATTRIBUTE).map(([mark, key]) => [key, mark as MarkName] as const),
  ["note", "note"],
]);

function marksToAttributes(marks: readonly MarkName[] | undefined): Record<string, object> {
  const attributes: Record<string, object> = {};
  for (const mark of marks ?? []) attributes[Y_MARK_ATTRIBUTE[mark]] = {};
  return attributes;
}

function attributesToMarks(attributes: unknown): MarkName[] {
  if (typeof attributes !== "object" || attributes === null) return [];
  const marks: MarkName[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const mark = MARK_OF_ATTRIBUTE.get(HASHED_MARK.exec(key)?.[1] ?? key);
    // Unknown marks (from a newer client) are dropped rather than guessed at.
    if (mark !== undefined && value !== null && value !== undefined) marks.push(mark);
  }
  return marks;
}

/**
 * The attributes each element has in the editor's schema (client/src/editor/nodes.ts). Only these are
 * written or read: ProseMirror's node check rejects attributes a node type does not declare.
 */
const ATTRIBUTES_OF: Partial<Record<BlockType, ReadonlyArray<keyof BlockAttrs>>> = {
  sceneHeading: ["sceneId", "sceneNumber"],
  character: ["dual"],
  section: ["depth"],
  note: ["boneyard"],
};

/** A block as the Y element the editor would create for it (not yet in a document). */
export function blockToYXmlElement(block: ScreenplayBlock): Y.XmlElement {
  const el: ScreenplayElement = new Y.XmlElement(block.type);
  for (const key of ATTRIBUTES_OF[block.type] ?? []) {
    const value = block.attrs?.[key];
    if (value !== null && value !== undefined) el.setAttribute(key, value);
  }
  const runs = block.type === "pageBreak" ? [] : mergeRuns(block.content);
  if (runs.length > 0) {
    const text = new Y.XmlText();
    text.applyDelta(runs.map((run) => ({ insert: run.text, attributes: marksToAttributes(run.marks) })));
    el.insert(0, [text]);
  }
  return el as unknown as Y.XmlElement;
}

/** The element's attributes with the right types; anything else is dropped (repair at the boundary). */
function readAttrs(type: BlockType, all: Record<string, unknown>): BlockAttrs | undefined {
  const raw: Record<string, unknown> = {};
  for (const key of ATTRIBUTES_OF[type] ?? []) raw[key] = all[key];
  const attrs: BlockAttrs = {};
  const { sceneId, sceneNumber, dual, depth, boneyard } = raw;
  if (typeof sceneId === "string" && sceneId !== "") attrs.sceneId = sceneId;
  if ((typeof sceneNumber === "string" && sceneNumber !== "") || typeof sceneNumber === "number") {
    attrs.sceneNumber = String(sceneNumber);
  }
  if (typeof dual === "boolean") attrs.dual = dual;
  else if (dual === "true") attrs.dual = true;
  const depthNumber = typeof depth === "string" ? Number(depth) : depth;
  if (typeof depthNumber === "number" && Number.isInteger(depthNumber) && depthNumber > 0) attrs.depth = depthNumber;
  if (typeof boneyard === "boolean") attrs.boneyard = boneyard;
  else if (boneyard === "true") attrs.boneyard = true;
  return Object.keys(attrs).length > 0 ? attrs : undefined;
}

function textRuns(text: Y.XmlText): TextRun[] {
  const runs: TextRun[] = [];
  for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: unknown }>) {
    // Embeds are not part of the schema; only string inserts carry text.
    if (typeof op.insert === "string") runs.push(makeRun(op.insert, attributesToMarks(op.attributes)));
  }
  return runs;
}

function childRuns(parent: Y.XmlElement | Y.XmlFragment): TextRun[] {
  const runs: TextRun[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) runs.push(...textRuns(child));
    else if (child instanceof Y.XmlElement) {
      // Not produced by our schema; a hard break is a line break, anything else contributes its text.
      if (child.nodeName === "hardBreak") runs.push({ text: "\n" });
      else runs.push(...childRuns(child));
    }
  }
  return runs;
}

/** Reads one block element; an unknown node name is read as action, missing attributes as defaults. */
export function yXmlElementToBlock(el: Y.XmlElement): ScreenplayBlock {
  const type = isBlockType(el.nodeName) ? el.nodeName : "action";
  const block: ScreenplayBlock = { type, content: type === "pageBreak" ? [] : mergeRuns(childRuns(el)) };
  const attrs = readAttrs(type, el.getAttributes() as Record<string, unknown>);
  if (attrs) block.attrs = attrs;
  return block;
}

function readTitlePage(array: Y.Array<unknown>): TitlePageField[] {
  const fields: TitlePageField[] = [];
  for (const item of array.toArray()) {
    const value: unknown = item instanceof Y.Map ? item.toJSON() : item;
    if (typeof value !== "object" || value === null) continue;
    const field = value as { key?: unknown; value?: unknown };
    if (typeof field.key !== "string" || field.key === "") continue;
    fields.push({ key: field.key, value: typeof field.value === "string" ? field.value : String(field.value ?? "") });
  }
  return fields;
}

/** Replaces the script fragment and the title page with `screenplay`, in one transaction. */
export function writeScreenplay(doc: Y.Doc, screenplay: Screenplay): void {
  const fragment = doc.getXmlFragment(SCREENPLAY_FRAGMENT);
  const titlePage = doc.getArray<TitlePageField>(TITLE_PAGE_ARRAY);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, screenplay.blocks.map(blockToYXmlElement));
    titlePage.delete(0, titlePage.length);
    titlePage.insert(0, screenplay.titlePage.map((field) => ({ key: field.key, value: field.value })));
  });
}

export function readScreenplay(doc: Y.Doc): Screenplay {
  const blocks: ScreenplayBlock[] = [];
  for (const node of doc.getXmlFragment(SCREENPLAY_FRAGMENT).toArray()) {
    if (node instanceof Y.XmlElement) blocks.push(yXmlElementToBlock(node));
    else if (node instanceof Y.XmlText) {
      // Text directly in the fragment is outside any element: keep it as action.
      const content = mergeRuns(textRuns(node));
      if (content.length > 0) blocks.push({ type: "action", content });
    }
  }
  return { titlePage: readTitlePage(doc.getArray<unknown>(TITLE_PAGE_ARRAY)), blocks };
}
