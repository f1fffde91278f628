/**
 * Typed access to the REST API (docs/api.md). Every failure becomes an ApiError carrying the server's
 * stable error code, so screens branch on `code` and show `message`, never parse text.
 */
import {
  ERROR_CODES,
  LIMITS,
  type AnimaticInfo,
  type AnimaticOptions,
  type AssetInfo,
  type AuthResponse,
  type EpisodeInfo,
  type ErrorCode,
  type FailedRenderInfo,
  type MemberInfo,
  type ProjectInfo,
  type RenderSettingsInfo,
  type Role,
  type SceneListItem,
  type ShotInfo,
  type ShotRenderContextInfo,
  type ShotRenderInfo,
  type UserInfo,
} from "@aiuteur/shared";
import { branchQuery } from "../branches/branchContext";
import { currentToken } from "./session";

/** `network_error`: the request never got an answer (offline, server down); status is 0 then. */
export type ApiErrorCode = ErrorCode | "network_error";

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;

  constructor(status: number, code: ApiErrorCode, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

/** Used when a proxy or the body parser answers without our JSON error shape. */
function fallbackError(status: number): { code: ErrorCode; message: string } {
  if (status === 400) return { code: ERROR_CODES.badRequest, message: "The request was not accepted." };
  if (status === 401) return { code: ERROR_CODES.unauthenticated, message: "Please sign in again." };
  if (status === 403) return { code: ERROR_CODES.forbidden, message: "You don't have permission to do that." };
  if (status === 404) return { code: ERROR_CODES.notFound, message: "Not found." };
  if (status === 409) return { code: ERROR_CODES.conflict, message: "That conflicts with existing data." };
  if (status === 413) {
    const mb = LIMITS.maxFountainBytes / (1024 * 1024);
    return { code: ERROR_CODES.payloadTooLarge, message: `That is too large to upload (limit ${mb} MB).` };
  }
  if (status === 415) return { code: ERROR_CODES.unsupportedMediaType, message: "That file type is not supported." };
  if (status === 503) return { code: ERROR_CODES.unavailable, message: "The server is busy. Try again shortly." };
  return { code: ERROR_CODES.internal, message: `The server failed to answer (HTTP ${status}).` };
}

/** Maps a non-2xx response to an ApiError, preferring the server's `{ error: { code, message } }`. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const fallback = fallbackError(response.status);
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (an HTML error page from a proxy, an empty 413): keep the fallback.
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" && error.code !== "" ? (error.code as ErrorCode) : fallback.code;
  const message =
    typeof error?.message === "string" && error.message.trim() !== "" ? error.message : fallback.message;
  return new ApiError(response.status, code, message);
}

let onUnauthorized: (() => void) | null = null;

/** Called when an authenticated request is refused with 401: the token expired or was revoked. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  /** Defaults to the stored session's token; pass null for the sign-in endpoints. */
  token?: string | null;
  signal?: AbortSignal;
  accept?: "json" | "text" | "binary";
  /** A file sent as the body with its own type (an image upload), instead of JSON. */
  rawBody?: Blob;
}

const ACCEPT = { json: "application/json", text: "text/plain", binary: "*/*" } as const;

async function send(path: string, options: RequestOptions): Promise<Response> {
  const token = options.token === undefined ? currentToken() : options.token;
  const headers: Record<string, string> = {
    Accept: ACCEPT[options.accept ?? "json"],
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.rawBody !== undefined) headers["Content-Type"] = options.rawBody.type || "application/octet-stream";
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", "Can't reach the server. Check your connection and try again.");
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && token) onUnauthorized?.();
    throw error;
  }
  return response;
}

/** A JSON request; resolves to the parsed body (undefined for an empty body). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const text = await response.text();
  if (text === "") return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, ERROR_CODES.internal, "The server sent an unreadable answer.");
  }
}

/** A binary request (a document's Yjs state). */
export async function requestBytes(path: string, options: RequestOptions = {}): Promise<Uint8Array> {
  const response = await send(path, { ...options, accept: "binary" });
  return new Uint8Array(await response.arrayBuffer());
}

