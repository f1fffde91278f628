/**
 * An episode's render document (p/<p>/b/<b>/render/<episodeId>) is made on first need: when a shot of the
 * episode is queued, an animatic asked for, or anyone opens it (the episode page shows render state before
 * the first render). Registration is idempotent, so every instance may do it.
 */
import { renderDocumentName } from "@aiuteur/shared";
import type { Services } from "../services.js";

/** Registers the render document of an episode that exists on the branch; false when it does not. */
export async function ensureRenderDocument(services: Services, projectId: string, branchId: string, episodeId: string): Promise<boolean> {
  const name = renderDocumentName(projectId, episodeId, branchId);
  if (await services.documents.meta(name)) return true;
  if (!(await services.episodes.get(projectId, episodeId, branchId))) return false;
  await services.documents.register(services.db, name, projectId, "render");
  return true;
}
