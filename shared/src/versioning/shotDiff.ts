/**
 * Two states of a shot document compared field by field, for the director's "compare with now": only the
 * fields that differ, each as display text, plus the sketch as stroke counts (its pictures are drawn by the
 * client from the strokes). Fields are read with readShotFields, so both sides are repaired the same way.
 */
import type * as Y from "yjs";
import { readStrokes, SKETCH_ARRAY, type Stroke } from "../story/drawing.js";
import { readShotFields, SHOT_SIZE_NAMES, type DialogueLine, type ShotFields } from "../story/shots.js";

export type ShotDiffField = Exclude<keyof ShotFields, "sceneId"> | "sketch";

export interface ShotFieldChange {
  field: ShotDiffField;
  label: string;
  before: string;
  after: string;
}

type Shown = Exclude<keyof ShotFields, "sceneId">;

const dialogueLine = (line: DialogueLine) =>
  `${line.character}${line.parenthetical ? ` ${line.parenthetical}` : ""}: ${line.text}`;

/** Each compared field in form order, with its label and how its value reads. */
const FIELDS: ReadonlyArray<{ field: Shown; label: string; show(fields: ShotFields): string }> = [
  { field: "number", label: "Shot number", show: (f) => f.number },
  { field: "size", label: "Size", show: (f) => `${SHOT_SIZE_NAMES[f.size]} (${f.size})` },
  { field: "angle", label: "Angle", show: (f) => f.angle },
  { field: "movement", label: "Movement", show: (f) => f.movement },
  { field: "lens", label: "Lens", show: (f) => f.lens || "None" },
  { field: "duration", label: "Duration", show: (f) => `${f.duration} s` },
  { field: "action", label: "Action", show: (f) => f.action },
  { field: "dialogue", label: "Dialogue", show: (f) => f.dialogue.map(dialogueLine).join("\n") },
  { field: "characters", label: "Characters", show: (f) => f.characters.join(", ") },
  { field: "status", label: "Review status", show: (f) => f.status },
  { field: "referenceImage", label: "Reference image", show: (f) => (f.referenceImage ? "An image" : "None") },
];

const strokeCount = (count: number) => `${count} ${count === 1 ? "stroke" : "strokes"}`;

export interface ShotFieldText {
  field: ShotDiffField;
  label: string;
  value: string;
}

/** Every compared field of a shot as display text, in form order, the sketch last (as a stroke count). */
export function shotFieldTexts(doc: Y.Doc): ShotFieldText[] {
  const fields = readShotFields(doc);
  const rows: ShotFieldText[] = FIELDS.map(({ field, label, show }) => ({ field, label, value: show(fields) }));
  rows.push({ field: "sketch", label: "Sketch", value: strokeCount(readStrokes(doc.getArray(SKETCH_ARRAY)).length) });
  return rows;
}

/** The sketch row, or null when both sides hold the same strokes (by id, in order). */
function sketchChange(before: readonly Stroke[], after: readonly Stroke[]): ShotFieldChange | null {
  if (before.length === after.length && before.every((stroke, index) => stroke.id === after[index]?.id)) return null;
  const beforeIds = new Set(before.map((stroke) => stroke.id));
  const afterIds = new Set(after.map((stroke) => stroke.id));
  const added = after.filter((stroke) => !beforeIds.has(stroke.id)).length;
  const removed = before.filter((stroke) => !afterIds.has(stroke.id)).length;
  const detail = [added > 0 ? `${added} added` : "", removed > 0 ? `${removed} removed` : ""].filter(Boolean).join(", ");
  return { field: "sketch", label: "Sketch", before: strokeCount(before.length), after: `${strokeCount(after.length)}${detail ? ` (${detail})` : ""}` };
}

/** The fields that differ between two states of a shot (only those), then the sketch when its strokes differ. */
export function diffShotFields(before: Y.Doc, after: Y.Doc): ShotFieldChange[] {
  const was = readShotFields(before);
  const now = readShotFields(after);
  const changes: ShotFieldChange[] = [];
  for (const { field, label, show } of FIELDS) {
    const previous = show(was);
    const current = show(now);
    // Two different images both read "An image": compare the values themselves, not their text.
    const differs = field === "referenceImage" ? was.referenceImage !== now.referenceImage : previous !== current;
    if (differs) changes.push({ field, label, before: previous, after: current === previous ? "Another image" : current });
  }
  const sketch = sketchChange(readStrokes(before.getArray(SKETCH_ARRAY)), readStrokes(after.getArray(SKETCH_ARRAY)));
  if (sketch) changes.push(sketch);
  return changes;
}
