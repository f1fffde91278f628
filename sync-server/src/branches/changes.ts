/**
 * What merging a branch would do to its parent: for every document of the branch, whether the parent
 * lacks it ("added") or lacks some of its content ("changed"). The merge preview lists these; the merge
 * applies them.
 */
import type * as Y from "yjs";
import type { BranchInfo, DocumentKind } from "@aiuteur/shared";
import type { Services } from "../services.js";
import { isEmptyDocument, missingUpdate } from "./missingUpdate.js";
import { onBranch } from "./namespace.js";

/** One entry of GET /branches/:branchId/changes. */
export interface BranchChange {
  /** The parent's document (what the merge changes or creates). */
  document: string;
  branchDocument: string;
  kind: DocumentKind;
  change: "added" | "changed";
}

export interface PendingChange extends BranchChange {
  /** The branch's copy, read when the change was found. */
  branchDoc: Y.Doc;
  /** False for a document added on the branch that nobody has written yet (a freshly registered storyboard). */
  hasContent: boolean;
}

export async function pendingChanges(services: Services, projectId: string, branch: BranchInfo): Promise<PendingChange[]> {
  const documents = await services.branches.namespaces.documents(projectId, branch.id);
  const changes: PendingChange[] = [];
  for (const { name: branchDocument, kind } of documents) {
    const document = onBranch(branchDocument, branch.parentId);
    const branchDoc = await services.readDocument(branchDocument);
    if (!document || !branchDoc) continue;
    const parentDoc = await services.readDocument(document);
    if (!parentDoc) {
      changes.push({ document, branchDocument, kind, change: "added", branchDoc, hasContent: !isEmptyDocument(branchDoc) });
    } else if (missingUpdate(parentDoc, branchDoc)) {
      changes.push({ document, branchDocument, kind, change: "changed", branchDoc, hasContent: true });
    }
  }
  return changes;
}

/** The public shape of a change (without the documents it was computed from). */
export function describeChange({ document, branchDocument, kind, change }: PendingChange): BranchChange {
  return { document, branchDocument, kind, change };
}
