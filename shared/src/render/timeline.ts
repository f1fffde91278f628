/**
 * The episode animatic's timeline, computed once from the server's plan and used for everything made from
 * it: the assembled MP4 (render worker), the OTIO / FCP7 XML / EDL exports, the player's markers and the
 * hash the files are stored under. Everything is counted in whole frames at RENDER_FPS, so every output
 * agrees to the frame.
 *
 * Dissolves: each one is centred on the cut and does NOT move it. The outgoing item keeps its full length
 * and the incoming one starts on the same frame as with a cut, so the total stays the sum of the items and
 * every shot starts where the player's markers say. Our clips have no handles (no frames beyond the shot),
 * so the half of the dissolve past the cut holds the outgoing clip's last frame, and the half before the
 * cut holds the incoming clip's first frame — what an editing system does with freeze-frame handles.
 * The exports describe the same centre-on-cut dissolve over ranges of the assembled MP4: there, source time
 * equals record time, so both sides of the dissolve read the same (already blended) frames and an editor
 * that redraws the dissolve shows exactly the MP4's pictures.
 */
import { DISSOLVE_SECONDS, TITLE_CARD_SECONDS, type AnimaticPlan, type AnimaticPlanShot } from "./context.js";
import { RENDER_FPS, RENDER_RESOLUTIONS, type AnimaticTimelineEntry } from "./types.js";
import { artifactUrl } from "./artifacts.js";
import { contentName } from "./hash.js";

/** Bumped when the assembly draws differently, so every animatic hash (and file) changes. */
const ANIMATIC_VERSION = 1;

export const DISSOLVE_FRAMES = Math.round(DISSOLVE_SECONDS * RENDER_FPS);
export const TITLE_CARD_FRAMES = Math.round(TITLE_CARD_SECONDS * RENDER_FPS);

interface TimelineItemBase {
  sceneId: string;
  sceneNumber: string;
  sceneHeading: string;
  /** First frame of the item in the animatic. */
  startFrame: number;
  frames: number;
}

export interface TitleCardItem extends TimelineItemBase {
  kind: "title";
}

export interface ShotItem extends TimelineItemBase {
  kind: "shot";
  shotId: string;
  shotNumber: string;
  contentHash: string;
}

export type TimelineItem = TitleCardItem | ShotItem;

/** A cross-dissolve centred on the cut between items[toIndex - 1] and items[toIndex]. */
export interface TimelineDissolve {
  toIndex: number;
  /** The frame the incoming item starts on (the cut). */
  cutFrame: number;
  /** Frames drawn before the cut and after it (equal: the dissolve is centred); `before + after` in all. */
  before: number;
  after: number;
}

export interface AnimaticTimeline {
  fps: number;
  width: number;
  height: number;
  totalFrames: number;
  items: TimelineItem[];
  dissolves: TimelineDissolve[];
  /** The player's view: shots only, in seconds. */
  entries: AnimaticTimelineEntry[];
  /** Names the animatic's files: changes whenever any output would. */
  hash: string;
}

/** Frames a shot of `seconds` lasts: at least one, so a shot with no duration still shows. */
export function secondsToFrames(seconds: number): number {
  return Math.max(1, Math.round((Number.isFinite(seconds) ? seconds : 0) * RENDER_FPS));
}

/** "Sc 3 / Sh 2A": how markers, clip names and EDL comments name a shot. */
export function shotLabel(item: { sceneNumber: string; shotNumber: string }): string {
  return `Sc ${item.sceneNumber} / Sh ${item.shotNumber}`;
}

/** How exports name an item's clip. */
export function itemName(item: TimelineItem): string {
  return item.kind === "shot" ? shotLabel(item) : `Title Sc ${item.sceneNumber}: ${item.sceneHeading}`;
}

