/**
 * Merging a branch into its parent. Because the branch was forked from the parent's CRDT state, merging
 * is applying what the branch has and the parent lacks: Y.encodeStateAsUpdate(branch, stateVector(parent)).
 * Edits made on both sides since the fork are both kept, each exactly once.
 *
 * - Nothing is applied when a document the merge would change is locked in the parent (409 `locked`,
 *   naming them), or when the caller may not write one of the kinds it would change (403).
 * - Documents new on the branch are created in the parent with the branch's content, before the
 *   documents that refer to them (a storyboard naming a new shot) change.
 * - Each changed parent document gets a "merge" version of its content just before, then the update is
 *   applied to its live copy, so connected collaborators receive the merge at once and restoring that
 *   version reverses it.
 */
import * as Y from "yjs";
import { canWrite, ERROR_CODES, type BranchInfo, type DocumentKind, type Role } from "@aiuteur/shared";
import { HttpError, forbidden } from "../http/errors.js";
import type { Services } from "../services.js";
import { pendingChanges, type PendingChange } from "./changes.js";
import { missingUpdate } from "./missingUpdate.js";

export interface MergeResult {
  /** The version recorded on the first changed script (else the first changed document); null when nothing changed. */
  version: string | null;
  versions: { document: string; version: string }[];
}

interface Merger {
  services: Services;
  projectId: string;
  userId: string;
  label: string;
}

async function refuseLocked(services: Services, projectId: string, branch: BranchInfo, changes: PendingChange[]): Promise<void> {
  const locked = await services.branches.namespaces.locked(projectId, branch.parentId);
  const blocked = changes.filter((change) => locked.has(change.document)).map((change) => change.document);
  if (blocked.length === 0) return;
  throw new HttpError(
    409,
    ERROR_CODES.locked,
    `Unlock ${blocked.length === 1 ? "this document" : `these ${blocked.length} documents`} before merging: ${blocked.join(", ")}.`,
    Object.fromEntries(blocked.map((name) => [name, "locked"])),
  );
}

function refuseUnwritable(role: Role, changes: PendingChange[]): void {
  const kinds = new Set<DocumentKind>(changes.filter((change) => change.hasContent).map((change) => change.kind));
  const refused = [...kinds].filter((kind) => !canWrite(role, kind)).sort();
  if (refused.length > 0) {
    throw forbidden(`A ${role} cannot merge changes to ${refused.join(", ")} documents; ask an owner or a director.`);
  }
}

/** Creates a document new on the branch in the parent; false when the parent got one meanwhile. */
async function addToParent({ services, projectId }: Merger, change: PendingChange): Promise<boolean> {
  const state = Y.encodeStateAsUpdate(change.branchDoc);
  return services.db.transaction((tx) =>
    services.branches.namespaces.createIfAbsent(tx, projectId, { name: change.document, kind: change.kind }, state),
  );
}

/** Records the parent's "before" version and applies the branch's update live; null when nothing was missing. */
async function applyToParent({ services, projectId, userId, label }: Merger, change: PendingChange): Promise<string | null> {
  const live = await services.openLiveDocument(change.document);
  try {
    // Computed against the live copy: the parent may have moved on since the changes were listed.
    const update = missingUpdate(live.doc, change.branchDoc);
    if (!update) return null;
    const before = Y.encodeStateAsUpdate(live.doc);
    const version = await services.versions.create({
      projectId,
      documentName: change.document,
      kind: "merge",
      label,
      authorId: userId,
      state: before,
    });
    await live.transact((doc) => Y.applyUpdate(doc, update));
    return version.id;
  } finally {
    await live.close();
  }
}

export async function mergeBranch(
  services: Services,
  projectId: string,
  branch: BranchInfo,
  user: { id: string; role: Role },
): Promise<MergeResult> {
  const changes = await pendingChanges(services, projectId, branch);
  await refuseLocked(services, projectId, branch, changes);
  refuseUnwritable(user.role, changes);

  const merger: Merger = { services, projectId, userId: user.id, label: `Before merging "${branch.name}"` };
  const toApply: PendingChange[] = changes.filter((change) => change.change === "changed");
  for (const change of changes.filter((candidate) => candidate.change === "added")) {
    // Someone registered it in the parent meanwhile (a scene typed there too): merge into theirs instead.
    if (!(await addToParent(merger, change))) toApply.push(change);
  }
  const applied: { change: PendingChange; version: string }[] = [];
  for (const change of toApply) {
    const version = await applyToParent(merger, change);
    if (version) applied.push({ change, version });
  }
  const headline = applied.find((entry) => entry.change.kind === "script") ?? applied[0];
  services.log.info("branch.merged", { projectId, branchId: branch.id, parentId: branch.parentId, changed: applied.length, added: changes.length - toApply.length });
  return {
    version: headline?.version ?? null,
    versions: applied.map(({ change, version }) => ({ document: change.document, version })),
  };
}
