/**
 * OpenTimelineIO JSON (.otio): Timeline.1 → Stack.1 → one video Track.1 of Clip.1 items, every clip a range
 * of the assembled animatic (source time = record time), Transition.1 for centre-on-cut dissolves and a
 * Marker.2 at the start of every shot. Opens in OTIO itself and in Resolve, Premiere (plug-in) and Nuke
 * Studio. See timeline.ts for why the dissolves' handles are frames of the same file.
 */
import { itemName, shotLabel, type AnimaticTimeline, type TimelineItem } from "../timeline.js";

export interface OtioOptions {
  name: string;
  /** Where the assembled animatic is, as the editor should resolve it (a relative name or a URL). */
  mediaUrl: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function rationalTime(value: number, rate: number): Json {
  return { OTIO_SCHEMA: "RationalTime.1", rate, value };
}

function timeRange(start: number, duration: number, rate: number): Json {
  return { OTIO_SCHEMA: "TimeRange.1", duration: rationalTime(duration, rate), start_time: rationalTime(start, rate) };
}

function clip(timeline: AnimaticTimeline, item: TimelineItem, mediaUrl: string): Json {
  const { fps } = timeline;
  const markers: Json[] =
    item.kind === "shot"
      ? [
          {
            OTIO_SCHEMA: "Marker.2",
            name: shotLabel(item),
            color: "RED",
            comment: item.sceneHeading,
            // Clip markers are in the clip's source time: the shot's first frame of the animatic.
            marked_range: timeRange(item.startFrame, 0, fps),
            metadata: { aiuteur: { shotId: item.shotId, sceneNumber: item.sceneNumber, shotNumber: item.shotNumber } },
          },
        ]
      : [];
  return {
    OTIO_SCHEMA: "Clip.1",
    name: itemName(item),
    source_range: timeRange(item.startFrame, item.frames, fps),
    media_reference: {
      OTIO_SCHEMA: "ExternalReference.1",
      name: "",
      target_url: mediaUrl,
      available_range: timeRange(0, timeline.totalFrames, fps),
      metadata: {},
    },
    effects: [],
    markers,
    enabled: true,
    metadata: item.kind === "shot" ? { aiuteur: { kind: "shot", shotId: item.shotId, contentHash: item.contentHash } } : { aiuteur: { kind: "title", sceneId: item.sceneId } },
  };
}

export function toOtio(timeline: AnimaticTimeline, options: OtioOptions): string {
  const { fps } = timeline;
  const dissolveBefore = new Map(timeline.dissolves.map((d) => [d.toIndex, d]));
  const children: Json[] = [];
  timeline.items.forEach((item, index) => {
    const dissolve = dissolveBefore.get(index);
    if (dissolve) {
      children.push({
        OTIO_SCHEMA: "Transition.1",
        name: "Cross Dissolve",
        transition_type: "SMPTE_Dissolve",
        // in_offset reaches back into the outgoing clip, out_offset forward into the incoming one.
        in_offset: rationalTime(dissolve.before, fps),
        out_offset: rationalTime(dissolve.after, fps),
        metadata: {},
      });
    }
    children.push(clip(timeline, item, options.mediaUrl));
  });
  const track: Json = { OTIO_SCHEMA: "Track.1", name: "V1", kind: "Video", source_range: null, effects: [], markers: [], enabled: true, metadata: {}, children };
  const document: Json = {
    OTIO_SCHEMA: "Timeline.1",
    name: options.name,
    global_start_time: rationalTime(0, fps),
    metadata: { aiuteur: { width: timeline.width, height: timeline.height, hash: timeline.hash } },
    tracks: { OTIO_SCHEMA: "Stack.1", name: "tracks", source_range: null, effects: [], markers: [], enabled: true, metadata: {}, children: [track] },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
