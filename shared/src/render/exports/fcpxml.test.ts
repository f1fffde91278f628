import { describe, expect, it } from "vitest";
import { buildAnimaticTimeline } from "../timeline.js";
import type { AnimaticOptions, AnimaticPlanShot } from "../context.js";
import { toFcp7Xml } from "./fcpxml.js";

function timeline(durations: [string, string, number][], options: Partial<AnimaticOptions> = {}) {
  const shots: AnimaticPlanShot[] = durations.map(([scene, shot, duration], i) => ({
    shotId: `s${i}`, sceneId: `sc${scene}`, sceneNumber: scene, sceneHeading: `INT. "R&D" LAB <${scene}>`, shotNumber: shot, duration,
    dialogue: [], contentHash: `${i}`.padStart(16, "0"), clipKey: "", thumbnailKey: "",
  }));
  return buildAnimaticTimeline({ projectId: "p", branchId: "main", episodeId: "e", episodeTitle: "Pilot", resolution: "720p", options: { transition: "cut", titleCards: false, ...options }, shots, missing: [] });
}

/**
 * A small, strict XML reader for the test: elements, attributes, text, entities, the prolog and a DOCTYPE.
 * Node has no DOMParser; a reader that throws on any mismatched tag proves the export is well-formed.
 */
interface XmlElement { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string }

function decode(text: string): string {
  if (/&(?!(lt|gt|amp|quot|apos);)/.test(text)) throw new Error(`unescaped & in ${JSON.stringify(text)}`);
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[name]!);
}

function parseXml(source: string): XmlElement {
  let at = 0;
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  while (at < source.length) {
    const open = source.indexOf("<", at);
    if (open < 0) break;
    const text = source.slice(at, open);
    stack[stack.length - 1]!.text += decode(text);
    if (source.startsWith("<?", open)) { at = source.indexOf("?>", open) + 2; continue; }
    if (source.startsWith("<!", open)) { at = source.indexOf(">", open) + 1; continue; }
    const close = source.indexOf(">", open);
    if (close < 0) throw new Error(`unterminated tag at ${open}`);
    const tag = source.slice(open + 1, close);
    at = close + 1;
    if (tag.startsWith("/")) {
      const element = stack.pop()!;
      if (element.name !== tag.slice(1).trim()) throw new Error(`</${tag.slice(1)}> closes <${element.name}>`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = /^[\w:.-]+/.exec(body)?.[0];
    if (!name) throw new Error(`bad tag <${tag}>`);
    const attributes: Record<string, string> = {};
    for (const match of body.slice(name.length).matchAll(/([\w:.-]+)="([^"]*)"/g)) attributes[match[1]!] = decode(match[2]!);
    const element: XmlElement = { name, attributes, children: [], text: "" };
    stack[stack.length - 1]!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  return root;
}

function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}
const all = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
const value = (element: XmlElement, name: string) => child(element, name).text.trim();
const number = (element: XmlElement, name: string) => Number(value(element, name));

function sequenceOf(xml: string) {
  const document = parseXml(xml);
  const xmeml = child(document, "xmeml");
  expect(xmeml.attributes.version).toBe("4");
  const sequence = child(xmeml, "sequence");
  const track = child(child(child(sequence, "media"), "video"), "track");
  return { sequence, track };
}

describe("toFcp7Xml", () => {
  it("writes a well-formed xmeml 4 sequence at 24 fps with one clipitem per shot, in order, frame-accurate", () => {
    const { sequence, track } = sequenceOf(toFcp7Xml(timeline([["3", "2A", 2], ["3", "2B", 1.5], ["4", "1", 0.5]]), { name: "Pilot & co", mediaUrl: "animatic.mp4" }));
    expect(value(sequence, "name")).toBe("Pilot & co");
    expect(number(sequence, "duration")).toBe(96);
    expect([number(child(sequence, "rate"), "timebase"), value(child(sequence, "rate"), "ntsc")]).toEqual([24, "FALSE"]);
    const clips = all(track, "clipitem");
    expect(clips.map((c) => [value(c, "name"), number(c, "start"), number(c, "end"), number(c, "in"), number(c, "out")])).toEqual([
      ["Sc 3 / Sh 2A", 0, 48, 0, 48],
      ["Sc 3 / Sh 2B", 48, 84, 48, 84],
      ["Sc 4 / Sh 1", 84, 96, 84, 96],
    ]);
    expect(value(child(clips[0]!, "file"), "pathurl")).toBe("animatic.mp4");
    expect(child(clips[2]!, "file").attributes.id).toBe("file-1");
    expect(all(track, "transitionitem")).toEqual([]);
  });

  it("marks each shot's first frame with its scene and shot number, escaping the heading", () => {
    const { sequence } = sequenceOf(toFcp7Xml(timeline([["3", "2A", 2], ["4", "1", 1]]), { name: "Pilot", mediaUrl: "animatic.mp4" }));
    expect(all(sequence, "marker").map((m) => [value(m, "name"), value(m, "comment"), number(m, "in"), number(m, "out")])).toEqual([
      ["Sc 3 / Sh 2A", 'INT. "R&D" LAB <3>', 0, -1],
      ["Sc 4 / Sh 1", 'INT. "R&D" LAB <4>', 48, -1],
    ]);
  });

  it("centres a Cross Dissolve transitionitem on each dissolved cut", () => {
    const { track } = sequenceOf(toFcp7Xml(timeline([["1", "1", 2], ["1", "2", 2]], { transition: "dissolve" }), { name: "Pilot", mediaUrl: "animatic.mp4" }));
    expect(track.children.map((c) => c.name).filter((n) => n !== "enabled" && n !== "locked")).toEqual(["clipitem", "transitionitem", "clipitem"]);
    const transition = child(track, "transitionitem");
    expect([number(transition, "start"), number(transition, "end"), value(transition, "alignment"), value(child(transition, "effect"), "name")]).toEqual([42, 54, "center", "Cross Dissolve"]);
  });
});
