/**
 * The scene list's rows: each derived scene with the beats linked to it, and the filter the list's search
 * box applies (any word of the query may match the number, heading, location, time of day, a character or
 * a linked beat's title; every word must match somewhere).
 */
import type { Beat, DerivedScene } from "@aiuteur/shared";

export interface SceneRow {
  scene: DerivedScene;
  beats: Beat[];
}

export function sceneRows(scenes: readonly DerivedScene[], beatsByScene: ReadonlyMap<string, Beat[]>): SceneRow[] {
  return scenes.map((scene) => ({ scene, beats: beatsByScene.get(scene.sceneId) ?? [] }));
}

function searchableText(row: SceneRow): string {
  const { scene } = row;
  return [
    scene.number,
    scene.heading,
    scene.location,
    scene.timeOfDay,
    scene.intExt ?? "",
    ...scene.characters,
    ...row.beats.map((beat) => beat.title),
  ]
    .join("\n")
    .toLowerCase();
}

export function filterSceneRows(rows: readonly SceneRow[], query: string): SceneRow[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word !== "");
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = searchableText(row);
    return words.every((word) => text.includes(word));
  });
}

export interface SceneTotals {
  scenes: number;
  eighths: number;
}

export function sceneTotals(rows: readonly SceneRow[]): SceneTotals {
  return { scenes: rows.length, eighths: rows.reduce((sum, row) => sum + row.scene.eighths, 0) };
}
