/** Which threads the comments panel shows: by status (open / resolved / all) and by scene. */
import type { Thread } from "@aiuteur/shared";

export const STATUS_FILTERS = ["open", "resolved", "all"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface ThreadFilter {
  status: StatusFilter;
  /** A scene id, or null for every scene. */
  sceneId: string | null;
}

export function filterThreads(threads: readonly Thread[], filter: ThreadFilter): Thread[] {
  return threads.filter(
    (thread) =>
      (filter.status === "all" || thread.status === filter.status) &&
      (filter.sceneId === null || thread.sceneId === filter.sceneId),
  );
}

export interface ThreadCounts {
  open: number;
  resolved: number;
  all: number;
}

/** Counts per status within the chosen scene, for the filter buttons. */
export function countThreads(threads: readonly Thread[], sceneId: string | null): ThreadCounts {
  const counts: ThreadCounts = { open: 0, resolved: 0, all: 0 };
  for (const thread of threads) {
    if (sceneId !== null && thread.sceneId !== sceneId) continue;
    counts[thread.status] += 1;
    counts.all += 1;
  }
  return counts;
}
