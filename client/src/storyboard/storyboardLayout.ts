/**
 * What the storyboard grid shows, as plain functions of the script's scenes, the server's list of the
 * episode's shots and each scene's shot order: which scenes get a section, which shots lost their scene
 * (shown, never hidden or deleted), which shots of a scene were taken off its storyboard, and where a
 * drag or a keyboard move puts a shot.
 */
import type { DerivedScene, ShotInfo } from "@aiuteur/shared";

/** Scenes that can hold shots: a heading without its own id (a fresh paste) gets one from the editor soon. */
export function storyboardScenes(scenes: readonly DerivedScene[]): DerivedScene[] {
  return scenes.filter((scene) => scene.sceneId !== "");
}

/** Shots whose scene heading is no longer in the script, in the server's order. */
export function orphanedShots(shots: readonly ShotInfo[], scenes: readonly DerivedScene[]): ShotInfo[] {
  const live = new Set(storyboardScenes(scenes).map((scene) => scene.sceneId));
  return shots.filter((shot) => !live.has(shot.sceneId));
}

/** Shots created for a scene that are not (any more) on its storyboard, so they can be put back. */
export function setAsideShots(shots: readonly ShotInfo[], sceneId: string, order: readonly string[]): ShotInfo[] {
  const placed = new Set(order);
  return shots.filter((shot) => shot.sceneId === sceneId && !placed.has(shot.id));
}

/** The index a dragged shot moves to when dropped on `overId`; null when nothing moves. */
export function dropIndex(order: readonly string[], activeId: string, overId: string | null): number | null {
  if (overId === null || overId === activeId) return null;
  const from = order.indexOf(activeId);
  const to = order.indexOf(overId);
  return from === -1 || to === -1 ? null : to;
}

/** Alt+ArrowLeft / Alt+ArrowRight on a panel: the index it moves to, or null at either end. */
export function keyboardMoveIndex(order: readonly string[], id: string, direction: -1 | 1): number | null {
  const from = order.indexOf(id);
  if (from === -1) return null;
  const to = from + direction;
  return to < 0 || to >= order.length ? null : to;
}

/** "12 · INT. KITCHEN - NIGHT" */
export function sceneTitle(scene: Pick<DerivedScene, "number" | "heading">): string {
  return `${scene.number} · ${scene.heading || "Untitled scene"}`;
}
