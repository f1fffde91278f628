/** The shots before and after this one in its scene's storyboard (live: a reorder elsewhere moves them). */
import { useMemo } from "react";
import type * as Y from "yjs";
import { readShotOrder, storyboardShots } from "@aiuteur/shared";
import { useYValue } from "./useYValue";

const NO_SHOTS: string[] = [];

export function useShotNeighbours(storyboard: Y.Doc | null, shotId: string) {
  const list = useMemo(() => (storyboard ? storyboardShots(storyboard) : null), [storyboard]);
  const order = useYValue(list, () => (storyboard ? readShotOrder(storyboard) : NO_SHOTS), NO_SHOTS);
  const index = order.indexOf(shotId);
  if (index < 0) return { previous: null, next: null, position: null };
  return {
    previous: order[index - 1] ?? null,
    next: order[index + 1] ?? null,
    position: { index, count: order.length },
  };
}
