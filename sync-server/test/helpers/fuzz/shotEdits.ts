/**
 * Random edits to a shot document for the convergence fuzz: its fields (last writer wins per field, through
 * the shared writeShotFields) and its storyboard sketch (add, move, erase strokes through the shared drawing
 * helpers). Marker strokes are "text" strokes holding a unique marker and are never moved or erased, so a
 * missing one is a lost edit; every other stroke is scratch the fuzz may move or delete.
 */
import * as Y from "yjs";
import {
  addStroke,
  CAMERA_ANGLES,
  LENS_SUGGESTIONS,
  readShotFields,
  readStrokes,
  removeStroke,
  REVIEW_STATUSES,
  SHOT_SIZES,
  SKETCH_ARRAY,
  writeShotFields,
  type NewStroke,
} from "@aiuteur/shared";
import type { Prng } from "./prng.js";

function sketch(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(SKETCH_ARRAY);
}

function randomPoints(prng: Prng): number[] {
  const points: number[] = [];
  for (let i = 2 + 2 * prng.int(4); i > 0; i--) points.push(Math.round(prng.next() * 1000) / 1000);
  return points;
}

/**
 * The scratch strokes this replica may move or erase: any replica's when `anyStroke` (the default), so a
 * stroke can be moved offline while another replica erases it.
 */
function scratchEntries(doc: Y.Doc, own: ReadonlySet<string>, anyStroke: boolean): Y.Map<unknown>[] {
  return sketch(doc)
    .toArray()
    .filter(
      (entry): entry is Y.Map<unknown> =>
        entry instanceof Y.Map &&
        entry.get("tool") !== "text" &&
        // A stroke another replica is still sending may not hold every key yet: only whole strokes are edited.
        Array.isArray(entry.get("points")) &&
        (anyStroke || own.has(entry.get("id") as string)),
    );
}

export function addMarkerStroke(doc: Y.Doc, prng: Prng, marker: string, author: string): void {
  addStroke(sketch(doc), { tool: "text", text: marker, points: randomPoints(prng).slice(0, 2), color: "#111111", width: 4, author });
}

/** One random field or scratch-stroke edit; returns its name for the failure log. */
export function randomShotEdit(doc: Y.Doc, prng: Prng, author: string, own: Set<string>, anyStroke: boolean): string {
  const roll = prng.next();
  if (roll < 0.3) {
    writeShotFields(doc, {
      ...(prng.next() < 0.5 ? { lens: prng.pick(LENS_SUGGESTIONS) } : {}),
      ...(prng.next() < 0.5 ? { size: prng.pick(SHOT_SIZES) } : {}),
      ...(prng.next() < 0.5 ? { angle: prng.pick(CAMERA_ANGLES) } : {}),
      ...(prng.next() < 0.5 ? { status: prng.pick(REVIEW_STATUSES) } : {}),
      duration: 1 + prng.int(100) / 10,
    });
    return "write fields";
  }
  const scratch = scratchEntries(doc, own, anyStroke);
  if (scratch.length === 0 || roll < 0.6) {
    const tool = prng.pick<NewStroke["tool"]>(["pen", "line", "rect", "eraser"]);
    own.add(addStroke(sketch(doc), { tool, text: "", points: randomPoints(prng), color: "#e53935", width: 1 + prng.int(20), author }));
    return `add ${tool} stroke`;
  }
  const entry = prng.pick(scratch);
  if (roll < 0.8) {
    // A move rewrites the stroke's points in place, as dragging a shape does.
    const dx = prng.next() / 10;
    const points = (entry.get("points") as number[]).map((v, i) => (i % 2 === 0 ? Math.round((v + dx) * 10000) / 10000 : v));
    entry.set("points", points);
    return "move stroke";
  }
  removeStroke(sketch(doc), entry.get("id") as string);
  return "erase stroke";
}

export function strokeMarkersIn(doc: Y.Doc, prefix: string): Set<string> {
  return new Set(
    readStrokes(sketch(doc))
      .map((stroke) => stroke.text)
      .filter((text) => text.startsWith(prefix)),
  );
}

/** The shot as comparable data: fields and the sketch's strokes in order. */
export function shotContent(doc: Y.Doc): unknown {
  return { fields: readShotFields(doc), strokes: readStrokes(sketch(doc)) };
}
