/**
 * Deleting a beat with a way back: the deletion runs under an origin only this hook's UndoManager tracks,
 * so "Undo" restores exactly the beats this writer deleted (text, colour, linked scenes and place in the
 * order) and never reverts what collaborators did meanwhile.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { beatMap, beatOrder, removeBeat } from "@aiuteur/shared";

export interface DeletedBeat {
  title: string;
}

export interface BeatDeletion {
  /** The last deletion that can still be undone, for the toast. */
  lastDeleted: DeletedBeat | null;
  remove(id: string, title: string): void;
  undo(): void;
  dismiss(): void;
}

export function useBeatDeletion(doc: Y.Doc | null): BeatDeletion {
  const origin = useMemo(() => ({ source: "beat-deletion" }), []);
  const undoManager = useMemo(
    () => (doc ? new Y.UndoManager([beatOrder(doc), beatMap(doc)], { trackedOrigins: new Set([origin]), captureTimeout: 0 }) : null),
    [doc, origin],
  );
  useEffect(() => () => undoManager?.destroy(), [undoManager]);
  const [lastDeleted, setLastDeleted] = useState<DeletedBeat | null>(null);

  const remove = useCallback(
    (id: string, title: string) => {
      if (!doc) return;
      // Nested transactions join this one, so removeBeat's changes carry our origin.
      doc.transact(() => removeBeat(doc, id), origin);
      setLastDeleted({ title });
    },
    [doc, origin],
  );
  const undo = useCallback(() => {
    undoManager?.undo();
    setLastDeleted(null);
  }, [undoManager]);
  const dismiss = useCallback(() => setLastDeleted(null), []);
  return { lastDeleted, remove, undo, dismiss };
}
