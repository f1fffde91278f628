/**
 * Follows the words selected in the script so a "Comment" button can float by them, and binds
 * Mod+Alt+M to comment on the selection (with nothing selected the key is left to the editor, where it
 * toggles an inline note).
 */
import { useEffect, useRef, useState } from "react";
import type { Editor } from "@tiptap/core";
import { commentableSelection, type CommentableSelection } from "../../editor/comments/selection";

export interface SelectionForComment {
  selection: CommentableSelection;
  /** Where the selection is on screen (viewport coordinates). */
  rect: { top: number; bottom: number; left: number; right: number };
}

function current(editor: Editor): SelectionForComment | null {
  const selection = commentableSelection(editor);
  if (!selection) return null;
  const dom = editor.view.dom.ownerDocument.getSelection();
  let rect: SelectionForComment["rect"] | null = null;
  if (dom && dom.rangeCount > 0 && !dom.isCollapsed) {
    const box = dom.getRangeAt(0).getBoundingClientRect();
    rect = { top: box.top, bottom: box.bottom, left: box.left, right: box.right };
  }
  if (!rect) {
    const start = editor.view.coordsAtPos(selection.from);
    const end = editor.view.coordsAtPos(selection.to);
    rect = { top: start.top, bottom: end.bottom, left: Math.min(start.left, end.left), right: Math.max(start.right, end.right) };
  }
  return { selection, rect };
}

export function useCommentSelection(
  editor: Editor | null,
  enabled: boolean,
  onComment: (selection: CommentableSelection) => void,
): SelectionForComment | null {
  const [state, setState] = useState<SelectionForComment | null>(null);
  const onCommentRef = useRef(onComment);
  onCommentRef.current = onComment;

  useEffect(() => {
    if (!editor || !enabled) {
      setState(null);
      return;
    }
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setState(editor.isDestroyed ? null : current(editor)));
    };
    document.addEventListener("selectionchange", schedule);
    editor.on("selectionUpdate", schedule);
    window.addEventListener("resize", schedule);
    window.addEventListener("scroll", schedule, true);
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.metaKey || event.ctrlKey) || !event.altKey || event.code !== "KeyM" || editor.isDestroyed) return;
      const selection = commentableSelection(editor);
      if (!selection) return;
      event.preventDefault();
      event.stopPropagation();
      onCommentRef.current(selection);
    };
    // Capture: ahead of the editor's own Mod-Alt-M (inline note), only when words are selected.
    window.addEventListener("keydown", onKeyDown, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", schedule);
      editor.off("selectionUpdate", schedule);
      window.removeEventListener("resize", schedule);
      window.removeEventListener("scroll", schedule, true);
      window.removeEventListener("keydown", onKeyDown, true);
    };
  }, [editor, enabled]);

  return state;
}
