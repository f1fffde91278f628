/**
 * Shots and scene storyboards.
 *
 *   scene storyboard document:  Y.Array "shots"  shot ids in order (see yarray.ts for moves)
 *   shot document:              Y.Map "fields"   the fields below (action is a Y.Text, the rest plain values)
 *                               Y.Array "sketch" one Y.Map per stroke (drawing.ts)
 *
 * Field values are validated here, once, for the client forms, the REST API and the render worker; a
 * value a peer wrote that does not validate reads as the default, so one bad write cannot break a panel.
 */
import * as Y from "yjs";
import { setText, textOf, uniqueIds, moveId, insertId, removeId } from "./yarray.js";

export const STORYBOARD_SHOTS = "shots";
export const SHOT_FIELDS = "fields";

export const SHOT_SIZES = ["ECU", "CU", "MCU", "MS", "MWS", "WS", "EWS", "OTS", "POV", "insert"] as const;
export type ShotSize = (typeof SHOT_SIZES)[number];
export const SHOT_SIZE_NAMES: Record<ShotSize, string> = {
  ECU: "Extreme close-up",
  CU: "Close-up",
  MCU: "Medium close-up",
  MS: "Medium shot",
  MWS: "Medium wide shot",
  WS: "Wide shot",
  EWS: "Extreme wide shot",
  OTS: "Over the shoulder",
  POV: "Point of view",
  insert: "Insert",
};

export const CAMERA_ANGLES = ["eye level", "high", "low", "overhead", "dutch", "worm's eye"] as const;
export type CameraAngle = (typeof CAMERA_ANGLES)[number];

export const CAMERA_MOVES = ["static", "pan", "tilt", "dolly in", "dolly out", "truck", "crane", "handheld", "zoom"] as const;
export type CameraMove = (typeof CAMERA_MOVES)[number];

export const REVIEW_STATUSES = ["draft", "needs changes", "approved"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const LENS_SUGGESTIONS = ["14mm", "18mm", "24mm", "35mm", "50mm", "85mm", "100mm", "135mm"] as const;

export const DURATION_LIMITS = { min: 0.5, max: 600 } as const;
export const SHOT_LIMITS = { number: 8, lens: 40, action: 4000, characters: 40, dialogue: 100 } as const;

/** A line of dialogue taken from the script: who says it and what, as it read when linked. */
export interface DialogueLine {
  character: string;
  text: string;
  parenthetical?: string;
}

export interface ShotFields {
  /** "1", "2", "2A" … */
  number: string;
  size: ShotSize;
  angle: CameraAngle;
  movement: CameraMove;
  lens: string;
  /** Seconds, DURATION_LIMITS.min … max, in steps of 0.1. */
  duration: number;
  action: string;
  dialogue: DialogueLine[];
  characters: string[];
  status: ReviewStatus;
  /** The scene this shot belongs to (its storyboard). */
  sceneId: string;
  /** Asset id of the panel's reference image, or "" for none. */
  referenceImage: string;
}

export const DEFAULT_SHOT_FIELDS: Omit<ShotFields, "number" | "sceneId"> = {
  size: "MS",
  angle: "eye level",
  movement: "static",
  lens: "",
  duration: 3,
  action: "",
  dialogue: [],
  characters: [],
  status: "draft",
  referenceImage: "",
};

function oneOf<T extends string>(list: readonly T[], value: unknown, fallback: T): T {
  return typeof value === "string" && (list as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The message to show for a duration the user typed, or null when it is valid. */
export function durationProblem(value: unknown): string | null {
  const n = typeof value === "string" ? Number(value.trim().replace(",", ".")) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || (typeof value === "string" && value.trim() === "")) {
    return "Duration must be a number of seconds, such as 2.5.";
  }
  if (n < DURATION_LIMITS.min) return `A shot lasts at least ${DURATION_LIMITS.min} seconds.`;
  if (n > DURATION_LIMITS.max) return `A shot lasts at most ${DURATION_LIMITS.max} seconds (${DURATION_LIMITS.max / 60} minutes).`;
  return null;
}

/** Parses a duration the user typed ("2,5", " 3 ") to seconds rounded to 0.1, or null when invalid. */
export function parseDuration(value: unknown): number | null {
  if (durationProblem(value) !== null) return null;
  const n = typeof value === "string" ? Number(value.trim().replace(",", ".")) : (value as number);
  return Math.round(n * 10) / 10;
}

export function isShotNumber(value: unknown): value is string {
  return typeof value === "string" && /^[A-Z]{0,2}[1-9]\d{0,4}[A-Z]{0,2}$/.test(value);
}

function readDialogue(value: unknown): DialogueLine[] {
  if (!Array.isArray(value)) return [];
  const lines: DialogueLine[] = [];
  for (const item of value.slice(0, SHOT_LIMITS.dialogue)) {
    if (typeof item !== "object" || item === null) continue;
    const { character, text, parenthetical } = item as Record<string, unknown>;
    if (typeof character !== "string" || typeof text !== "string") continue;
    const line: DialogueLine = { character, text };
    if (typeof parenthetical === "string" && parenthetical !== "") line.parenthetical = parenthetical;
    lines.push(line);
  }
  return lines;
}

function readNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === "string" && v.trim() !== ""))].slice(0, SHOT_LIMITS.characters);
}

