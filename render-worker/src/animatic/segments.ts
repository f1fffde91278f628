/**
 * How the animatic is cut into files the concat demuxer joins with stream copy. A shot untouched by any
 * dissolve is its clip file as it is (nothing re-encoded, which is what makes re-assembling after one shot
 * changed cheap); around each dissolve the neighbours' bodies are re-encoded trimmed, and the dissolve
 * itself is a segment of blended frames. Title cards are always drawn. Segments follow each other in
 * timeline order and their frames add up to the timeline's total.
 */
import type { AnimaticTimeline, TimelineDissolve } from "@aiuteur/shared";

export type AnimaticSegment =
  /** A whole shot clip, joined as it is. */
  | { kind: "copy"; itemIndex: number; frames: number }
  /** Frames [from, from + frames) of one item, encoded. */
  | { kind: "frames"; itemIndex: number; from: number; frames: number }
  /** A centred dissolve from items[dissolve.toIndex - 1] into items[dissolve.toIndex]. */
  | { kind: "dissolve"; dissolve: TimelineDissolve; frames: number };

export function planSegments(timeline: AnimaticTimeline): AnimaticSegment[] {
  const into = new Map(timeline.dissolves.map((d) => [d.toIndex, d]));
  const segments: AnimaticSegment[] = [];
  timeline.items.forEach((item, itemIndex) => {
    const incoming = into.get(itemIndex);
    const outgoing = into.get(itemIndex + 1);
    if (incoming) segments.push({ kind: "dissolve", dissolve: incoming, frames: incoming.before + incoming.after });
    const from = incoming?.after ?? 0;
    const frames = item.frames - from - (outgoing?.before ?? 0);
    if (frames <= 0) return;
    if (item.kind === "shot" && frames === item.frames) segments.push({ kind: "copy", itemIndex, frames });
    else segments.push({ kind: "frames", itemIndex, from, frames });
  });
  return segments;
}
