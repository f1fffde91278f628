/**
 * Scenes derived from a screenplay (the "script hub"), computed from the script as it is; never stored.
 * The client recomputes this on every keystroke of a long script, so it is one linear pass over the
 * blocks (plus one pass over action text with a single name matcher built per call).
 *
 * Scene identity: a scene's id is its heading's attrs.sceneId. When two headings carry the same id (a
 * paste or duplicate the editor has not yet renumbered), the FIRST keeps it and every later one is
 * reported with sceneId "" and idProblem "duplicate"; a heading without an id also gets sceneId "" and
 * idProblem "missing". Consumers must not attach shots to a scene whose sceneId is ""; the editor assigns
 * fresh ids and the list then follows.
 */
import { blockText, type ScreenplayBlock } from "../screenplay/model.js";
import { buildNameMatcher, cueName } from "./characterNames.js";
import { blockLines, linesToEighths } from "./pageLength.js";
import { parseSceneHeading, type IntExt } from "./sceneHeading.js";

export type { IntExt } from "./sceneHeading.js";

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
  /** Why sceneId is "" (see the module comment), or null when the scene has its own id. */
  idProblem: "missing" | "duplicate" | null;
}

/** Blocks whose text is searched for character names. */
const ACTION_TYPES = new Set(["action", "shot"]);

/** The locked number of a heading: attrs.sceneNumber, else a "#12#" written at the end of its text. */
function lockedNumber(block: ScreenplayBlock, parsedNumber: string | null): string | null {
  const attr = block.attrs?.sceneNumber;
  if (typeof attr === "string" && attr.trim() !== "") return attr.trim();
  return parsedNumber;
}

interface SceneDraft {
  scene: DerivedScene;
  lines: number;
  /** Cue names (resolved) and action texts (matched later) in script order, for first-appearance order. */
  sources: Array<{ cue: string } | { action: string }>;
}

function pushUnique(list: string[], name: string): void {
  if (name !== "" && !list.includes(name)) list.push(name);
}

export function deriveScenes(blocks: readonly ScreenplayBlock[]): DerivedScene[] {
  const drafts: SceneDraft[] = [];
  const knownNames = new Set<string>();
  const seenIds = new Set<string>();
  let counter = 0;
  let current: SceneDraft | null = null;

  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    const text = blockText(block);
    if (block.type === "character") {
      const name = cueName(text);
      if (name !== "") knownNames.add(name);
      if (current && name !== "") current.sources.push({ cue: name });
    }
    if (block.type === "sceneHeading") {
      if (current) current.scene.endIndex = index;
      const parsed = parseSceneHeading(text);
      const locked = lockedNumber(block, parsed.sceneNumber);
      let number: string;
      if (locked !== null) {
        number = locked;
        // Same rule as the editor (client/src/editor/scenes.ts): "12" or "12A" → the next computed scene is 13.
        const leading = Number.parseInt(locked, 10);
        if (Number.isInteger(leading)) counter = leading;
      } else {
        counter += 1;
        number = String(counter);
      }
      const rawId = typeof block.attrs?.sceneId === "string" ? block.attrs.sceneId : "";
      const idProblem = rawId === "" ? "missing" : seenIds.has(rawId) ? "duplicate" : null;
      if (idProblem === null) seenIds.add(rawId);
      current = {
        scene: {
          sceneId: idProblem === null ? rawId : "",
          number,
          heading: text.replace(/\s*\n\s*/g, " ").trim(),
          intExt: parsed.intExt,
          location: parsed.location,
          timeOfDay: parsed.timeOfDay,
          eighths: 1,
          characters: [],
          startIndex: index,
          endIndex: blocks.length,
          idProblem,
        },
        lines: 0,
        sources: [],
      };
      drafts.push(current);
    }
    if (!current) continue;
    current.lines += blockLines(block, text);
    if (ACTION_TYPES.has(block.type) && text !== "") current.sources.push({ action: text });
  }

  // Names are known only after the whole script is read: a name in scene 2's action may first speak in scene 9.
  const matcher = buildNameMatcher(knownNames);
  return drafts.map(({ scene, lines, sources }) => {
    const characters: string[] = [];
    for (const source of sources) {
      if ("cue" in source) pushUnique(characters, source.cue);
      else for (const name of matcher.namesIn(source.action)) pushUnique(characters, name);
    }
    return { ...scene, eighths: linesToEighths(lines), characters };
  });
}

/** Every character who speaks anywhere in the script (from cues), upper-case, in first-appearance order. */
export function deriveCharacters(blocks: readonly ScreenplayBlock[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    if (block.type !== "character") continue;
    const name = cueName(blockText(block));
    if (name === "" || seen.has(name)) continue;
    seen.add(name);
    names.push(name);
  }
  return names;
}

/** Distinct scene locations in first-appearance order; "Kitchen" and "KITCHEN" are one location (first spelling kept). */
export function deriveLocations(scenes: readonly DerivedScene[]): string[] {
  const locations: string[] = [];
  const seen = new Set<string>();
  for (const { location } of scenes) {
    const key = location.toUpperCase();
    if (location === "" || seen.has(key)) continue;
    seen.add(key);
    locations.push(location);
  }
  return locations;
}
