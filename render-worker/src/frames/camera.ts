/**
 * Camera movement as a move over the panel: the panel is scaled about the frame's centre and shifted, in
 * fractions of the frame. A pan or tilt slides across a slightly enlarged panel (so no edge is ever seen);
 * a dolly in or zoom pushes in 1 → 1.2; a dolly out pulls back 1.2 → 1; a truck or crane moves diagonally;
 * handheld is a small seeded wobble; static does not move.
 */
import type { CameraMove } from "@aiuteur/shared";
import { wobble } from "./seeded.js";

export interface CameraPose {
  /** Panel scale; ≥ 1 so the panel always covers the frame. */
  scale: number;
  /** Shift of the panel's centre, in fractions of the frame width and height. */
  x: number;
  y: number;
}

export const PUSH_IN_SCALE = 1.2;
/** How much larger the panel is during a pan, tilt, truck or crane: the room the move slides through. */
export const SLIDE_SCALE = 1.15;
const HANDHELD_SCALE = 1.05;

/** The largest scale a move reaches: the panel picture is drawn at that size so it stays sharp. */
export function maxCameraScale(move: CameraMove): number {
  switch (move) {
    case "static":
      return 1;
    case "dolly in":
    case "dolly out":
    case "zoom":
      return PUSH_IN_SCALE;
    case "handheld":
      return HANDHELD_SCALE;
    default:
      return SLIDE_SCALE;
  }
}

/** Ease in and out, so moves start and stop gently like a real camera. */
function ease(p: number): number {
  const c = Math.min(1, Math.max(0, p));
  return c * c * (3 - 2 * c);
}

/**
 * The pose at `progress` (0 at the first frame, 1 at the last) of a move lasting `duration` seconds;
 * `seed` only matters for handheld.
 */
export function cameraPose(move: CameraMove, progress: number, duration: number, seed: number): CameraPose {
  const p = ease(progress);
  const room = (SLIDE_SCALE - 1) / 2;
  // From +room to -room: the panel slides left (or up) as the camera moves right (or down).
  const slide = room * (1 - 2 * p);
  switch (move) {
    case "static":
      return { scale: 1, x: 0, y: 0 };
    case "pan":
      return { scale: SLIDE_SCALE, x: slide, y: 0 };
    case "tilt":
      return { scale: SLIDE_SCALE, x: 0, y: slide };
    case "dolly in":
    case "zoom":
      return { scale: 1 + (PUSH_IN_SCALE - 1) * p, x: 0, y: 0 };
    case "dolly out":
      return { scale: PUSH_IN_SCALE - (PUSH_IN_SCALE - 1) * p, x: 0, y: 0 };
    case "truck":
      return { scale: SLIDE_SCALE, x: slide, y: slide / 2 };
    case "crane":
      // A crane rises: the panel sinks as it slides sideways.
      return { scale: SLIDE_SCALE, x: slide / 2, y: -slide };
    case "handheld": {
      const shake = ((HANDHELD_SCALE - 1) / 2) * 0.8;
      const t = progress * duration;
      return { scale: HANDHELD_SCALE, x: shake * wobble(seed)(t), y: shake * wobble(seed ^ 0x5bd1e995)(t) };
    }
  }
}
