/**
 * Where render state lives in documents, so every client shows progress and results without polling.
 * Written only by the render worker (its service identity, through the sync path); the database row is the
 * authority, these are for display.
 *
 *   shot document:    Y.Map "render"   branchId → ShotRenderMirror (keyed by branch like the lock mirror, so a
 *                                      forked copy of the shot does not show the parent's render as its own)
 *   render document:  Y.Map "shots"    shotId → ShotRenderMirror, for every shot of the episode with a render
 *                     Y.Map "animatic" "state" → AnimaticMirror
 *
 * Values are plain JSON written whole, never nested Y types, so a writer's update touches only these maps.
 */
import type * as Y from "yjs";
import { RENDER_STATUSES, type AnimaticInfo, type RenderStatus, type ShotRenderArtifacts, type AnimaticArtifacts, type AnimaticTimelineEntry } from "./types.js";

export const SHOT_RENDER_MAP = "render";
export const RENDER_SHOTS_MAP = "shots";
export const RENDER_ANIMATIC_MAP = "animatic";
const ANIMATIC_KEY = "state";

export interface ShotRenderMirror {
  contentHash: string;
  status: RenderStatus;
  progress: number;
  error?: string;
  artifacts: ShotRenderArtifacts;
  /** Failed attempts so far (the job's retries). */
  attempts?: number;
  provider?: string;
  prompt?: string;
  updatedAt: string;
}

export type AnimaticMirror = Omit<AnimaticInfo, "status"> & { status: RenderStatus };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

function readStatus(value: unknown): RenderStatus | null {
  return typeof value === "string" && (RENDER_STATUSES as readonly string[]).includes(value) ? (value as RenderStatus) : null;
}

function readProgress(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

function readArtifacts<K extends string>(value: unknown, keys: readonly K[]): Partial<Record<K, string>> {
  const artifacts: Partial<Record<K, string>> = {};
  if (!isObject(value)) return artifacts;
  for (const key of keys) {
    const url = str(value[key]);
    if (url) artifacts[key] = url;
  }
  return artifacts;
}

/** A mirror entry as written, or null when it is missing or unreadable (shown as "no render yet"). */
export function readShotRenderValue(value: unknown): ShotRenderMirror | null {
  if (!isObject(value)) return null;
  const status = readStatus(value.status);
  const contentHash = str(value.contentHash);
  if (!status || !contentHash) return null;
  const error = str(value.error);
  const provider = str(value.provider);
  const prompt = str(value.prompt);
  const attempts = typeof value.attempts === "number" && Number.isInteger(value.attempts) && value.attempts >= 0 ? value.attempts : undefined;
  return {
    contentHash,
    status,
    progress: readProgress(value.progress),
    ...(error ? { error } : {}),
    ...(attempts !== undefined ? { attempts } : {}),
    ...(provider ? { provider } : {}),
    ...(prompt ? { prompt } : {}),
    artifacts: readArtifacts(value.artifacts, ["mp4", "webm", "poster", "thumbnail"] as const),
    updatedAt: str(value.updatedAt) ?? "",
  };
}

export function readShotRenderMirror(doc: Y.Doc, branchId: string): ShotRenderMirror | null {
  return readShotRenderValue(doc.getMap(SHOT_RENDER_MAP).get(branchId));
}

export function writeShotRenderMirror(doc: Y.Doc, branchId: string, mirror: ShotRenderMirror): void {
  doc.getMap(SHOT_RENDER_MAP).set(branchId, { ...mirror });
}

/**
 * Where a shot's review copy (annotations burned in) is mirrored: beside the clean render in the same map,
 * under a key no branch id can take ("/" is not an id character), so the render index never mistakes it for
 * the clean render.
 */
export function reviewMirrorKey(branchId: string): string {
  return `${branchId}/review`;
}

export function readShotReviewMirror(doc: Y.Doc, branchId: string): ShotRenderMirror | null {
  return readShotRenderValue(doc.getMap(SHOT_RENDER_MAP).get(reviewMirrorKey(branchId)));
}

export function writeShotReviewMirror(doc: Y.Doc, branchId: string, mirror: ShotRenderMirror): void {
  doc.getMap(SHOT_RENDER_MAP).set(reviewMirrorKey(branchId), { ...mirror });
}

export function readEpisodeShotRenders(doc: Y.Doc): Map<string, ShotRenderMirror> {
  const renders = new Map<string, ShotRenderMirror>();
  doc.getMap(RENDER_SHOTS_MAP).forEach((value, shotId) => {
    const mirror = readShotRenderValue(value);
    if (mirror) renders.set(shotId, mirror);
  });
  return renders;
}

export function writeEpisodeShotRender(doc: Y.Doc, shotId: string, mirror: ShotRenderMirror): void {
  doc.getMap(RENDER_SHOTS_MAP).set(shotId, { ...mirror });
}

function readTimeline(value: unknown): AnimaticTimelineEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: AnimaticTimelineEntry[] = [];
  for (const item of value) {
    if (!isObject(item)) continue;
    const shotId = str(item.shotId);
    const start = typeof item.start === "number" && Number.isFinite(item.start) ? item.start : null;
    const duration = typeof item.duration === "number" && Number.isFinite(item.duration) ? item.duration : null;
    if (!shotId || start === null || duration === null) continue;
    const subtitles = Array.isArray(item.subtitles)
      ? item.subtitles.flatMap((line: unknown) =>
          isObject(line) && typeof line.start === "number" && typeof line.end === "number" && typeof line.text === "string"
            ? [{ start: line.start, end: line.end, text: line.text }]
            : [],
        )
      : [];
    const thumbnail = str(item.thumbnail);
    entries.push({
      shotId,
      sceneId: str(item.sceneId) ?? "",
      sceneNumber: str(item.sceneNumber) ?? "",
      shotNumber: str(item.shotNumber) ?? "",
      start,
      duration,
      ...(thumbnail ? { thumbnail } : {}),
      subtitles,
    });
  }
  return entries;
}

export function readAnimaticMirror(doc: Y.Doc): AnimaticMirror | null {
  const value = doc.getMap(RENDER_ANIMATIC_MAP).get(ANIMATIC_KEY);
  if (!isObject(value)) return null;
  const status = readStatus(value.status);
  if (!status) return null;
  const error = str(value.error);
  return {
    status,
    progress: readProgress(value.progress),
    ...(error ? { error } : {}),
    artifacts: readArtifacts<keyof AnimaticArtifacts>(value.artifacts, ["mp4", "otio", "fcpxml", "edl"] as const),
    timeline: readTimeline(value.timeline),
    updatedAt: str(value.updatedAt) ?? null,
  };
}

export function writeAnimaticMirror(doc: Y.Doc, mirror: AnimaticMirror): void {
  doc.getMap(RENDER_ANIMATIC_MAP).set(ANIMATIC_KEY, JSON.parse(JSON.stringify(mirror)) as unknown);
}
