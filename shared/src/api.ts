/** Shapes of the REST API's answers (docs/api.md is the prose version of this file). */
import type { Role } from "./roles.js";

export interface UserInfo {
  id: string;
  email: string;
  displayName: string;
}

export interface AuthResponse {
  token: string;
  user: UserInfo;
}

export interface ProjectInfo {
  id: string;
  title: string;
  role: Role;
}

export interface MemberInfo {
  user: UserInfo;
  role: Role;
}

export interface EpisodeInfo {
  id: string;
  title: string;
  /** The episode's documents: its screenplay, its beat sheet and the notes (comments) on the script. */
  documents: { script: string; beats: string; notes: string };
}

/** One scene of an episode, derived from the live script (GET …/episodes/:episodeId/scenes). */
export interface SceneListItem {
  sceneId: string;
  number: string;
  heading: string;
  intExt: "INT" | "EXT" | "INT/EXT" | null;
  location: string;
  timeOfDay: string;
  eighths: number;
  characters: string[];
  documents: { storyboard: string; notes: string };
}

/** A shot as the REST API describes it (POST …/scenes/:sceneId/shots, GET …/shots/:shotId). */
export interface ShotInfo {
  id: string;
  sceneId: string;
  episodeId: string;
  documents: { shot: string; notes: string };
}

/** An uploaded reference image (POST /api/projects/:projectId/assets). */
export interface AssetInfo {
  id: string;
  contentType: string;
  bytes: number;
}

/** Reference images: what the server accepts. The type is checked from the file's bytes, not its name. */
export const ASSET_LIMITS = {
  maxBytes: 8 * 1024 * 1024,
  contentTypes: ["image/png", "image/jpeg", "image/webp", "image/gif"],
} as const;

/** Limits on user-supplied fields, checked by the server and mirrored by client forms. */
export const FIELD_LIMITS = {
  email: 254,
  passwordMin: 8,
  passwordMax: 256,
  displayName: 80,
  title: 200,
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: unknown): value is string {
  return typeof value === "string" && value.length <= FIELD_LIMITS.email && EMAIL.test(value);
}
