/**
 * Deleting a branch: the row is kept (marked deleted), its documents, update logs, locks and scene
 * baselines are removed, and its documents' versions are kept for 30 days (store/namespaces.ts). Open
 * connections to its documents are closed afterwards: the providers reconnect and are refused
 * (no-such-document), since authorization finds no documents row any more.
 */
import { ERROR_CODES, type BranchInfo } from "@aiuteur/shared";
import { HttpError } from "../http/errors.js";
import type { Services } from "../services.js";
import { branchPrefix } from "./namespace.js";

export async function deleteBranch(services: Services, projectId: string, branch: BranchInfo): Promise<void> {
  const children = await services.branches.children(projectId, branch.id);
  if (children.length > 0) {
    const names = children.map((child) => `"${child.name}"`).join(", ");
    throw new HttpError(409, ERROR_CODES.conflict, `Branches were forked from this one (${names}): merge or delete them first.`);
  }
  await services.db.transaction(async (tx) => {
    await services.branches.markDeleted(tx, projectId, branch.id);
    await services.branches.namespaces.drop(tx, projectId, branch.id);
  });
  const closed = services.closeDocuments(branchPrefix(projectId, branch.id));
  services.log.info("branch.deleted", { projectId, branchId: branch.id, closedConnections: closed });
}
