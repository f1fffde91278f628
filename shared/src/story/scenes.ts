/**
 * Scenes derived from a screenplay (the "script hub"), computed from the script as it is; never stored.
 * IMPLEMENTATION PENDING (helper): see the brief in the commit that adds it.
 */
import type { ScreenplayBlock } from "../screenplay/model.js";

export type IntExt = "INT" | "EXT" | "INT/EXT";

export interface DerivedScene {
  sceneId: string;
  /** The locked sceneNumber ("12A") or the computed 1, 2, 3 … */
  number: string;
  /** The heading as written, single line. */
  heading: string;
  intExt: IntExt | null;
  location: string;
  timeOfDay: string;
  /** Length in eighths of a page (at least 1). */
  eighths: number;
  /** Characters who speak (cues, extensions stripped) or are named in action, upper-case, first appearance order. */
  characters: string[];
  /** Index of the heading among the script's blocks, and of the first block after the scene. */
  startIndex: number;
  endIndex: number;
}

export declare function deriveScenes(blocks: readonly ScreenplayBlock[]): DerivedScene[];
