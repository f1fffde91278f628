/**
 * What the render worker asks the sync server for besides the shot document itself (which it reads through
 * the sync path): where the shot sits in the story, the project's render settings, the prompt an AI
 * provider would get, and, for an animatic, the ordered locked shots with their finished clips.
 *
 *   GET /api/projects/:projectId/shots/:shotId/render-context?branch=     → ShotRenderContextInfo (members too:
 *                                                                          the shot page shows the prompt)
 *   GET /api/projects/:projectId/episodes/:episodeId/animatic-plan?branch= → AnimaticPlan (service only)
 */
import type { ClipFormat, RenderResolution } from "./types.js";

export const RENDER_PROVIDERS = ["builtin", "openai-images", "comfyui"] as const;
export type RenderProviderId = (typeof RENDER_PROVIDERS)[number];

export interface ShotRenderContextInfo {
  projectId: string;
  branchId: string;
  shotId: string;
  episodeId: string;
  sceneId: string;
  sceneNumber: string;
  sceneHeading: string;
  resolution: RenderResolution;
  format: ClipFormat;
  provider: RenderProviderId;
  /** Whether the provider is configured on this deployment (environment variables); a render with an
   * unconfigured provider fails with that reason. */
  providerConfigured: boolean;
  /** The prompt an AI provider is sent (assembleShotPrompt); shown to the user before rendering. */
  prompt: string;
  /** URL (same origin, needs authorisation) of the panel's reference image, or null. */
  referenceImage: string | null;
  /** The content hash the locked shot has now, or null when it is not locked. */
  contentHash: string | null;
}

/**
 * GET/PATCH /api/projects/:projectId/render-settings: how the project's shots render. `providers` says which
 * providers this deployment has configured (environment variables), so the settings form can say so.
 */
export interface RenderSettingsInfo {
  renderResolution: RenderResolution;
  renderProvider: RenderProviderId;
  /** Shot clips as MP4 (H.264) or WebM (VP9, with an MP4 beside it for the animatic). */
  renderFormat: ClipFormat;
  providers: { id: RenderProviderId; configured: boolean }[];
}

export const ANIMATIC_TRANSITIONS = ["cut", "dissolve"] as const;
export type AnimaticTransition = (typeof ANIMATIC_TRANSITIONS)[number];

/** POST …/episodes/:episodeId/animatic body; every field optional. */
export interface AnimaticOptions {
  /** Between shots: a cut, or a cross-dissolve of DISSOLVE_SECONDS drawn into the frames. */
  transition: AnimaticTransition;
  /** A black card with the scene heading before each scene. */
  titleCards: boolean;
}

export const DEFAULT_ANIMATIC_OPTIONS: AnimaticOptions = { transition: "cut", titleCards: false };
export const DISSOLVE_SECONDS = 0.5;
export const TITLE_CARD_SECONDS = 2;

export interface AnimaticPlanShot {
  shotId: string;
  sceneId: string;
  sceneNumber: string;
  sceneHeading: string;
  shotNumber: string;
  /** Seconds, from the shot's fields. */
  duration: number;
  /** Dialogue lines ("CHARACTER: text"), shown as subtitles evenly across the shot. */
  dialogue: string[];
  /** The finished render of the shot's current locked content: artifact key of its MP4 clip and thumbnail. */
  contentHash: string;
  clipKey: string;
  thumbnailKey: string;
}

export interface AnimaticPlan {
  projectId: string;
  branchId: string;
  episodeId: string;
  episodeTitle: string;
  resolution: RenderResolution;
  options: AnimaticOptions;
  /** Locked shots in scene order, then storyboard order; shots without a finished render are left out and listed. */
  shots: AnimaticPlanShot[];
  missing: { shotId: string; reason: string }[];
}

/**
 * The render worker's service identity: an HS256 JWT signed with the deployment's JWT secret, with its own
 * audience so a user's session token is never taken for it nor it for a user's. The server lets it read any
 * document and write only render documents and the "render" map of shot documents.
 */
export const RENDER_SERVICE_TOKEN = {
  issuer: "aiuteur",
  audience: "aiuteur-render-service",
  subject: "service:render-worker",
  ttlSeconds: 3600,
} as const;
