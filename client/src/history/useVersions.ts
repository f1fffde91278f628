/**
 * A document's versions, newest first, loaded while the history panel is open and reloaded after each
 * save or restore (and whenever the panel is opened again, so colleagues' versions show up).
 */
import type { VersionInfo } from "@aiuteur/shared";
import { useResource, type Resource } from "../app/hooks/useResource";
import { versionsApi } from "./api";

export function useVersions(projectId: string, document: string | null, open: boolean): Resource<VersionInfo[]> {
  const key = open && document !== null ? `versions:${projectId}:${document}` : null;
  return useResource(key, (signal) => versionsApi.list(projectId, document!, signal));
}
