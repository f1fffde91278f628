/**
 * The rows of a script comparison: each scene with differences on its own, and each run of unchanged
 * scenes folded into one row ("12 unchanged scenes") that the reader can open.
 */
import type { SceneDiff } from "@aiuteur/shared";

export type SceneRow =
  | { kind: "scene"; key: string; scene: SceneDiff }
  | { kind: "unchanged"; key: string; scenes: SceneDiff[] };

/** A key that stays put while the comparison is recomputed (ids when there are, positions otherwise). */
function sceneKey(scene: SceneDiff, index: number): string {
  return scene.sceneId !== null ? `${scene.status === "removed" ? "was" : "is"}:${scene.sceneId}` : `at:${index}`;
}

export function sceneRows(scenes: readonly SceneDiff[], changedOnly: boolean): SceneRow[] {
  const rows: SceneRow[] = [];
  let run: SceneDiff[] = [];
  let runKey = "";
  const closeRun = () => {
    if (run.length > 0 && !changedOnly) rows.push({ kind: "unchanged", key: `run:${runKey}`, scenes: run });
    run = [];
  };
  scenes.forEach((scene, index) => {
    if (scene.status === "unchanged") {
      if (run.length === 0) runKey = sceneKey(scene, index);
      run.push(scene);
      return;
    }
    closeRun();
    rows.push({ kind: "scene", key: sceneKey(scene, index), scene });
  });
  closeRun();
  return rows;
}
