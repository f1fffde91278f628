/**
 * The screenplay's node schema: one textblock node per element type of the shared contract
 * (BLOCK_TYPES), plus the atom `pageBreak`. Node names and attributes ARE the Yjs format: y-tiptap
 * writes a node as a Y.XmlElement named after it, with its non-null attributes as XML attributes, so
 * nothing here may drift from shared/src/screenplay/nodes.ts.
 */
import { Node, type Attributes } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Text from "@tiptap/extension-text";
import { BLOCK_TYPES, type BlockType } from "@aiuteur/shared";

export const BLOCK_GROUP = "block";
/** Every element type that holds text (all but pageBreak). */
export type TextBlockType = Exclude<BlockType, "pageBreak">;

/**
 * Attribute defaults are null rather than false/1 on purpose: y-tiptap writes every non-null PM
 * attribute into Yjs, so a `false` default would add `dual="false"` noise to every edited character
 * cue. Absent and null both mean "the default" (BlockAttrs says absent = default).
 */
function attr(name: string, dataName: string, parse: (raw: string) => unknown): Attributes {
  return {
    [name]: {
      default: null,
      parseHTML: (el: HTMLElement) => {
        const raw = el.getAttribute(dataName);
        return raw === null ? null : parse(raw);
      },
      renderHTML: (attrs: Record<string, unknown>) => {
        const value = attrs[name];
        return value === null || value === undefined ? {} : { [dataName]: String(value) };
      },
    },
  };
}

const asText = (raw: string): string | null => (raw === "" ? null : raw);
const asTrue = (raw: string): boolean | null => (raw === "true" ? true : null);
const asDepth = (raw: string): number | null => {
  const n = Number.parseInt(raw, 10);
  return Number.isInteger(n) && n > 0 ? n : null;
};

const ATTRIBUTES: Partial<Record<BlockType, Attributes>> = {
  sceneHeading: { ...attr("sceneId", "data-scene-id", asText), ...attr("sceneNumber", "data-scene-number-locked", asText) },
  character: attr("dual", "data-dual", asTrue),
  section: attr("depth", "data-depth", asDepth),
  note: attr("boneyard", "data-boneyard", asTrue),
};

/** Tags that hold nothing but text, so they can become one element. */
const CONTAINERS = "p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre, ul, ol, table";

/**
 * Paragraphs, list items, headings … pasted from other programs arrive as action, the neutral
 * element (a wrapper holding further blocks is left to its children).
 */
const FOREIGN_BLOCK_RULES = ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td"].map((tag) => ({
  tag,
  priority: 10,
  // Foreign HTML's source line breaks are not the writer's; <br> survives via clipboard.ts.
  preserveWhitespace: tag === "pre" ? ("full" as const) : false,
  getAttrs: (el: HTMLElement) => (el.querySelector(CONTAINERS) ? false : null),
}));

function textBlock(type: TextBlockType) {
  return Node.create({
    name: type,
    group: BLOCK_GROUP,
    content: "text*",
    // Line breaks inside an element are "\n" characters (the contract), so whitespace is kept
    // verbatim in parsing, clipboard and rendering.
    whitespace: "pre",
    // Pasting whole elements into an empty one keeps the pasted element types (a copied
    // CHARACTER/dialogue exchange stays one), as Final Draft does.
    defining: true,
    addAttributes: () => ATTRIBUTES[type] ?? {},
    parseHTML: () => [{ tag: `p[data-type="${type}"]` }, ...(type === "action" ? FOREIGN_BLOCK_RULES : [])],
    renderHTML: ({ HTMLAttributes }) => [
      "p",
      { ...HTMLAttributes, "data-type": type, class: `sp-block sp-${type}` },
      0,
    ],
  });
}

const PageBreak = Node.create({
  name: "pageBreak",
  group: BLOCK_GROUP,
  atom: true,
  selectable: true,
  parseHTML: () => [{ tag: 'div[data-type="pageBreak"]' }],
  renderHTML: () => ["div", { "data-type": "pageBreak", class: "sp-block sp-pageBreak", contenteditable: "false" }],
});

/** The top node: one or more screenplay elements, nothing else. */
export const ScreenplayDocument = Document.extend({ content: `${BLOCK_GROUP}+` });

/**
 * Node extensions, action first: the first block type is ProseMirror's default, used for loose
 * pasted text and a document emptied by select-all and delete, and action is the neutral element.
 * (An empty script still starts on a scene heading: see uppercase.ts.)
 */
export function screenplayNodes() {
  const order: BlockType[] = ["action", ...BLOCK_TYPES.filter((type) => type !== "action")];
  const blocks = order.map((type) => (type === "pageBreak" ? PageBreak : textBlock(type)));
  return [ScreenplayDocument, Text, ...blocks];
}

export function isTextBlockType(type: string): type is TextBlockType {
  return type !== "pageBreak" && (BLOCK_TYPES as readonly string[]).includes(type);
}
