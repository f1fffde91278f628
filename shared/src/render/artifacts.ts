/**
 * Artifact keys and URLs. A shot's files are named by content hash, so equal content shares one file; an
 * animatic's by its timeline hash. The sync server serves them at artifactUrl() with the caller's
 * authorisation (a member of the project, or the render worker's service identity).
 */
import type { ClipFormat } from "./types.js";

export const SHOT_ARTIFACT_FILES = { mp4: "clip.mp4", webm: "clip.webm", poster: "poster.png", thumbnail: "thumb.jpg" } as const;
export type ShotArtifactKind = keyof typeof SHOT_ARTIFACT_FILES;

export const ANIMATIC_ARTIFACT_FILES = { mp4: "animatic.mp4", otio: "animatic.otio", fcpxml: "animatic.xml", edl: "animatic.edl" } as const;
export type AnimaticArtifactKind = keyof typeof ANIMATIC_ARTIFACT_FILES;

const KEY = /^(shots\/[0-9a-f]{16,64}\/(clip\.mp4|clip\.webm|poster\.png|thumb\.jpg)|animatics\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}\/[0-9a-f]{16,64}\/animatic\.(mp4|otio|xml|edl))$/;

export function shotArtifactKey(contentHash: string, kind: ShotArtifactKind): string {
  return `shots/${contentHash}/${SHOT_ARTIFACT_FILES[kind]}`;
}

export function clipArtifactKind(format: ClipFormat): ShotArtifactKind {
  return format;
}

export function animaticArtifactKey(branchId: string, episodeId: string, timelineHash: string, kind: AnimaticArtifactKind): string {
  return `animatics/${branchId}/${episodeId}/${timelineHash}/${ANIMATIC_ARTIFACT_FILES[kind]}`;
}

/** Whether a key names an artifact (and nothing else: no "..", no absolute path, no other folder). */
export function isArtifactKey(key: string): boolean {
  return KEY.test(key);
}

export function artifactUrl(projectId: string, key: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/artifacts/${key}`;
}

export const ARTIFACT_CONTENT_TYPES: Record<string, string> = {
  mp4: "video/mp4",
  webm: "video/webm",
  png: "image/png",
  jpg: "image/jpeg",
  otio: "application/json",
  xml: "application/xml",
  edl: "text/plain; charset=utf-8",
};