export function shotFieldsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SHOT_FIELDS);
}

/** Reads a shot's fields, repairing anything missing or invalid to its default. */
export function readShotFields(doc: Y.Doc): ShotFields {
  const map = shotFieldsMap(doc);
  const duration = map.get("duration");
  const number = map.get("number");
  const sceneId = map.get("sceneId");
  const referenceImage = map.get("referenceImage");
  return {
    number: isShotNumber(number) ? number : "1",
    size: oneOf(SHOT_SIZES, map.get("size"), DEFAULT_SHOT_FIELDS.size),
    angle: oneOf(CAMERA_ANGLES, map.get("angle"), DEFAULT_SHOT_FIELDS.angle),
    movement: oneOf(CAMERA_MOVES, map.get("movement"), DEFAULT_SHOT_FIELDS.movement),
    lens: typeof map.get("lens") === "string" ? (map.get("lens") as string).slice(0, SHOT_LIMITS.lens) : "",
    duration: parseDuration(duration) ?? DEFAULT_SHOT_FIELDS.duration,
    action: textOf(map.get("action")),
    dialogue: readDialogue(map.get("dialogue")),
    characters: readNames(map.get("characters")),
    status: oneOf(REVIEW_STATUSES, map.get("status"), DEFAULT_SHOT_FIELDS.status),
    sceneId: typeof sceneId === "string" ? sceneId : "",
    referenceImage: typeof referenceImage === "string" ? referenceImage : "",
  };
}

export type ShotFieldPatch = Partial<Omit<ShotFields, "sceneId">>;

/** The problems with a patch, by field; empty when every value is valid. */
export function shotPatchProblems(patch: ShotFieldPatch): Partial<Record<keyof ShotFields, string>> {
  const problems: Partial<Record<keyof ShotFields, string>> = {};
  if (patch.number !== undefined && !isShotNumber(patch.number)) problems.number = "A shot number is a number with optional letters, such as 12, 12A or A1.";
  if (patch.size !== undefined && !(SHOT_SIZES as readonly string[]).includes(patch.size)) problems.size = "Unknown shot size.";
  if (patch.angle !== undefined && !(CAMERA_ANGLES as readonly string[]).includes(patch.angle)) problems.angle = "Unknown camera angle.";
  if (patch.movement !== undefined && !(CAMERA_MOVES as readonly string[]).includes(patch.movement)) problems.movement = "Unknown camera movement.";
  if (patch.status !== undefined && !(REVIEW_STATUSES as readonly string[]).includes(patch.status)) problems.status = "Unknown review status.";
  if (patch.lens !== undefined && patch.lens.length > SHOT_LIMITS.lens) problems.lens = `A lens is at most ${SHOT_LIMITS.lens} characters.`;
  if (patch.action !== undefined && patch.action.length > SHOT_LIMITS.action) problems.action = `The action is at most ${SHOT_LIMITS.action} characters.`;
  if (patch.duration !== undefined) {
    const problem = durationProblem(patch.duration);
    if (problem) problems.duration = problem;
  }
  return problems;
}

/** Writes the valid values of `patch` in one transaction; invalid ones are ignored (check them first). */
export function writeShotFields(doc: Y.Doc, patch: ShotFieldPatch & { sceneId?: string }): void {
  const problems = shotPatchProblems(patch);
  const map = shotFieldsMap(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch) as [keyof ShotFields, unknown][]) {
      if (value === undefined || problems[key]) continue;
      if (key === "action") {
        const current = map.get("action");
        if (current instanceof Y.Text) setText(current, value as string);
        else map.set("action", new Y.Text(value as string));
      } else if (key === "duration") {
        map.set("duration", parseDuration(value));
      } else if (key === "dialogue") {
        map.set("dialogue", readDialogue(value));
      } else if (key === "characters") {
        map.set("characters", readNames(value));
      } else {
        map.set(key, value);
      }
    }
  });
}

/** The live Y.Text of a shot's action, for binding to a text area. */
export function shotActionText(doc: Y.Doc): Y.Text {
  const map = shotFieldsMap(doc);
  const current = map.get("action");
  if (current instanceof Y.Text) return current;
  const text = new Y.Text(typeof current === "string" ? current : "");
  map.set("action", text);
  return text;
}

