/**
 * The pictures of one timeline item as raw RGBA frames: a shot's decoded from its clip, a title card's
 * drawn. Always exactly the count asked for: a clip a frame short (rounding in another renderer) holds
 * its last picture rather than shifting everything after it.
 */
import { RENDER_FPS, type TimelineItem } from "@aiuteur/shared";
import { decodeFrames } from "../encode/decodeFrames.js";
import { drawTitleCard } from "./titleCard.js";

export interface FrameSourceContext {
  width: number;
  height: number;
  clips: ReadonlyMap<string, string>;
  signal?: AbortSignal;
}

export function clipPathOf(item: TimelineItem, clips: ReadonlyMap<string, string>): string {
  if (item.kind !== "shot") throw new Error("a title card has no clip");
  const path = clips.get(item.shotId);
  if (!path) throw new Error(`no clip was given for shot ${item.shotId} (Sc ${item.sceneNumber} / Sh ${item.shotNumber})`);
  return path;
}

export async function* itemFrames(item: TimelineItem, from: number, count: number, context: FrameSourceContext): AsyncGenerator<Uint8Array> {
  const { width, height, signal } = context;
  if (count <= 0) return;
  if (item.kind === "title") {
    const card = drawTitleCard(width, height, item.sceneNumber, item.sceneHeading);
    for (let i = 0; i < count; i += 1) yield card;
    return;
  }
  // Half a frame early: ffmpeg drops frames before the seek point, so frame `from` is the first kept.
  const start = from > 0 ? (from - 0.5) / RENDER_FPS : undefined;
  let last: Uint8Array | null = null;
  let given = 0;
  for await (const frame of decodeFrames(clipPathOf(item, context.clips), { width, height, start, count, signal })) {
    last = frame;
    given += 1;
    yield frame;
  }
  if (!last) throw new Error(`the clip of shot ${item.shotId} has no frame at ${from}`);
  for (; given < count; given += 1) yield last;
}

/** Every frame of an async source, in order, in memory (for the few frames of a dissolve). */
export async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  for await (const frame of source) frames.push(frame);
  return frames;
}
