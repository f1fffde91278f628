/**
 * A branch's namespace: every document named p/<projectId>/b/<branchId>/…, and the same document's name
 * on another branch (a document keeps its kind and id on every branch; only the branch segment differs).
 */
import { formatDocumentName, parseDocumentName } from "@aiuteur/shared";

export function branchPrefix(projectId: string, branchId: string): string {
  return `p/${projectId}/b/${branchId}/`;
}

/** `name` moved to `branchId`, or null when it is not a branched document name. */
export function onBranch(name: string, branchId: string): string | null {
  const parsed = parseDocumentName(name);
  if (!parsed || parsed.kind === "project") return null;
  return formatDocumentName({ ...parsed, branchId });
}

/** The branch a document name belongs to (null for the project document and malformed names). */
export function branchOf(name: string): string | null {
  const parsed = parseDocumentName(name);
  return parsed && parsed.kind !== "project" ? parsed.branchId : null;
}
