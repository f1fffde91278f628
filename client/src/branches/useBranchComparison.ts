/**
 * What a timeline comparison shows for one episode: the parent's script as it is now, and either the
 * branch's script (Compare) or the parent with the branch applied (the merge preview: a fresh Y.Doc
 * holding both states, exactly what the CRDT merge will produce). An episode created on the branch has
 * no script in the parent: it compares with an empty one.
 */
import type * as Y from "yjs";
import { scriptDocumentName } from "@aiuteur/shared";
import { ApiError } from "../app/api";
import { versionsApi } from "../history/api";
import { useDocState } from "../history/useDocState";

export interface BranchComparison {
  parent: Y.Doc | null;
  after: Y.Doc | null;
  error: string | null;
}

async function stateOrNothing(projectId: string, document: string, signal: AbortSignal): Promise<Uint8Array[]> {
  try {
    return [await versionsApi.documentState(projectId, document, signal)];
  } catch (cause) {
    if (cause instanceof ApiError && cause.status === 404) return [];
    throw cause;
  }
}

export function useBranchComparison(projectId: string, episodeId: string, parentId: string, branchId: string, merged: boolean): BranchComparison {
  const parentName = scriptDocumentName(projectId, episodeId, parentId);
  const branchName = scriptDocumentName(projectId, episodeId, branchId);
  const parent = useDocState(`branch-parent:${parentName}`, (signal) => stateOrNothing(projectId, parentName, signal));
  const after = useDocState(`branch-after:${branchName}:${merged}`, async (signal) => [
    ...(merged ? await stateOrNothing(projectId, parentName, signal) : []),
    await versionsApi.documentState(projectId, branchName, signal),
  ]);
  return { parent: parent.doc, after: after.doc, error: parent.error ?? after.error };
}
