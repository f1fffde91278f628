/**
 * The scene list kept up to date as the script changes, and scene numbers in the margin.
 * A node decoration puts each heading's derived number on it as data-scene-number (screenplay.css
 * draws it): decorations, not attributes, because computed numbers are derived data and must not be
 * written into the shared document.
 *
 * Rebuilding from the whole document on every keystroke costs milliseconds in a feature-length
 * script, and y-tiptap hands remote edits over as whole-document replacements. So each change is
 * located by node identity (Fragment.findDiffStart/End); when it touches no scene heading, the list
 * and decorations are only shifted.
 */
import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Mapping, StepMap } from "@tiptap/pm/transform";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { deriveScenes, type SceneInfo } from "./scenes.js";

interface ScenesState {
  scenes: SceneInfo[];
  decorations: DecorationSet;
}

function build(doc: PMNode): ScenesState {
  const scenes = deriveScenes(doc);
  const decorations = scenes.map((scene) =>
    Decoration.node(scene.pos, scene.pos + doc.child(scene.index).nodeSize, {
      "data-scene-number": scene.number,
      class: scene.locked ? "sp-scene-locked" : "",
    }),
  );
  return { scenes, decorations: DecorationSet.create(doc, decorations) };
}

const headingText = (node: PMNode) => node.textContent.replace(/\n/g, " ").trim();

/** The changed range between two documents, as ProseMirror's view computes it for DOM changes. */
function diffRange(before: PMNode, after: PMNode): { start: number; endA: number; endB: number } | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content)!;
  let { a: endA, b: endB } = end;
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  return { start, endA, endB };
}

interface Touched {
  node: PMNode;
  pos: number;
  index: number;
}

/** Scene headings overlapping or bordering [from, to]. */
function touchedHeadings(doc: PMNode, from: number, to: number): Touched[] {
  const out: Touched[] = [];
  doc.forEach((node, pos, index) => {
    if (node.type.name === "sceneHeading" && pos + node.nodeSize >= from && pos <= to) out.push({ node, pos, index });
  });
  return out;
}

/** The change lies strictly inside the text of one heading, the same heading before and after. */
function insideOneHeading(old: Touched[], now: Touched[], start: number, endA: number, endB: number): boolean {
  if (old.length !== 1 || now.length !== 1) return false;
  const [a, b] = [old[0]!, now[0]!];
  return (
    a.index === b.index &&
    a.pos === b.pos &&
    a.node.sameMarkup(b.node) &&
    start > a.pos &&
    endA < a.pos + a.node.nodeSize - 1 &&
    endB < b.pos + b.node.nodeSize - 1
  );
}

function update(previous: ScenesState, before: PMNode, doc: PMNode): ScenesState {
  const diff = diffRange(before, doc);
  if (!diff) return previous;
  const { start, endA, endB } = diff;
  const old = touchedHeadings(before, start, endA);
  const now = touchedHeadings(doc, start, endB);
  const edited = insideOneHeading(old, now, start, endA, endB) ? now[0]! : null;
  // Headings added, removed, moved, retyped or re-attributed: derive again.
  if ((old.length > 0 || now.length > 0) && !edited) return build(doc);

  // Every heading lies wholly before or after the change: shift the ones after it.
  const shiftIndex = doc.childCount - before.childCount;
  const map = new StepMap([start, endA - start, endB - start]);
  const scenes = previous.scenes.map((scene) => {
    if (edited && scene.index === edited.index) return { ...scene, heading: headingText(edited.node) };
    return scene.pos < start ? scene : { ...scene, pos: map.map(scene.pos), index: scene.index + shiftIndex };
  });
  return { scenes, decorations: previous.decorations.map(new Mapping([map]), doc) };
}

export const scenesKey = new PluginKey<ScenesState>("scenes");

/** The current scene list (as deriveScenes gives it, without a pass over the document). */
export function scenesOf(state: EditorState): SceneInfo[] {
  return scenesKey.getState(state)?.scenes ?? deriveScenes(state.doc);
}

export const SceneNumbers = Extension.create({
  name: "sceneNumbers",

  addProseMirrorPlugins() {
    return [
      new Plugin<ScenesState>({
        key: scenesKey,
        state: {
          init: (_config, state) => build(state.doc),
          apply: (tr, previous) => (tr.docChanged ? update(previous, tr.before, tr.doc) : previous),
        },
        props: { decorations: (state) => scenesKey.getState(state)?.decorations },
      }),
    ];
  },
});
