/**
 * How a difference is told apart without colour: a symbol shown beside it (+ − ~) and the words read
 * to screen readers and shown in the legend. The CSS adds colour on top.
 */
import type { ElementStatus, SceneStatus } from "@aiuteur/shared";

export interface Mark {
  symbol: string;
  /** Read before the text ("Added: …"). */
  label: string;
}

export const ELEMENT_MARK: Record<Exclude<ElementStatus, "same">, Mark> = {
  added: { symbol: "+", label: "Added" },
  removed: { symbol: "−", label: "Removed" },
  changed: { symbol: "~", label: "Changed" },
};

/** The badge of a scene with differences; unchanged scenes have none. */
export const SCENE_BADGE: Record<Exclude<SceneStatus, "unchanged">, Mark> = {
  added: { symbol: "+", label: "New scene" },
  removed: { symbol: "−", label: "Scene removed" },
  changed: { symbol: "~", label: "Changed" },
};

export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
