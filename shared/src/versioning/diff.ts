/**
 * Two states of a screenplay compared scene by scene and element by element: what the history panel
 * shows for "compare with now" and a branch shows before it is merged. Pure and deterministic.
 *
 * Scenes are matched by their heading's sceneId. A scene whose id is missing on the other side (an
 * imported script, a heading without an id, a duplicated id) falls back to its heading text, taken in
 * order, so re-importing a script still lines its scenes up. The blocks before the first heading form a
 * part of their own (sceneId null, heading ""). Within a matched scene, elements are compared as
 * (type, text) with a shortest edit script; a removed and an added element of the same type in the same
 * gap become one "changed" element carrying both texts. Marks and attributes are not compared.
 */
import { blockText, type ScreenplayBlock } from "../screenplay/model.js";
import type { BlockType } from "../screenplay/nodes.js";
import { sequenceDiff } from "./sequenceDiff.js";

export type SceneStatus = "added" | "removed" | "changed" | "unchanged";
export type ElementStatus = "same" | "added" | "removed" | "changed";

export interface ElementDiff {
  type: BlockType;
  status: ElementStatus;
  /** The text in `before` (same, removed, changed). */
  before?: string;
  /** The text in `after` (same, added, changed). */
  after?: string;
}

export interface SceneDiff {
  /** The scene's id (after's, else before's); null for the part before the first heading, and for a heading without an id of its own. */
  sceneId: string | null;
  /** The heading as written in `after`, else in `before`; "" for the part before the first heading. */
  heading: string;
  /** 1-based position among the headed scenes of `after` (of `before` for a removed scene); 0 for the part before the first heading. */
  number: number;
  status: SceneStatus;
  /** Every element of the scene, its heading first. */
  elements: ElementDiff[];
}

export interface ScriptDiff {
  scenes: SceneDiff[];
  /** How many entries of `scenes` have each status. */
  summary: Record<SceneStatus, number>;
}

interface Element {
  type: BlockType;
  text: string;
}

interface Part {
  /** Usable for matching: the heading's id when present and first of its kind on this side, else null. */
  id: string | null;
  heading: string;
  number: number;
  elements: Element[];
}

const PROLOGUE_KEY = "\u0000prologue";

/** Splits blocks into the part before the first heading (only when it has blocks) and one part per scene. */
function splitScenes(blocks: readonly ScreenplayBlock[]): Part[] {
  const parts: Part[] = [];
  const seen = new Set<string>();
  let current: Part | null = null;
  let headed = 0;
  for (const block of blocks) {
    const text = blockText(block);
    if (block.type === "sceneHeading") {
      const raw = block.attrs?.sceneId;
      const id = typeof raw === "string" && raw !== "" && !seen.has(raw) ? raw : null;
      if (id !== null) seen.add(id);
      current = { id, heading: text.replace(/\s*\n\s*/g, " ").trim(), number: ++headed, elements: [] };
      parts.push(current);
    } else if (current === null) {
      current = { id: null, heading: "", number: 0, elements: [] };
      parts.push(current);
    }
    current.elements.push({ type: block.type, text });
  }
  return parts;
}

/** The heading a part is matched by when ids do not match: case and spacing do not count. */
function headingKey(part: Part): string {
  return part.number === 0 ? PROLOGUE_KEY : part.heading.toUpperCase().replace(/\s+/g, " ");
}

/** For each part of `after`, the index of its match in `before`, or -1. */
function matchParts(before: readonly Part[], after: readonly Part[]): number[] {
  const match = new Array<number>(after.length).fill(-1);
  const taken = new Array<boolean>(before.length).fill(false);
  const byId = new Map<string, number>();
  before.forEach((part, index) => {
    if (part.id !== null) byId.set(part.id, index);
  });
  after.forEach((part, index) => {
    const found = part.id === null ? undefined : byId.get(part.id);
    if (found !== undefined) {
      match[index] = found;
      taken[found] = true;
    }
  });
  const byHeading = new Map<string, number[]>();
  before.forEach((part, index) => {
    if (taken[index]) return;
    const key = headingKey(part);
    const queue = byHeading.get(key);
    if (queue) queue.push(index);
    else byHeading.set(key, [index]);
  });
  after.forEach((part, index) => {
    if (match[index] !== -1) return;
    const found = byHeading.get(headingKey(part))?.shift();
    if (found !== undefined) match[index] = found;
  });
  return match;
}

