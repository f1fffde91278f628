/** The project's story timelines (not deleted), oldest first, and the one a screen shows. */
import type { BranchInfo } from "@aiuteur/shared";
import { MAIN_BRANCH } from "@aiuteur/shared";
import { useResource, type Resource } from "../app/hooks/useResource";
import { branchesApi } from "./api";

export function useBranches(projectId: string): Resource<BranchInfo[]> {
  return useResource(`branches:${projectId}`, (signal) => branchesApi.list(projectId, signal));
}

export const MAIN_NAME = "main";

/** A branch's name for display: "main" for the main timeline, null while unknown. */
export function branchName(branches: readonly BranchInfo[] | undefined, branchId: string): string | null {
  if (branchId === MAIN_BRANCH) return MAIN_NAME;
  return branches?.find((branch) => branch.id === branchId)?.name ?? null;
}
