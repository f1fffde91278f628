/**
 * "Deleted … · Undo": a polite status message with an Undo button (also Ctrl/⌘+Z while it shows), that
 * dismisses itself after a while so it never piles up.
 */
import { useEffect } from "react";

const SHOW_MS = 10_000;

export function UndoToast({ message, onUndo, onDismiss }: { message: string; onUndo(): void; onDismiss(): void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOW_MS);
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Inside a text field Ctrl+Z is the field's own undo.
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z") {
        event.preventDefault();
        onUndo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("keydown", onKey);
    };
  }, [message, onUndo, onDismiss]);

  return (
    <div className="undo-toast" role="status" aria-live="polite" data-testid="undo-toast">
      <span>{message}</span>
      <button type="button" className="button-secondary" data-testid="undo-button" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="button-quiet" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