/** Writes a new shot's initial fields (used by the server when it creates the document). */
export function initShotDocument(doc: Y.Doc, fields: Partial<ShotFields> & { number: string; sceneId: string }): void {
  writeShotFields(doc, { ...DEFAULT_SHOT_FIELDS, ...fields });
  doc.transact(() => {
    shotFieldsMap(doc).set("sceneId", fields.sceneId);
  });
}

export function storyboardShots(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(STORYBOARD_SHOTS);
}

/** The shot ids of a scene storyboard in order, each once. */
export function readShotOrder(doc: Y.Doc): string[] {
  return uniqueIds(storyboardShots(doc));
}

export function moveShot(doc: Y.Doc, shotId: string, toIndex: number): void {
  moveId(storyboardShots(doc), shotId, toIndex);
}

export function addShotToStoryboard(doc: Y.Doc, shotId: string, index?: number): void {
  doc.transact(() => insertId(storyboardShots(doc), shotId, index));
}

export function removeShotFromStoryboard(doc: Y.Doc, shotId: string): void {
  doc.transact(() => removeId(storyboardShots(doc), shotId));
}

/**
 * The number for a shot inserted between `before` and `after` (either may be absent), the way productions
 * number pick-ups so existing numbers never change: after the last shot the next whole number; between 3
 * and 4, "3A"; between 3A and 4, "3B"; between 3A and 3B, "3AA"; before shot 1, "A1". `taken` avoids
 * numbers already used in the scene.
 */
export function shotNumberBetween(before: string | undefined, after: string | undefined, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  const prev = parseShotNumber(before);
  const next = parseShotNumber(after);
  const fits = (candidate: string) => !used.has(candidate) && candidate !== before && candidate !== after;
  if (!prev) {
    for (let base = 1; !next || base < next.base; base++) if (fits(String(base))) return String(base);
    // Nothing free below the first shot: prefix letters, as in "A1", "B1".
    for (const letter of LETTERS) if (fits(`${letter}${next.base}`)) return `${letter}${next.base}`;
    return `A${next.base}`;
  }
  if (!next || next.base > prev.base + 1) {
    for (let base = prev.base + 1; !next || base < next.base; base++) if (fits(String(base))) return String(base);
  }
  // Same or adjacent base: a letter after the previous shot's, or one more letter when that is taken.
  const stem = `${prev.prefix}${prev.base}`;
  const bumped = incrementSuffix(prev.suffix);
  const options = [bumped, `${prev.suffix}A`].filter((suffix) => suffix.length <= 2);
  for (const suffix of options) {
    const candidate = `${stem}${suffix}`;
    if (fits(candidate) && (!next || next.base !== prev.base || compareSuffix(suffix, next.suffix) < 0)) return candidate;
  }
  // No number sorts between (3 and 3A): stay unique rather than ordered; the storyboard order is the truth.
  for (const first of ["", ...LETTERS]) {
    for (const second of LETTERS) {
      const candidate = `${stem}${first}${second}`;
      if (fits(candidate)) return candidate;
    }
  }
  return `${stem}ZZ`;
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function parseShotNumber(value: string | undefined): { prefix: string; base: number; suffix: string } | null {
  const match = value ? /^([A-Z]{0,2})(\d+)([A-Z]{0,2})$/.exec(value) : null;
  return match ? { prefix: match[1] ?? "", base: Number(match[2]), suffix: match[3] ?? "" } : null;
}

/** "" → "A", "A" → "B", "Z" → "ZA" (still sorts after "Z"). */
function incrementSuffix(suffix: string): string {
  if (suffix === "") return "A";
  const last = suffix[suffix.length - 1] ?? "A";
  const index = LETTERS.indexOf(last);
  return index < LETTERS.length - 1 ? `${suffix.slice(0, -1)}${LETTERS[index + 1]}` : `${suffix}A`;
}

function compareSuffix(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numbers 1, 2, 3 … for `count` new shots after `existing` numbers (used by "Suggest shots"). */
export function nextShotNumbers(existing: readonly string[], count: number): string[] {
  let max = 0;
  for (const n of existing) {
    const base = Number.parseInt(n, 10);
    if (Number.isInteger(base) && base > max) max = base;
  }
  return Array.from({ length: count }, (_, i) => String(max + 1 + i));
}

/** A scene's running time: the sum of its shots' durations, in seconds. */
export function runningTime(shots: readonly Pick<ShotFields, "duration">[]): number {
  return Math.round(shots.reduce((sum, s) => sum + s.duration, 0) * 10) / 10;
}

/** "1:05", "12.5 s" */
export function formatRunningTime(seconds: number): string {
  if (seconds < 60) return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return `${minutes}:${String(rest).padStart(2, "0")}`;
}
