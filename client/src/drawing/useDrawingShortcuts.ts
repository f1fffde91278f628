/**
 * The panel editor's keyboard: one letter per tool, Mod+Z / Mod+Shift+Z / Mod+Y for undo and redo,
 * + / - / 0 for the view, Delete for the selected stroke, and Space held to pan with the pointer.
 * Keys typed into a text field (a comment, a shot field) are left alone.
 */
import { useEffect, useRef } from "react";
import { TOOLS, type EditorTool } from "./editorState";

export interface DrawingShortcutHandlers {
  setTool(tool: EditorTool): void;
  undo(): void;
  redo(): void;
  zoomIn(): void;
  zoomOut(): void;
  resetView(): void;
  deleteSelected(): void;
  cancel(): void;
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable=true]") !== null;
}

/** Returns a ref that is true while Space is held (pan mode). */
export function useDrawingShortcuts(handlers: DrawingShortcutHandlers) {
  const ref = useRef(handlers);
  ref.current = handlers;
  const spaceHeld = useRef(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const h = ref.current;
      const mod = event.metaKey || event.ctrlKey;
      const key = event.key.toLowerCase();
      if (mod && !event.altKey) {
        if (key === "z") h[event.shiftKey ? "redo" : "undo"]();
        else if (key === "y") h.redo();
        else return;
        event.preventDefault();
        return;
      }
      if (event.altKey || mod) return;
      if (event.key === " ") {
        spaceHeld.current = true;
        event.preventDefault();
        return;
      }
      const tool = TOOLS.find((t) => t.key === key);
      if (tool) h.setTool(tool.tool);
      else if (event.key === "+" || event.key === "=") h.zoomIn();
      else if (event.key === "-" || event.key === "_") h.zoomOut();
      else if (event.key === "0") h.resetView();
      else if (event.key === "Delete" || event.key === "Backspace") h.deleteSelected();
      else if (event.key === "Escape") h.cancel();
      else return;
      event.preventDefault();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === " ") spaceHeld.current = false;
    };
    const onBlur = () => {
      spaceHeld.current = false;
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("keyup", onKeyUp);
    window.addEventListener("blur", onBlur);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("keyup", onKeyUp);
      window.removeEventListener("blur", onBlur);
    };
  }, []);

  return spaceHeld;
}
