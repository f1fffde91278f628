/**
 * Enter and Shift-Enter as in a screenwriting program:
 * - at the end of an element, Enter starts NEXT_ON_ENTER[type] (CHARACTER → dialogue → CHARACTER …);
 * - in an empty element, Enter changes it instead of adding another empty line (empty dialogue or
 *   CHARACTER → action, the way Final Draft gets you out of a dialogue run; empty parenthetical → dialogue);
 * - in the middle, Enter splits the element and both halves keep its type;
 * - Shift-Enter inserts "\n", the contract's line break inside an element.
 */
import { NodeSelection, TextSelection, type Command } from "@tiptap/pm/state";
import { NEXT_ON_ENTER, isBlockType, newId, type BlockType } from "@aiuteur/shared";
import { createElement } from "./elements.js";

/** What an empty element turns into on Enter; action itself (absent) just adds another action. */
function escapeFromEmpty(type: BlockType): BlockType | null {
  if (type === "action") return null;
  return type === "parenthetical" ? "dialogue" : "action";
}

/** An element with no words: "" or, for a parenthetical, the bare "()" it starts with. */
function isEffectivelyEmpty(type: BlockType, text: string): boolean {
  return text === "" || (type === "parenthetical" && text === "()");
}

export const screenplayEnter: Command = (state, dispatch) => {
  const { selection, schema } = state;
  if (selection instanceof NodeSelection) {
    // A selected page break: continue with an action after it.
    if (dispatch) {
      const tr = state.tr.insert(selection.to, createElement(schema, "action"));
      tr.setSelection(TextSelection.create(tr.doc, selection.to + 1));
      dispatch(tr.scrollIntoView());
    }
    return true;
  }
  // Checked before touching the transaction: under Tiptap, state.tr is the transaction that gets
  // dispatched even when a command declines.
  if (selection.$from.depth !== 1 || !selection.$from.parent.isTextblock) return false;
  if (!dispatch) return true;
  const tr = state.tr;
  if (!selection.empty) tr.deleteSelection();
  const $pos = tr.selection.$from;
  const block = $pos.parent;
  const type = block.type.name;
  if ($pos.depth !== 1 || !block.isTextblock || !isBlockType(type)) {
    dispatch(tr.scrollIntoView());
    return true;
  }

  const text = block.textContent;
  const start = $pos.before();
  const escape = escapeFromEmpty(type);
  if (escape && isEffectivelyEmpty(type, text)) {
    tr.replaceWith(start, start + block.nodeSize, createElement(schema, escape));
    tr.setSelection(TextSelection.create(tr.doc, start + 1));
    dispatch(tr.scrollIntoView());
    return true;
  }

  const offset = $pos.parentOffset;
  // In a parenthetical the caret usually sits before the closing ")": that counts as the end.
  const atEnd = offset === block.content.size || (type === "parenthetical" && text.slice(offset) === ")");
  if (atEnd) {
    const after = $pos.after();
    tr.insert(after, createElement(schema, NEXT_ON_ENTER[type]));
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
  } else if (offset === 0) {
    // At the start, push the element down with an empty one of the same type above it, so the
    // text keeps its node (and a scene heading keeps its sceneId and storyboard).
    tr.insert(start, createElement(schema, type));
  } else {
    // The tail is a new element of the same type; a scene heading's tail is a new scene.
    const attrs = type === "sceneHeading" ? { ...block.attrs, sceneId: newId(), sceneNumber: null } : block.attrs;
    tr.split($pos.pos, 1, [{ type: block.type, attrs }]);
  }
  dispatch(tr.scrollIntoView());
  return true;
};

export const insertLineBreak: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if (!$from.parent.isTextblock) return false;
  if (dispatch) dispatch(state.tr.insertText("\n").scrollIntoView());
  return true;
};
