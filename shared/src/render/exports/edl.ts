/**
 * CMX3600 EDL: one event per item, every one a range of the assembled animatic on one reel (source time =
 * record time, so src and rec timecodes match), "* FROM CLIP NAME:" (and "* SOURCE FILE:") for each and a "* LOC:" marker comment
 * at each shot's first frame. A centre-on-cut dissolve is the CMX pair: the outgoing source held for zero
 * frames, then "D 012" into the incoming event, which starts half the dissolve before the cut (its record
 * in) while the outgoing event ends there.
 */
import { itemName, shotLabel, type AnimaticTimeline } from "../timeline.js";
import { frameTimecode } from "./timecode.js";

export interface EdlOptions {
  title: string;
  /** Source reel name: CMX3600 allows up to 8 characters (letters, digits, underscore). */
  reel: string;
  /** The file the reel is (e.g. "animatic.mp4"): written as "* SOURCE FILE:", which Resolve and Premiere relink by. */
  sourceFile?: string;
}

export function edlReelName(reel: string): string {
  const cleaned = reel.toUpperCase().replace(/[^A-Z0-9_]/g, "").slice(0, 8);
  return cleaned || "AX";
}

function eventLine(number: number, reel: string, kind: "C" | "D", dissolveFrames: number | null, range: [number, number], fps: number): string {
  const tc = (frame: number) => frameTimecode(frame, fps);
  const transition = `${kind.padEnd(4)} ${dissolveFrames === null ? "   " : String(dissolveFrames).padStart(3, "0")}`;
  const [from, to] = range;
  return `${String(number).padStart(3, "0")}  ${reel.padEnd(8)} V     ${transition} ${tc(from)} ${tc(to)} ${tc(from)} ${tc(to)}`;
}

/** Keeps the one-line fields of an EDL free of line breaks an importer would read as a new event. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ").trim();
}

export function toEdl(timeline: AnimaticTimeline, options: EdlOptions): string {
  const { fps } = timeline;
  const reel = edlReelName(options.reel);
  const lines = [`TITLE: ${oneLine(options.title).slice(0, 70)}`, "FCM: NON-DROP FRAME", ""];
  const dissolveBefore = new Map(timeline.dissolves.map((d) => [d.toIndex, d]));
  const dissolveAfter = new Map(timeline.dissolves.map((d) => [d.toIndex - 1, d]));
  timeline.items.forEach((item, index) => {
    const number = index + 1;
    const incoming = dissolveBefore.get(index);
    const outgoing = dissolveAfter.get(index);
    const recordIn = incoming ? incoming.cutFrame - incoming.before : item.startFrame;
    const recordOut = outgoing ? outgoing.cutFrame - outgoing.before : item.startFrame + item.frames;
    if (incoming) {
      lines.push(eventLine(number, reel, "C", null, [recordIn, recordIn], fps));
      lines.push(eventLine(number, reel, "D", incoming.before + incoming.after, [recordIn, recordOut], fps));
    } else {
      lines.push(eventLine(number, reel, "C", null, [recordIn, recordOut], fps));
    }
    lines.push(`* FROM CLIP NAME: ${oneLine(itemName(item))}`);
    if (options.sourceFile) lines.push(`* SOURCE FILE: ${oneLine(options.sourceFile)}`);
    if (item.kind === "shot") lines.push(`* LOC: ${frameTimecode(item.startFrame, fps)} RED     ${oneLine(shotLabel(item))}`);
    lines.push("");
  });
  return `${lines.join("\n")}`;
}
