/** Y.Docs built from states the server sends (a version, a document's current content). */
import * as Y from "yjs";

/** A fresh Y.Doc holding `states` applied in order (a merge preview applies the parent, then the branch). */
export function docFromStates(...states: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const state of states) Y.applyUpdate(doc, state);
  return doc;
}
