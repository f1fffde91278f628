/**
 * Restoring a version as a new change. Yjs cannot move a document back in time, so the restore is
 * computed as an update that undoes, on top of the current state, everything done since the version:
 * inserts made since are deleted, content deleted since is inserted again. Collaborators receive it like
 * any edit, and nothing they hold is lost (it is all still in the history, and restorable).
 */
import * as Y from "yjs";

const REPLAYED = Symbol("changes since the version");

type RootKind = "map" | "text" | "xml" | "array";

/**
 * What a root type is, read from its content. A root only ever applied from an update is a bare
 * placeholder that does not report its changes to an UndoManager, so it must be given its real class first.
 */
function rootKind(doc: Y.Doc, name: string): RootKind | null {
  const type = doc.share.get(name);
  if (!type) return null;
  if (type instanceof Y.Map) return "map";
  if (type instanceof Y.Text) return "text";
  if (type instanceof Y.XmlFragment) return "xml";
  if (type instanceof Y.Array) return "array";
  for (let item = type._start; item !== null; item = item.right) {
    const content = item.content;
    if (content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentEmbed) {
      return "text";
    }
    if (content instanceof Y.ContentType) {
      return content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText ? "xml" : "array";
    }
    if (!(content instanceof Y.ContentDeleted)) return "array";
  }
  return type._map.size > 0 ? "map" : null;
}

function concreteRoot(doc: Y.Doc, name: string, kind: RootKind | null): Y.AbstractType<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- the UndoManager takes any root type
  switch (kind) {
    case "map":
      return doc.getMap(name);
    case "text":
      return doc.getText(name);
    case "xml":
      return doc.getXmlFragment(name);
    case "array":
      return doc.getArray(name);
    default:
      return doc.get(name);
  }
}

/**
 * The update that, applied to a document whose state is `current`, makes its content equal to the content
 * at `version`. `version` must be an earlier state of the same document (a version taken from it, or the
 * state a branch was forked from).
 */
export function revertUpdate(current: Uint8Array, version: Uint8Array): Uint8Array {
  const currentDoc = new Y.Doc();
  Y.applyUpdate(currentDoc, current);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, version);
  // Every root type of either state must be tracked, including those created after the version.
  const roots = new Set([...doc.share.keys(), ...currentDoc.share.keys()]);
  const types = [...roots].map((name) => concreteRoot(doc, name, rootKind(doc, name) ?? rootKind(currentDoc, name)));
  const undo = new Y.UndoManager(types, { trackedOrigins: new Set([REPLAYED]), captureTimeout: 0 });
  const before = Y.encodeStateVector(doc);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(currentDoc, before), REPLAYED);
  undo.undo();
  undo.destroy();
  // The undo made new items and deletions on top of `current`: that difference is the restore.
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(currentDoc));
}
