/**
 * The render contract shared by the sync server, the render worker and the client (docs/api.md "Renders").
 *
 * A shot's render is identified by its content hash: the same content renders to the same artifacts, so a
 * hash that was rendered before is reused, and a locked shot whose content changed gets a new render.
 */

export const RENDER_STATUSES = ["queued", "rendering", "done", "failed"] as const;
export type RenderStatus = (typeof RENDER_STATUSES)[number];

/** Frames per second of every clip and of the animatic. */
export const RENDER_FPS = 24;

export const RENDER_RESOLUTIONS = {
  "720p": { width: 1280, height: 720 },
  "1080p": { width: 1920, height: 1080 },
} as const;
export type RenderResolution = keyof typeof RENDER_RESOLUTIONS;
export const DEFAULT_RENDER_RESOLUTION: RenderResolution = "720p";

export const CLIP_FORMATS = ["mp4", "webm"] as const;
export type ClipFormat = (typeof CLIP_FORMATS)[number];

/** Bumped whenever the built-in renderer draws differently, so every content hash (and render) changes. */
export const RENDERER_VERSION = 1;

/**
 * Attempts a render job gets before it is left failed (the first run included); the waits between them
 * grow exponentially from RENDER_RETRY_BASE_MS.
 */
export const RENDER_ATTEMPTS = 3;
export const RENDER_RETRY_BASE_MS = 2_000;

/** Where a shot's finished files are: URLs served by the sync server with the caller's authorisation. */
export interface ShotRenderArtifacts {
  mp4?: string;
  webm?: string;
  poster?: string;
  thumbnail?: string;
}

/** GET …/shots/:shotId/renders: one entry per content hash, newest first. */
export interface ShotRenderInfo {
  contentHash: string;
  status: RenderStatus;
  /** 0–100. */
  progress: number;
  error?: string;
  artifacts: ShotRenderArtifacts;
  attempts: number;
  /** The provider that made it ("builtin", "openai-images", "comfyui") and, for AI providers, the prompt sent. */
  provider?: string;
  prompt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface AnimaticArtifacts {
  mp4?: string;
  otio?: string;
  fcpxml?: string;
  edl?: string;
}

/** GET …/episodes/:episodeId/animatic. `status` is null before the first animatic was asked for. */
export interface AnimaticInfo {
  status: RenderStatus | null;
  progress: number;
  error?: string;
  artifacts: AnimaticArtifacts;
  /** The shots the animatic holds, in order, with where each starts (seconds): the player's markers. */
  timeline: AnimaticTimelineEntry[];
  updatedAt: string | null;
}

export interface AnimaticTimelineEntry {
  shotId: string;
  sceneId: string;
  sceneNumber: string;
  shotNumber: string;
  start: number;
  duration: number;
  thumbnail?: string;
  /** Dialogue shown as subtitles during the shot, evenly timed across it. */
  subtitles: { start: number; end: number; text: string }[];
}

/** A failed shot render, for the "failed renders" list. */
export interface FailedRenderInfo {
  projectId: string;
  branchId: string;
  shotId: string;
  episodeId: string;
  sceneNumber: string;
  shotNumber: string;
  contentHash: string;
  error: string;
  attempts: number;
  updatedAt: string;
}
