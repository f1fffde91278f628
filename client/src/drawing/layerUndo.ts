/**
 * Undo and redo of the caller's own strokes on one layer. Each layer array gets its own Y.UndoManager that
 * tracks only transactions made with this page's origin object: a collaborator's strokes arrive with the
 * provider as origin and are never undone here. captureTimeout 0 keeps every stroke its own undo step
 * (two quick strokes would otherwise merge into one).
 */
import * as Y from "yjs";
import { addStroke, removeStroke, type NewStroke } from "@aiuteur/shared";

export interface LayerUndo {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Adds a stroke as an undoable step of ours. */
  add(stroke: NewStroke): string;
  /** Deletes a stroke (select tool) as an undoable step of ours. */
  remove(id: string): void;
  destroy(): void;
  /** Called after every change of the undo/redo stacks. */
  onChange(listener: () => void): () => void;
}

export function createLayerUndo(list: Y.Array<unknown>, origin: object): LayerUndo {
  const manager = new Y.UndoManager(list, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  for (const event of ["stack-item-added", "stack-item-popped", "stack-cleared"] as const) manager.on(event, notify);
  return {
    undo: () => void manager.undo(),
    redo: () => void manager.redo(),
    canUndo: () => manager.undoStack.length > 0,
    canRedo: () => manager.redoStack.length > 0,
    add: (stroke) => addStroke(list, stroke, origin),
    remove: (id) => removeStroke(list, id, origin),
    destroy: () => {
      listeners.clear();
      manager.destroy();
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
