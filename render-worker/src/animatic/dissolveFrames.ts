/**
 * The frames of one centred dissolve (see timeline.ts): the outgoing item's last `before` frames then its
 * last frame held, blended into the incoming item's first frame held then its first `after` frames.
 */
import type { AnimaticTimeline, TimelineDissolve } from "@aiuteur/shared";
import { blendFrames, dissolveAmount } from "./blendFrames.js";
import { collect, itemFrames, type FrameSourceContext } from "./itemFrames.js";

export async function* dissolveFrames(timeline: AnimaticTimeline, dissolve: TimelineDissolve, context: FrameSourceContext): AsyncGenerator<Uint8Array> {
  const from = timeline.items[dissolve.toIndex - 1]!;
  const to = timeline.items[dissolve.toIndex]!;
  const tail = await collect(itemFrames(from, from.frames - dissolve.before, dissolve.before, context));
  const head = await collect(itemFrames(to, 0, dissolve.after, context));
  const length = dissolve.before + dissolve.after;
  for (let i = 0; i < length; i += 1) {
    const outgoing = i < dissolve.before ? tail[i]! : tail[tail.length - 1]!;
    const incoming = i < dissolve.before ? head[0]! : head[i - dissolve.before]!;
    yield blendFrames(outgoing, incoming, dissolveAmount(i, length));
  }
}
