/**
 * The scene list, derived from the script as it is (never stored twice): number, heading text,
 * sceneId and position of every scene heading. Scene numbers follow the locked sceneNumber when a
 * heading has one ("12A") and count on from it otherwise.
 */
import type { Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState } from "@tiptap/pm/state";

export interface SceneInfo {
  /** Displayed number: the locked sceneNumber, or the computed 1, 2, 3 … */
  number: string;
  /** The heading as written ("INT. KITCHEN - NIGHT"). */
  heading: string;
  sceneId: string | null;
  /** Position of the heading node in the editor document. */
  pos: number;
  /** Index of the heading among the document's top-level elements. */
  index: number;
  /** True when the number is a locked sceneNumber rather than computed. */
  locked: boolean;
}

function docOf(source: PMNode | EditorState | Editor): PMNode {
  if ("view" in source && "state" in source) return source.state.doc; // Editor
  if ("doc" in source && "selection" in source) return source.doc; // EditorState
  return source as PMNode;
}

export function deriveScenes(source: PMNode | EditorState | Editor): SceneInfo[] {
  const scenes: SceneInfo[] = [];
  let counter = 0;
  docOf(source).forEach((node, pos, index) => {
    if (node.type.name !== "sceneHeading") return;
    const lockedNumber: unknown = node.attrs.sceneNumber;
    const locked = typeof lockedNumber === "string" && lockedNumber.trim() !== "";
    let number: string;
    if (locked) {
      number = lockedNumber.trim();
      // "12" or "12A" → the next computed scene is 13.
      const leading = Number.parseInt(number, 10);
      if (Number.isInteger(leading)) counter = leading;
    } else {
      counter += 1;
      number = String(counter);
    }
    const sceneId: unknown = node.attrs.sceneId;
    scenes.push({
      number,
      heading: node.textContent.replace(/\n/g, " ").trim(),
      sceneId: typeof sceneId === "string" ? sceneId : null,
      pos,
      index,
      locked,
    });
  });
  return scenes;
}

/** The scene containing `pos` (the last heading at or before it), or null before the first scene. */
export function sceneAt(scenes: readonly SceneInfo[], pos: number): SceneInfo | null {
  let found: SceneInfo | null = null;
  for (const scene of scenes) {
    if (scene.pos > pos) break;
    found = scene;
  }
  return found;
}
