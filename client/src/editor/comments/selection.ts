/**
 * The words a person has selected in the script, for commenting — in an editable editor and in a
 * read-only one. A read-only page (reviewers) is not contenteditable, so ProseMirror may not track the
 * browser's selection there; the DOM selection is the truth and is converted to document positions.
 */
import type { Editor } from "@tiptap/core";
import type { TextRange } from "./anchors.js";

export interface CommentableSelection extends TextRange {
  quote: string;
}

function domSelectionRange(editor: Editor): TextRange | null {
  const selection = editor.view.dom.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const { anchorNode, focusNode } = selection;
  const dom = editor.view.dom;
  if (!anchorNode || !focusNode || !dom.contains(anchorNode) || !dom.contains(focusNode)) return null;
  try {
    const anchor = editor.view.posAtDOM(anchorNode, selection.anchorOffset);
    const focus = editor.view.posAtDOM(focusNode, selection.focusOffset);
    return { from: Math.min(anchor, focus), to: Math.max(anchor, focus) };
  } catch {
    return null;
  }
}

/** Whitespace at the edges is not part of what is being commented on. */
function trimmed(editor: Editor, range: TextRange): TextRange | null {
  const doc = editor.state.doc;
  let { from, to } = range;
  while (from < to && /\s/.test(doc.textBetween(from, from + 1, " ", " ") || " ")) from++;
  while (to > from && /\s/.test(doc.textBetween(to - 1, to, " ", " ") || " ")) to--;
  return from < to ? { from, to } : null;
}

export function commentableSelection(editor: Editor): CommentableSelection | null {
  if (editor.isDestroyed) return null;
  const { from, to, empty } = editor.state.selection;
  const range = editor.isEditable && !empty ? { from, to } : domSelectionRange(editor) ?? (empty ? null : { from, to });
  if (!range) return null;
  const words = trimmed(editor, range);
  if (!words) return null;
  return { ...words, quote: editor.state.doc.textBetween(words.from, words.to, "\n", " ") };
}
