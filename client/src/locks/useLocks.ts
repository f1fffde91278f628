/**
 * The current locks of one story timeline from the server, for what the open documents' mirrors cannot
 * tell (the scene list's counts of locked shots). Fetched again on `reload()` (after this page locks or
 * unlocks) and whenever the window regains focus, so a lock set in another tab shows on coming back.
 */
import { useEffect, useMemo } from "react";
import type { LockInfo } from "@aiuteur/shared";
import { useResource } from "../app/hooks/useResource";
import { locksApi } from "./api";

export interface Locks {
  /** Null until the first answer (and while offline without one). */
  list: readonly LockInfo[] | null;
  byDocument: ReadonlyMap<string, LockInfo>;
  error: unknown;
  reload(): void;
}

export function useLocks(projectId: string, branchId: string): Locks {
  const resource = useResource(`locks:${projectId}:${branchId}`, (signal) => locksApi.list(projectId, branchId, signal));
  const { reload } = resource;
  useEffect(() => {
    window.addEventListener("focus", reload);
    return () => window.removeEventListener("focus", reload);
  }, [reload]);
  const list = resource.data ?? null;
  const byDocument = useMemo(() => new Map((list ?? []).map((lock) => [lock.document, lock])), [list]);
  return { list, byDocument, error: resource.error, reload };
}
