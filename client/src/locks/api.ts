/** The lock REST calls (docs/api.md, "Locks"): list, lock (or re-approve), unlock, and a lock's history. */
import type { LockEvent, LockInfo } from "@aiuteur/shared";
import { request } from "../app/api";

const enc = encodeURIComponent;
const locksPath = (projectId: string) => `/api/projects/${enc(projectId)}/locks`;

export const locksApi = {
  /** The current locks of one story timeline (every timeline when `branch` is undefined). */
  list: (projectId: string, branch?: string, signal?: AbortSignal) =>
    request<LockInfo[]>(`${locksPath(projectId)}${branch === undefined ? "" : `?branch=${enc(branch)}`}`, { signal }),
  /** Locks `document`; on an invalidated lock this re-approves it. */
  lock: (projectId: string, document: string) => request<LockInfo>(locksPath(projectId), { method: "POST", body: { document } }),
  unlock: (projectId: string, document: string) =>
    request<{ unlocked: string }>(`${locksPath(projectId)}/${enc(document)}`, { method: "DELETE" }),
  /** Who locked, unlocked, invalidated and re-approved `document`, newest first. */
  events: (projectId: string, document: string, signal?: AbortSignal) =>
    request<LockEvent[]>(`${locksPath(projectId)}/${enc(document)}/events`, { signal }),
};
