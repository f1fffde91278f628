/**
 * A beat sheet version against another, beat by beat (matched by beat id): added, removed, changed
 * (title, description or act) or the same. Board order of `after`; removed beats follow, in `before` order.
 */
import type { Beat } from "@aiuteur/shared";

export type BeatStatus = "same" | "added" | "removed" | "changed";

export interface BeatRow {
  id: string;
  status: BeatStatus;
  /** The beat as it reads in `after` (in `before` when removed). */
  beat: Beat;
  /** The beat in `before`, when it changed. */
  previous?: Beat;
}

function sameBeat(a: Beat, b: Beat): boolean {
  return a.title === b.title && a.description === b.description && a.act === b.act;
}

export function compareBeats(before: readonly Beat[], after: readonly Beat[]): BeatRow[] {
  const earlier = new Map(before.map((beat) => [beat.id, beat]));
  const rows: BeatRow[] = after.map((beat) => {
    const previous = earlier.get(beat.id);
    if (!previous) return { id: beat.id, status: "added", beat };
    return sameBeat(previous, beat) ? { id: beat.id, status: "same", beat } : { id: beat.id, status: "changed", beat, previous };
  });
  const kept = new Set(after.map((beat) => beat.id));
  for (const beat of before) if (!kept.has(beat.id)) rows.push({ id: beat.id, status: "removed", beat });
  return rows;
}
