/**
 * What one replica of a document has that another lacks, as a Yjs update: the heart of a merge.
 * Y.encodeStateAsUpdate(source, stateVector(target)) always carries source's whole delete set, so "is
 * there anything new" cannot be read off its size: new structs show in the state vectors, new deletions
 * only by applying the update to a copy of the target and comparing snapshots.
 */
import * as Y from "yjs";

function hasUnseenStructs(target: Y.Doc, source: Y.Doc): boolean {
  const seen = Y.decodeStateVector(Y.encodeStateVector(target));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(source))) {
    if (clock > (seen.get(client) ?? 0)) return true;
  }
  return false;
}

function hasUnseenDeletions(target: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(target));
    const before = Y.snapshot(copy);
    Y.applyUpdate(copy, update);
    return !Y.equalSnapshots(before, Y.snapshot(copy));
  } finally {
    copy.destroy();
  }
}

/** The update that brings `target` up to date with `source`, or null when `target` already has it all. */
export function missingUpdate(target: Y.Doc, source: Y.Doc): Uint8Array | null {
  const update = Y.encodeStateAsUpdate(source, Y.encodeStateVector(target));
  if (hasUnseenStructs(target, source) || hasUnseenDeletions(target, update)) return update;
  return null;
}

export function isEmptyDocument(doc: Y.Doc): boolean {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).size === 0;
}
