/** The story-branch REST calls (docs/api.md, "Story branches"). */
import type { BranchInfo } from "@aiuteur/shared";
import { request } from "../app/api";

const enc = encodeURIComponent;
const branchesPath = (projectId: string) => `/api/projects/${enc(projectId)}/branches`;

/** One document a merge would change in the parent. */
export interface BranchChange {
  /** The parent's document name. */
  document: string;
  branchDocument: string;
  kind: string;
  change: "added" | "changed";
}

export interface MergeResult {
  /** The "merge" version recorded on the first changed script (or first changed document). */
  version: string;
  /** Every parent document the merge changed, with the version recorded on it just before. */
  versions: { document: string; version: string }[];
}

export const branchesApi = {
  list: (projectId: string, signal?: AbortSignal) => request<BranchInfo[]>(branchesPath(projectId), { signal }),
  create: (projectId: string, name: string, fromVersion?: string, parent?: string) =>
    request<BranchInfo>(branchesPath(projectId), {
      method: "POST",
      body: { name, ...(fromVersion ? { fromVersion } : {}), ...(parent ? { parent } : {}) },
    }),
  changes: (projectId: string, branchId: string, signal?: AbortSignal) =>
    request<BranchChange[]>(`${branchesPath(projectId)}/${enc(branchId)}/changes`, { signal }),
  merge: (projectId: string, branchId: string) =>
    request<MergeResult>(`${branchesPath(projectId)}/${enc(branchId)}/merge`, { method: "POST" }),
  remove: (projectId: string, branchId: string) =>
    request<unknown>(`${branchesPath(projectId)}/${enc(branchId)}`, { method: "DELETE" }),
};
