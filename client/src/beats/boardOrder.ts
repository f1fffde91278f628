/**
 * Where keyboard shortcuts and drops move a beat. The board is one flowing row that wraps, so "earlier"
 * is up or left and "later" is down or right, whichever arrow the writer reaches for.
 */
import type { DerivedScene } from "@aiuteur/shared";

const EARLIER = new Set(["ArrowUp", "ArrowLeft"]);
const LATER = new Set(["ArrowDown", "ArrowRight"]);

/** The index `id` should move to for an Alt+arrow key, or null when the key is not a move or it can't move. */
export function keyboardMoveTarget(ids: readonly string[], id: string, key: string): number | null {
  const index = ids.indexOf(id);
  if (index === -1) return null;
  if (EARLIER.has(key)) return index > 0 ? index - 1 : null;
  if (LATER.has(key)) return index < ids.length - 1 ? index + 1 : null;
  if (key === "Home") return index > 0 ? 0 : null;
  if (key === "End") return index < ids.length - 1 ? ids.length - 1 : null;
  return null;
}

/** The index a dragged beat lands at when dropped on `overId` (the card it was released over). */
export function dropTarget(ids: readonly string[], activeId: string, overId: string | null): number | null {
  if (overId === null || overId === activeId) return null;
  const from = ids.indexOf(activeId);
  const to = ids.indexOf(overId);
  if (from === -1 || to === -1) return null;
  return to;
}

export interface SceneChip {
  sceneId: string;
  /** "12 · INT. KITCHEN - NIGHT", or "Scene removed" when its heading is gone from the script. */
  label: string;
  removed: boolean;
}

/**
 * Chips for a beat's linked scenes. While the script is still opening (scenes null) a link can't be told
 * apart from a removed one, so it reads "Scene…" rather than claiming the scene was deleted.
 */
export function sceneChips(sceneIds: readonly string[], scenes: readonly DerivedScene[] | null): SceneChip[] {
  const byId = new Map((scenes ?? []).map((scene) => [scene.sceneId, scene]));
  return sceneIds.map((sceneId) => {
    const scene = byId.get(sceneId);
    if (scene) return { sceneId, label: `${scene.number} · ${scene.heading}`, removed: false };
    if (scenes === null) return { sceneId, label: "Scene…", removed: false };
    return { sceneId, label: "Scene removed", removed: true };
  });
}
