import { describe, expect, it } from "vitest";
import { buildAnimaticTimeline } from "../timeline.js";
import type { AnimaticOptions, AnimaticPlanShot } from "../context.js";
import { toEdl } from "./edl.js";
import { frameTimecode } from "./timecode.js";

function timeline(durations: [string, string, number][], options: Partial<AnimaticOptions> = {}) {
  const shots: AnimaticPlanShot[] = durations.map(([scene, shot, duration], i) => ({
    shotId: `s${i}`, sceneId: `sc${scene}`, sceneNumber: scene, sceneHeading: `EXT. PLACE ${scene}`, shotNumber: shot, duration,
    dialogue: [], contentHash: `${i}`.padStart(16, "0"), clipKey: "", thumbnailKey: "",
  }));
  return buildAnimaticTimeline({ projectId: "p", branchId: "main", episodeId: "e", episodeTitle: "Pilot", resolution: "720p", options: { transition: "cut", titleCards: false, ...options }, shots, missing: [] });
}

const EVENT = /^(\d{3})  (\S+)\s+V\s+(C|D)\s+(\d{3})?\s*(\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d)$/;

function frames(tc: string): number {
  const [h, m, s, f] = tc.split(":").map(Number) as [number, number, number, number];
  return ((h * 60 + m) * 60 + s) * 24 + f;
}

function parseEdl(text: string) {
  const events: { number: number; kind: string; dissolve: number | null; recIn: number; recOut: number; srcIn: number; srcOut: number; name?: string; loc?: string }[] = [];
  for (const line of text.split("\n")) {
    const event = EVENT.exec(line);
    if (event) {
      events.push({ number: Number(event[1]), kind: event[3]!, dissolve: event[4] ? Number(event[4]) : null, srcIn: frames(event[5]!), srcOut: frames(event[6]!), recIn: frames(event[7]!), recOut: frames(event[8]!) });
    } else if (line.startsWith("* FROM CLIP NAME: ")) {
      events[events.length - 1]!.name = line.slice("* FROM CLIP NAME: ".length);
    } else if (line.startsWith("* LOC: ")) {
      events[events.length - 1]!.loc = line;
    }
  }
  return events;
}

describe("toEdl", () => {
  it("writes a CMX3600 header and one cut event per shot with frame-accurate timecodes and markers", () => {
    const text = toEdl(timeline([["3", "2A", 2], ["3", "2B", 1.5], ["4", "1", 61]]), { title: "Pilot", reel: "animatic", sourceFile: "animatic.mp4" });
    expect(text.split("\n").slice(0, 2)).toEqual(["TITLE: Pilot", "FCM: NON-DROP FRAME"]);
    const events = parseEdl(text);
    expect(events.map((e) => [e.number, e.kind, e.recOut - e.recIn, e.name])).toEqual([
      [1, "C", 48, "Sc 3 / Sh 2A"],
      [2, "C", 36, "Sc 3 / Sh 2B"],
      [3, "C", 1464, "Sc 4 / Sh 1"],
    ]);
    expect(events.every((e) => e.srcIn === e.recIn && e.srcOut === e.recOut)).toBe(true);
    expect(events[2]).toMatchObject({ recIn: 84, loc: "* LOC: 00:00:03:12 RED     Sc 4 / Sh 1" });
    expect(text).toContain("001  ANIMATIC V     C        00:00:00:00 00:00:02:00 00:00:00:00 00:00:02:00\n* FROM CLIP NAME: Sc 3 / Sh 2A\n* SOURCE FILE: animatic.mp4\n");
  });

  it("writes a centre-on-cut dissolve as a zero-length from-event and a D 012 event half a dissolve early", () => {
    const events = parseEdl(toEdl(timeline([["1", "1", 2], ["1", "2", 2]], { transition: "dissolve" }), { title: "Pilot", reel: "AX" }));
    expect(events.map((e) => [e.number, e.kind, e.dissolve, e.recIn, e.recOut])).toEqual([
      [1, "C", null, 0, 42],
      [2, "C", null, 42, 42],
      [2, "D", 12, 42, 96],
    ]);
  });

  it("counts timecodes in 24 frames a second, non-drop", () => {
    expect(frameTimecode(0, 24)).toBe("00:00:00:00");
    expect(frameTimecode(23, 24)).toBe("00:00:00:23");
    expect(frameTimecode(24 * 3661 + 5, 24)).toBe("01:01:01:05");
  });
});