/** A plain-text request (the Fountain export). */
export async function requestText(path: string, options: RequestOptions = {}): Promise<string> {
  const response = await send(path, { ...options, accept: "text" });
  return response.text();
}

const enc = encodeURIComponent;
const projectPath = (projectId: string) => `/api/projects/${enc(projectId)}`;

export const api = {
  signup: (body: { email: string; password: string; displayName: string }) =>
    request<AuthResponse>("/api/auth/signup", { method: "POST", body, token: null }),
  login: (body: { email: string; password: string }) =>
    request<AuthResponse>("/api/auth/login", { method: "POST", body, token: null }),
  me: (signal?: AbortSignal) => request<UserInfo>("/api/me", { signal }),

  listProjects: (signal?: AbortSignal) => request<ProjectInfo[]>("/api/projects", { signal }),
  createProject: (title: string) => request<ProjectInfo>("/api/projects", { method: "POST", body: { title } }),
  getProject: (projectId: string, signal?: AbortSignal) => request<ProjectInfo>(projectPath(projectId), { signal }),

  listMembers: (projectId: string, signal?: AbortSignal) =>
    request<MemberInfo[]>(`${projectPath(projectId)}/members`, { signal }),
  addMember: (projectId: string, email: string, role: Role) =>
    request<MemberInfo>(`${projectPath(projectId)}/members`, { method: "POST", body: { email, role } }),
  updateMember: (projectId: string, userId: string, role: Role) =>
    request<MemberInfo>(`${projectPath(projectId)}/members/${enc(userId)}`, { method: "PATCH", body: { role } }),
  removeMember: (projectId: string, userId: string) =>
    request<unknown>(`${projectPath(projectId)}/members/${enc(userId)}`, { method: "DELETE" }),

  listEpisodes: (projectId: string, signal?: AbortSignal, branch?: string) =>
    request<EpisodeInfo[]>(`${projectPath(projectId)}/episodes${branchQuery(branch)}`, { signal }),
  createEpisode: (projectId: string, title: string, fountain?: string, branch?: string) =>
    request<EpisodeInfo>(`${projectPath(projectId)}/episodes${branchQuery(branch)}`, {
      method: "POST",
      body: fountain === undefined ? { title } : { title, fountain },
    }),
  // `branch` (a story timeline; main when absent) decides which documents the answer names.
  getEpisode: (projectId: string, episodeId: string, signal?: AbortSignal, branch?: string) =>
    request<EpisodeInfo>(`${projectPath(projectId)}/episodes/${enc(episodeId)}${branchQuery(branch)}`, { signal }),
  exportFountain: (projectId: string, episodeId: string, branch?: string) =>
    requestText(`${projectPath(projectId)}/episodes/${enc(episodeId)}/script.fountain${branchQuery(branch)}`),

  listScenes: (projectId: string, episodeId: string, signal?: AbortSignal, branch?: string) =>
    request<SceneListItem[]>(`${projectPath(projectId)}/episodes/${enc(episodeId)}/scenes${branchQuery(branch)}`, { signal }),
  /** All shots of an episode, including those whose scene heading was deleted (orphans). */
  listEpisodeShots: (projectId: string, episodeId: string, signal?: AbortSignal, branch?: string) =>
    request<ShotInfo[]>(`${projectPath(projectId)}/episodes/${enc(episodeId)}/shots${branchQuery(branch)}`, { signal }),
  /** Creates one empty shot (at `index` of the storyboard, the end by default) or, with suggest, the suggested shots. */
  createShots: (projectId: string, episodeId: string, sceneId: string, options: { suggest?: boolean; index?: number } = {}, branch?: string) =>
    request<ShotInfo[]>(`${projectPath(projectId)}/episodes/${enc(episodeId)}/scenes/${enc(sceneId)}/shots${branchQuery(branch)}`, {
      method: "POST",
      body: options,
    }),
  getShot: (projectId: string, shotId: string, signal?: AbortSignal, branch?: string) =>
    request<ShotInfo>(`${projectPath(projectId)}/shots/${enc(shotId)}${branchQuery(branch)}`, { signal }),
  /** Uploads a reference image; the body is the file's bytes. */
  uploadAsset: (projectId: string, file: Blob) =>
    request<AssetInfo>(`${projectPath(projectId)}/assets`, { method: "POST", rawBody: file }),
  /** An asset's bytes (images need the Authorization header, so they are fetched, not linked). */
  fetchAsset: (projectId: string, assetId: string, signal?: AbortSignal) =>
    send(`${projectPath(projectId)}/assets/${enc(assetId)}`, { signal, accept: "binary" }).then((r) => r.blob()),

  // Renders (docs/api.md "Renders"). Live progress comes from the render documents; these are the actions
  // and the lists that are not in any document.
  /** The shot's renders, newest first. */
  listShotRenders: (projectId: string, shotId: string, signal?: AbortSignal, branch?: string) =>
    request<ShotRenderInfo[]>(`${projectPath(projectId)}/shots/${enc(shotId)}/renders${branchQuery(branch)}`, { signal }),
  /** Where the shot sits, the provider and the prompt it would be sent, and the current content hash. */
  getRenderContext: (projectId: string, shotId: string, signal?: AbortSignal, branch?: string) =>
    request<ShotRenderContextInfo>(`${projectPath(projectId)}/shots/${enc(shotId)}/render-context${branchQuery(branch)}`, { signal }),
  /** Queues the shot's current content again after a failure. */
  retryShotRender: (projectId: string, shotId: string, branch?: string) =>
    request<unknown>(`${projectPath(projectId)}/shots/${enc(shotId)}/renders/retry${branchQuery(branch)}`, { method: "POST", body: {} }),
  /** How the project's shots render, and which providers this server has configured. */
  getRenderSettings: (projectId: string, signal?: AbortSignal) => request<RenderSettingsInfo>(`${projectPath(projectId)}/render-settings`, { signal }),
  updateRenderSettings: (projectId: string, patch: Partial<Pick<RenderSettingsInfo, "renderResolution" | "renderProvider" | "renderFormat">>) =>
    request<RenderSettingsInfo>(`${projectPath(projectId)}/render-settings`, { method: "PATCH", body: patch }),
  /** Queues a review copy of a locked shot: its clip with the annotations burned in (202). */
  requestReviewCopy: (projectId: string, shotId: string, branch?: string) =>
    request<unknown>(`${projectPath(projectId)}/shots/${enc(shotId)}/renders/review-copy${branchQuery(branch)}`, { method: "POST", body: {} }),
  /** Every failed shot render of the project (the "failed renders" list). */
  listFailedRenders: (projectId: string, signal?: AbortSignal, branch?: string) =>
    request<FailedRenderInfo[]>(`${projectPath(projectId)}/renders/failed${branchQuery(branch)}`, { signal }),
  /** Queues the episode's animatic (202). */
  renderAnimatic: (projectId: string, episodeId: string, options: Partial<AnimaticOptions>, branch?: string) =>
    request<unknown>(`${projectPath(projectId)}/episodes/${enc(episodeId)}/animatic${branchQuery(branch)}`, { method: "POST", body: options }),
  getAnimatic: (projectId: string, episodeId: string, signal?: AbortSignal, branch?: string) =>
    request<AnimaticInfo>(`${projectPath(projectId)}/episodes/${enc(episodeId)}/animatic${branchQuery(branch)}`, { signal }),
};

/** A message for any thrown value, for error-message elements. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message !== "") return error.message;
  return "Something went wrong.";
}
