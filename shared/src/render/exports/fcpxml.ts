/**
 * Final Cut Pro 7 XML (xmeml version 4), the interchange Premiere Pro and DaVinci Resolve import: one
 * sequence at 24 fps (ntsc FALSE) with one video track whose clipitems are ranges of the assembled
 * animatic (in/out = start/end: source time is record time), a "Cross Dissolve" transitionitem centred on
 * every dissolved cut, and a sequence marker at the start of every shot.
 */
import { itemName, shotLabel, type AnimaticTimeline } from "../timeline.js";

export interface Fcp7XmlOptions {
  name: string;
  /** The assembled animatic as the editor should find it (a relative name or a URL). */
  mediaUrl: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** A tiny element writer: nested [name, attributes, children] values, indented two spaces a level. */
type Node = [string, Record<string, string>, (Node | string | number)[]];
function el(name: string, children: (Node | string | number)[] = [], attributes: Record<string, string> = {}): Node {
  return [name, attributes, children];
}

function write(node: Node, depth: number): string {
  const [name, attributes, children] = node;
  const pad = "  ".repeat(depth);
  const attrs = Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeXml(value)}"`).join("");
  if (children.length === 0) return `${pad}<${name}${attrs}/>`;
  if (children.every((child) => !Array.isArray(child))) return `${pad}<${name}${attrs}>${children.map((c) => escapeXml(String(c))).join("")}</${name}>`;
  const inner = children.map((child) => (Array.isArray(child) ? write(child, depth + 1) : `${"  ".repeat(depth + 1)}${escapeXml(String(child))}`));
  return `${pad}<${name}${attrs}>\n${inner.join("\n")}\n${pad}</${name}>`;
}

export function toFcp7Xml(timeline: AnimaticTimeline, options: Fcp7XmlOptions): string {
  const { fps, width, height, totalFrames } = timeline;
  const rate = () => el("rate", [el("timebase", [fps]), el("ntsc", ["FALSE"])]);
  const characteristics = () =>
    el("samplecharacteristics", [rate(), el("width", [width]), el("height", [height]), el("anamorphic", ["FALSE"]), el("pixelaspectratio", ["square"]), el("fielddominance", ["none"])]);
  const fileName = options.mediaUrl.split("/").pop() || options.mediaUrl;
  // The media is described once, in full; later clipitems point at it by id.
  const fileElement = (first: boolean) =>
    first
      ? el("file", [el("name", [fileName]), el("pathurl", [options.mediaUrl]), rate(), el("duration", [totalFrames]), el("media", [el("video", [characteristics()])])], { id: "file-1" })
      : el("file", [], { id: "file-1" });

  const dissolveBefore = new Map(timeline.dissolves.map((d) => [d.toIndex, d]));
  const trackChildren: Node[] = [];
  timeline.items.forEach((item, index) => {
    const dissolve = dissolveBefore.get(index);
    if (dissolve) {
      trackChildren.push(
        el("transitionitem", [
          rate(),
          el("start", [dissolve.cutFrame - dissolve.before]),
          el("end", [dissolve.cutFrame + dissolve.after]),
          el("alignment", ["center"]),
          el("effect", [el("name", ["Cross Dissolve"]), el("effectid", ["Cross Dissolve"]), el("effectcategory", ["Dissolve"]), el("effecttype", ["transition"]), el("mediatype", ["video"])]),
        ]),
      );
    }
    const start = item.startFrame;
    const end = item.startFrame + item.frames;
    trackChildren.push(
      el(
        "clipitem",
        [
          el("name", [itemName(item)]),
          el("enabled", ["TRUE"]),
          el("duration", [totalFrames]),
          rate(),
          el("start", [start]),
          el("end", [end]),
          el("in", [start]),
          el("out", [end]),
          fileElement(index === 0),
        ],
        { id: `clipitem-${index + 1}` },
      ),
    );
  });

  // Point markers (out -1) on the sequence, at each shot's first frame.
  const markers = timeline.items.flatMap((item) =>
    item.kind === "shot" ? [el("marker", [el("name", [shotLabel(item)]), el("comment", [item.sceneHeading]), el("in", [item.startFrame]), el("out", [-1])])] : [],
  );

  const sequence = el(
    "sequence",
    [
      el("name", [options.name]),
      el("duration", [totalFrames]),
      rate(),
      el("timecode", [rate(), el("string", ["00:00:00:00"]), el("frame", [0]), el("displayformat", ["NDF"])]),
      ...markers,
      el("media", [el("video", [el("format", [characteristics()]), el("track", [...trackChildren, el("enabled", ["TRUE"]), el("locked", ["FALSE"])])])]),
    ],
    { id: "sequence-1" },
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xmeml>\n${write(el("xmeml", [sequence], { version: "4" }), 0)}\n`;
}
