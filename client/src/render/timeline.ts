/**
 * The animatic player's timeline maths, kept apart from the component so it can be tested on its own:
 * which shot plays at a time, where the shot markers sit on the bar, and where a key press or a pointer
 * position moves the playhead.
 */
import type { AnimaticTimelineEntry } from "@aiuteur/shared";

/** J / L and the arrow keys move by this many seconds; Shift+arrow by SCRUB_BIG_STEP_SECONDS. */
export const SCRUB_STEP_SECONDS = 1;
export const SCRUB_BIG_STEP_SECONDS = 5;

/**
 * The total length: the video's duration when it is known, else the end of the last entry (the
 * timeline arrives with the document before the video's metadata has loaded).
 */
export function timelineDuration(timeline: readonly AnimaticTimelineEntry[], videoDuration: number): number {
  if (Number.isFinite(videoDuration) && videoDuration > 0) return videoDuration;
  return timeline.reduce((end, entry) => Math.max(end, entry.start + entry.duration), 0);
}

/**
 * The index of the entry playing at `time`: the last one starting at or before it (title cards and
 * dissolves put gaps and overlaps between entries; the shot that started most recently is the current one).
 * -1 before the first entry or for an empty timeline.
 */
export function shotIndexAt(timeline: readonly AnimaticTimelineEntry[], time: number): number {
  let index = -1;
  for (let i = 0; i < timeline.length; i++) {
    // A hair of tolerance: seeking to a marker lands on a frame boundary that can read a little early.
    if (timeline[i]!.start <= time + 1e-3) index = i;
    else break;
  }
  return index;
}

/** Each entry's marker as a percentage of the bar (0–100), clamped, in timeline order. */
export function markerPositions(timeline: readonly AnimaticTimelineEntry[], duration: number): number[] {
  if (duration <= 0) return timeline.map(() => 0);
  return timeline.map((entry) => clamp((entry.start / duration) * 100, 0, 100));
}

/** The time under a pointer at `clientX` on a bar spanning [left, left + width]. */
export function timeAtPointer(clientX: number, left: number, width: number, duration: number): number {
  if (width <= 0 || duration <= 0) return 0;
  return clamp(((clientX - left) / width) * duration, 0, duration);
}

/** Where a key moves the playhead, or null when the key does not scrub. */
export function scrubTarget(key: string, shiftKey: boolean, time: number, duration: number, timeline: readonly AnimaticTimelineEntry[]): number | null {
  const step = shiftKey ? SCRUB_BIG_STEP_SECONDS : SCRUB_STEP_SECONDS;
  switch (key) {
    case "ArrowLeft":
    case "j":
    case "J":
      return clamp(time - step, 0, duration);
    case "ArrowRight":
    case "l":
    case "L":
      return clamp(time + step, 0, duration);
    case "Home":
      return 0;
    case "End":
      return duration;
    case "PageDown":
      return nextShotStart(timeline, time, duration);
    case "PageUp":
      return previousShotStart(timeline, time);
    default:
      return null;
  }
}

/** The start of the shot after the current one (the end when there is none). */
export function nextShotStart(timeline: readonly AnimaticTimelineEntry[], time: number, duration: number): number {
  const next = timeline.find((entry) => entry.start > time + 1e-3);
  return next ? next.start : duration;
}

/**
 * The start of the current shot, or of the previous one when already within its first second — the way
 * "previous track" works on every player.
 */
export function previousShotStart(timeline: readonly AnimaticTimelineEntry[], time: number): number {
  const index = shotIndexAt(timeline, time);
  if (index < 0) return 0;
  const current = timeline[index]!;
  if (time - current.start > 1 || index === 0) return current.start;
  return timeline[index - 1]!.start;
}

/**
 * The subtitle line showing at `time` (seconds in the animatic), or null. The contract does not pin
 * whether an entry's subtitle times count from the animatic's start or from the shot's, so both read
 * right: lines that start before their shot does can only be shot-relative (evenly timed lines begin at 0).
 */
export function subtitleAt(timeline: readonly AnimaticTimelineEntry[], time: number): string | null {
  const entry = timeline[shotIndexAt(timeline, time)];
  if (!entry || entry.subtitles.length === 0) return null;
  const relative = entry.subtitles.some((sub) => sub.start < entry.start - 1e-3);
  const offset = relative ? entry.start : 0;
  const line = entry.subtitles.find((sub) => sub.start + offset <= time && time < sub.end + offset);
  return line ? line.text : null;
}

/** "1:05" / "1:02:05": how long a time reads on the player. */
export function formatTime(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
