/**
 * "Merged … into main · Undo merge": kept outside React so it survives the navigation to the parent
 * timeline (the page remounts its header while the parent's documents open).
 */
import { useSyncExternalStore } from "react";

export interface MergeNotice {
  projectId: string;
  branchName: string;
  parentName: string;
  /** Every parent document the merge changed, with the version recorded on it just before. */
  versions: { document: string; version: string }[];
}

let current: MergeNotice | null = null;
const listeners = new Set<() => void>();

export function setMergeNotice(notice: MergeNotice | null): void {
  current = notice;
  for (const listener of listeners) listener();
}

export function useMergeNotice(): MergeNotice | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    () => current,
  );
}
