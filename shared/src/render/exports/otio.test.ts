import { describe, expect, it } from "vitest";
import { buildAnimaticTimeline } from "../timeline.js";
import type { AnimaticOptions, AnimaticPlanShot } from "../context.js";
import { toOtio } from "./otio.js";

function timeline(durations: [string, string, number][], options: Partial<AnimaticOptions> = {}) {
  const shots: AnimaticPlanShot[] = durations.map(([scene, shot, duration], i) => ({
    shotId: `s${i}`, sceneId: `sc${scene}`, sceneNumber: scene, sceneHeading: `EXT. PLACE ${scene}`, shotNumber: shot, duration,
    dialogue: [], contentHash: `${i}`.padStart(16, "0"), clipKey: "", thumbnailKey: "",
  }));
  return buildAnimaticTimeline({ projectId: "p", branchId: "main", episodeId: "e", episodeTitle: "Pilot", resolution: "720p", options: { transition: "cut", titleCards: false, ...options }, shots, missing: [] });
}

interface OtioObject { OTIO_SCHEMA: string; [key: string]: any }

function videoTrack(text: string): OtioObject[] {
  const document = JSON.parse(text) as OtioObject;
  expect(document.OTIO_SCHEMA).toBe("Timeline.1");
  expect(document.tracks.OTIO_SCHEMA).toBe("Stack.1");
  const [track] = document.tracks.children as OtioObject[];
  expect(track).toMatchObject({ OTIO_SCHEMA: "Track.1", kind: "Video" });
  return track!.children as OtioObject[];
}

describe("toOtio", () => {
  it("lists every shot in order as a clip of the animatic with its frames, and a marker naming it", () => {
    const children = videoTrack(toOtio(timeline([["3", "2A", 2], ["3", "2B", 1.5], ["4", "1", 0.5]]), { name: "Pilot", mediaUrl: "animatic.mp4" }));
    expect(children.map((c) => c.OTIO_SCHEMA)).toEqual(["Clip.1", "Clip.1", "Clip.1"]);
    expect(children.map((c) => [c.name, c.source_range.start_time.value, c.source_range.duration.value, c.source_range.duration.rate])).toEqual([
      ["Sc 3 / Sh 2A", 0, 48, 24],
      ["Sc 3 / Sh 2B", 48, 36, 24],
      ["Sc 4 / Sh 1", 84, 12, 24],
    ]);
    expect(children[1]!.media_reference).toMatchObject({ OTIO_SCHEMA: "ExternalReference.1", target_url: "animatic.mp4" });
    expect(children[1]!.markers).toEqual([
      expect.objectContaining({ OTIO_SCHEMA: "Marker.2", name: "Sc 3 / Sh 2B", marked_range: expect.objectContaining({ start_time: { OTIO_SCHEMA: "RationalTime.1", rate: 24, value: 48 } }) }),
    ]);
  });

  it("puts a centred Transition.1 between dissolved clips and keeps the clips' lengths", () => {
    const children = videoTrack(toOtio(timeline([["1", "1", 2], ["1", "2", 2]], { transition: "dissolve" }), { name: "Pilot", mediaUrl: "animatic.mp4" }));
    expect(children.map((c) => c.OTIO_SCHEMA)).toEqual(["Clip.1", "Transition.1", "Clip.1"]);
    expect(children[1]).toMatchObject({ transition_type: "SMPTE_Dissolve", in_offset: { value: 6, rate: 24 }, out_offset: { value: 6, rate: 24 } });
    expect(children.filter((c) => c.OTIO_SCHEMA === "Clip.1").map((c) => c.source_range.duration.value)).toEqual([48, 48]);
  });

  it("includes title cards as clips without markers", () => {
    const children = videoTrack(toOtio(timeline([["1", "1", 1]], { titleCards: true }), { name: "Pilot", mediaUrl: "animatic.mp4" }));
    expect(children.map((c) => [c.name, c.source_range.duration.value, c.markers.length])).toEqual([
      ["Title Sc 1: EXT. PLACE 1", 48, 0],
      ["Sc 1 / Sh 1", 24, 1],
    ]);
  });
});
