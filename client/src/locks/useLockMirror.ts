/**
 * The lock as mirrored inside an open document, for the document's own story timeline, kept current as
 * the server changes it: the moment a director locks, every page showing the document re-renders.
 */
import { useCallback } from "react";
import type * as Y from "yjs";
import { parseDocumentName, readLockMirror, UNLOCKED_MIRROR, type LockMirror } from "@aiuteur/shared";
import { useDocValue } from "../scenes/useDocValue";

/** The branch a document belongs to, or null for names without one (the project document). */
export function branchOf(documentName: string | null): string | null {
  const parsed = documentName ? parseDocumentName(documentName) : null;
  return parsed && parsed.kind !== "project" ? parsed.branchId : null;
}

export function useLockMirror(doc: Y.Doc | null | undefined, documentName: string | null): LockMirror {
  const branchId = branchOf(documentName);
  const read = useCallback((d: Y.Doc) => (branchId === null ? UNLOCKED_MIRROR : readLockMirror(d, branchId)), [branchId]);
  return useDocValue(doc, read) ?? UNLOCKED_MIRROR;
}