const sameElement = (a: Element, b: Element) => a.type === b.type && a.text === b.text;
const sameType = (a: Element, b: Element) => a.type === b.type;

/** Removed and added elements of one gap: same-type pairs (in order) become "changed". */
function pairGap(removed: readonly Element[], added: readonly Element[], out: ElementDiff[]): void {
  for (const edit of sequenceDiff(removed, added, sameType)) {
    const was = removed[edit.before];
    const now = added[edit.after];
    if (edit.kind === "equal") out.push({ type: now!.type, status: "changed", before: was!.text, after: now!.text });
    else if (edit.kind === "removed") out.push({ type: was!.type, status: "removed", before: was!.text });
    else out.push({ type: now!.type, status: "added", after: now!.text });
  }
}

function diffElements(before: readonly Element[], after: readonly Element[]): ElementDiff[] {
  const out: ElementDiff[] = [];
  let removed: Element[] = [];
  let added: Element[] = [];
  const flush = () => {
    if (removed.length + added.length === 0) return;
    pairGap(removed, added, out);
    removed = [];
    added = [];
  };
  for (const edit of sequenceDiff(before, after, sameElement)) {
    if (edit.kind === "removed") removed.push(before[edit.before]!);
    else if (edit.kind === "added") added.push(after[edit.after]!);
    else {
      flush();
      const element = after[edit.after]!;
      out.push({ type: element.type, status: "same", before: element.text, after: element.text });
    }
  }
  flush();
  return out;
}

function sceneOf(was: Part | undefined, now: Part | undefined): SceneDiff {
  const part = (now ?? was)!;
  const id = now?.id ?? was?.id ?? null;
  if (!was) return { sceneId: id, heading: part.heading, number: part.number, status: "added", elements: diffElements([], part.elements) };
  if (!now) return { sceneId: id, heading: part.heading, number: part.number, status: "removed", elements: diffElements(part.elements, []) };
  const elements = diffElements(was.elements, now.elements);
  const status = elements.every((element) => element.status === "same") ? "unchanged" : "changed";
  return { sceneId: id, heading: part.heading, number: part.number, status, elements };
}

/**
 * Compares two screenplays. Scenes come in `after` order; a removed scene sits right after the scene that
 * preceded it in `before` (at the top when nothing did).
 */
export function diffScreenplays(before: readonly ScreenplayBlock[], after: readonly ScreenplayBlock[]): ScriptDiff {
  const was = splitScenes(before);
  const now = splitScenes(after);
  const match = matchParts(was, now);
  const afterIndexOf = new Array<number>(was.length).fill(-1);
  match.forEach((beforeIndex, afterIndex) => {
    if (beforeIndex !== -1) afterIndexOf[beforeIndex] = afterIndex;
  });
  // Removed scenes grouped by the `after` scene they follow (-1: the top), in `before` order.
  const removedAfter = new Map<number, number[]>();
  let anchor = -1;
  was.forEach((_, beforeIndex) => {
    const afterIndex = afterIndexOf[beforeIndex]!;
    if (afterIndex !== -1) {
      anchor = afterIndex;
      return;
    }
    const group = removedAfter.get(anchor);
    if (group) group.push(beforeIndex);
    else removedAfter.set(anchor, [beforeIndex]);
  });

  const scenes: SceneDiff[] = [];
  const pushRemoved = (afterIndex: number) => {
    for (const beforeIndex of removedAfter.get(afterIndex) ?? []) scenes.push(sceneOf(was[beforeIndex], undefined));
  };
  pushRemoved(-1);
  now.forEach((part, afterIndex) => {
    const beforeIndex = match[afterIndex]!;
    scenes.push(sceneOf(beforeIndex === -1 ? undefined : was[beforeIndex], part));
    pushRemoved(afterIndex);
  });

  const summary: Record<SceneStatus, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const scene of scenes) summary[scene.status] += 1;
  return { scenes, summary };
}
