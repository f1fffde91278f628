/**
 * The versions REST calls (docs/api.md, "Versions"): a document's saved versions, saving one, restoring
 * one, and the Yjs states behind them (a version's, and the document's current one) for views and diffs.
 */
import type { VersionInfo } from "@aiuteur/shared";
import { request, requestBytes } from "../app/api";

const enc = encodeURIComponent;
const documentPath = (projectId: string, document: string) => `/api/projects/${enc(projectId)}/documents/${enc(document)}`;

export interface RestoreResult {
  restored: string;
  /** The version recorded just before restoring: restoring it undoes the restore. */
  before: string;
}

export const versionsApi = {
  list: (projectId: string, document: string, signal?: AbortSignal) =>
    request<VersionInfo[]>(`${documentPath(projectId, document)}/versions`, { signal }),
  save: (projectId: string, document: string, label: string) =>
    request<VersionInfo>(`${documentPath(projectId, document)}/versions`, { method: "POST", body: { label } }),
  restore: (projectId: string, document: string, versionId: string) =>
    request<RestoreResult>(`${documentPath(projectId, document)}/versions/${enc(versionId)}/restore`, { method: "POST" }),
  /** A version's full state (Y.encodeStateAsUpdate). */
  versionState: (projectId: string, document: string, versionId: string, signal?: AbortSignal) =>
    requestBytes(`${documentPath(projectId, document)}/versions/${enc(versionId)}/state`, { signal }),
  /** The document's current state, for documents this page does not have open (a branch's parent). */
  documentState: (projectId: string, document: string, signal?: AbortSignal) =>
    requestBytes(`${documentPath(projectId, document)}/state`, { signal }),
};