export function buildAnimaticTimeline(plan: AnimaticPlan): AnimaticTimeline {
  const { width, height } = RENDER_RESOLUTIONS[plan.resolution];
  const items = placeItems(plan);
  const dissolves = plan.options.transition === "dissolve" ? placeDissolves(items) : [];
  const last = items[items.length - 1];
  const totalFrames = last ? last.startFrame + last.frames : 0;
  const shotsById = new Map(plan.shots.map((shot) => [shot.shotId, shot]));
  const entries = items.flatMap((item) => (item.kind === "shot" ? [timelineEntry(plan.projectId, item, shotsById.get(item.shotId)!)] : []));
  return { fps: RENDER_FPS, width, height, totalFrames, items, dissolves, entries, hash: timelineHash(plan, items, dissolves) };
}

function placeItems(plan: AnimaticPlan): TimelineItem[] {
  const items: TimelineItem[] = [];
  let frame = 0;
  let previousScene: string | null = null;
  for (const shot of plan.shots) {
    const scene = { sceneId: shot.sceneId, sceneNumber: shot.sceneNumber, sceneHeading: shot.sceneHeading };
    if (plan.options.titleCards && shot.sceneId !== previousScene) {
      items.push({ kind: "title", ...scene, startFrame: frame, frames: TITLE_CARD_FRAMES });
      frame += TITLE_CARD_FRAMES;
    }
    previousScene = shot.sceneId;
    const frames = secondsToFrames(shot.duration);
    items.push({ kind: "shot", ...scene, shotId: shot.shotId, shotNumber: shot.shotNumber, contentHash: shot.contentHash, startFrame: frame, frames });
    frame += frames;
  }
  return items;
}

/**
 * One dissolve per cut. A dissolve takes at most half of each neighbour, so two dissolves never overlap
 * inside a short item; a neighbour of a single frame leaves a plain cut.
 */
function placeDissolves(items: readonly TimelineItem[]): TimelineDissolve[] {
  const dissolves: TimelineDissolve[] = [];
  const half = Math.floor(DISSOLVE_FRAMES / 2);
  for (let i = 1; i < items.length; i += 1) {
    const from = items[i - 1]!;
    const to = items[i]!;
    const side = Math.min(half, Math.floor(from.frames / 2), Math.floor(to.frames / 2));
    if (side > 0) dissolves.push({ toIndex: i, cutFrame: to.startFrame, before: side, after: side });
  }
  return dissolves;
}

function timelineEntry(projectId: string, item: ShotItem, shot: AnimaticPlanShot): AnimaticTimelineEntry {
  const start = item.startFrame / RENDER_FPS;
  const duration = item.frames / RENDER_FPS;
  const lines = shot.dialogue.filter((line) => line.trim() !== "");
  // Absolute animatic seconds, spread evenly: the same rule the clip renderer burns the lines in with.
  const subtitles = lines.map((text, i) => ({
    start: start + (duration * i) / lines.length,
    end: start + (duration * (i + 1)) / lines.length,
    text,
  }));
  return {
    shotId: item.shotId,
    sceneId: item.sceneId,
    sceneNumber: item.sceneNumber,
    shotNumber: item.shotNumber,
    start,
    duration,
    thumbnail: artifactUrl(projectId, shot.thumbnailKey),
    subtitles,
  };
}

/**
 * Everything that changes the MP4 or an export: each item (clip content, order, frames, the names and
 * headings written into cards and markers), the dissolves, the size and the episode title (the exports'
 * name). Asking again for an unchanged episode gives the same hash, so its files are reused.
 */
function timelineHash(plan: AnimaticPlan, items: readonly TimelineItem[], dissolves: readonly TimelineDissolve[]): string {
  const text = JSON.stringify([
    ANIMATIC_VERSION,
    RENDER_FPS,
    plan.resolution,
    plan.episodeTitle,
    items.map((item) => [item.kind, item.sceneNumber, item.sceneHeading, item.frames, item.kind === "shot" ? [item.shotId, item.shotNumber, item.contentHash] : null]),
    dissolves.map((d) => [d.toIndex, d.before, d.after]),
  ]);
  return contentName(text);
}

