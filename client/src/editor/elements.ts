/**
 * Changing and creating screenplay elements: the one place that knows which attributes a fresh
 * element gets (a scene heading always gets a new sceneId) and how a block changes type.
 */
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { NodeSelection, TextSelection, type Command, type EditorState, type Transaction } from "@tiptap/pm/state";
import { TAB_CYCLE, isBlockType, newId, type BlockType } from "@aiuteur/shared";
import { reclaimHeading, retireHeading } from "./retiredIds.js";

/** Attributes for an element created from nothing. */
export function freshAttrs(type: BlockType): Record<string, unknown> | null {
  return type === "sceneHeading" ? { sceneId: newId() } : null;
}

export function createElement(schema: Schema, type: BlockType, text = ""): PMNode {
  const nodeType = schema.nodes[type];
  if (!nodeType) throw new Error(`schema has no element ${type}`);
  return nodeType.create(freshAttrs(type), text === "" ? null : schema.text(text));
}

/** The element type under the selection (pageBreak when it is selected). */
export function currentElement(state: EditorState): BlockType | null {
  const { selection } = state;
  if (selection instanceof NodeSelection) {
    const name = selection.node.type.name;
    return isBlockType(name) ? name : null;
  }
  const name = selection.$from.node(1)?.type.name;
  return name !== undefined && isBlockType(name) ? name : null;
}

/** Positions of the top-level textblocks the selection touches. */
function selectedBlocks(state: EditorState): Array<{ pos: number; node: PMNode }> {
  const blocks: Array<{ pos: number; node: PMNode }> = [];
  const { from, to } = state.selection;
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock) blocks.push({ pos, node });
    return false;
  });
  return blocks;
}

/**
 * Gives a block a new type in `tr`; text is kept as typed (capitals are a display matter, as in
 * Final Draft). `attrs` are the new element's attributes.
 */
function retype(tr: Transaction, pos: number, node: PMNode, type: BlockType, attrs: Record<string, unknown> | null): void {
  const nodeType = tr.doc.type.schema.nodes[type];
  if (!nodeType || node.type === nodeType) return;
  tr.setNodeMarkup(pos, nodeType, attrs);
  if (node.type.name === "sceneHeading") retireHeading(tr, pos, node.attrs);
  const text = node.textContent;
  if (type === "parenthetical" && text === "") {
    // An empty parenthetical starts as "()" with the caret inside, like Final Draft.
    tr.insertText("()", pos + 1);
    tr.setSelection(TextSelection.create(tr.doc, pos + 2));
  } else if (node.type.name === "parenthetical" && text === "()") {
    tr.delete(pos + 1, pos + 3);
  }
}

/** Replaces a selected pageBreak with an empty element of `type`. */
function replacePageBreak(state: EditorState, type: BlockType, dispatch?: (tr: Transaction) => void): boolean {
  const { selection } = state;
  if (!(selection instanceof NodeSelection) || type === "pageBreak") return false;
  if (dispatch) {
    const tr = state.tr.replaceSelectionWith(createElement(state.schema, type));
    tr.setSelection(TextSelection.create(tr.doc, selection.from + 1));
    dispatch(tr.scrollIntoView());
  }
  return true;
}

/**
 * A page break never absorbs text: an empty element becomes the break (with an action after it to
 * keep writing in); otherwise the break goes after the current element.
 */
function insertPageBreak(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  const { $from } = state.selection;
  if ($from.depth < 1) return false;
  const block = $from.node(1);
  const pageBreak = state.schema.nodes.pageBreak!.create();
  if (dispatch) {
    const tr = state.tr;
    if (block.isTextblock && block.content.size === 0) {
      const start = $from.before(1);
      tr.replaceWith(start, start + block.nodeSize, [pageBreak, createElement(state.schema, "action")]);
      tr.setSelection(TextSelection.create(tr.doc, start + 2));
    } else {
      tr.insert($from.after(1), pageBreak);
    }
    dispatch(tr.scrollIntoView());
  }
  return true;
}

/** Sets the element type of every block in the selection. */
export function setElement(type: BlockType): Command {
  return (state, dispatch) => {
    if (state.selection instanceof NodeSelection) return replacePageBreak(state, type, dispatch);
    if (type === "pageBreak") return insertPageBreak(state, dispatch);
    const blocks = selectedBlocks(state);
    if (blocks.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const { pos, node } of blocks) {
        // A heading retyped away and back is the same scene, with its id (retiredIds.ts).
        const attrs = type === "sceneHeading" ? (reclaimHeading(state, pos) ?? freshAttrs(type)) : freshAttrs(type);
        retype(tr, tr.mapping.map(pos), node, type, attrs);
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Tab / Shift-Tab: the next (or previous) type in TAB_CYCLE; types outside the cycle start it. */
export function cycleElement(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const current = currentElement(state);
    if (current === null || current === "pageBreak") return false;
    const index = TAB_CYCLE.indexOf(current);
    const next =
      index < 0 ? TAB_CYCLE[0]! : TAB_CYCLE[(index + direction + TAB_CYCLE.length) % TAB_CYCLE.length]!;
    return setElement(next)(state, dispatch);
  };
}
