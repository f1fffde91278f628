/**
 * The `?branch=<id>` of episode, scene and shot calls: which story timeline's documents the answer names.
 * Absent or "main" is the main timeline; anything else must be a branch of this project that is not
 * deleted, or the call answers 404 like any other unknown id.
 */
import { isId, MAIN_BRANCH } from "@aiuteur/shared";
import { notFound } from "../http/errors.js";
import type { Services } from "../services.js";

export const BRANCH_QUERY = "branch";

export async function requireBranch(services: Services, projectId: string, query: URLSearchParams): Promise<string> {
  const value = query.get(BRANCH_QUERY);
  if (value === null || value === MAIN_BRANCH) return MAIN_BRANCH;
  if (isId(value) && (await services.branches.get(projectId, value))) return value;
  throw notFound("No story branch with that id in this project (it may have been deleted).");
}
