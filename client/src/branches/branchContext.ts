/**
 * Which story timeline a screen shows: the `?branch=<id>` search parameter of every episode, shot and
 * project route, absent on the main timeline. Links keep it (withBranch) so moving between views never
 * silently drops a writer back onto main.
 */
import { useSearchParams } from "react-router";
import { isId, MAIN_BRANCH } from "@aiuteur/shared";

export const BRANCH_PARAM = "branch";

/** A branch id from the URL; anything that is not "main" or an id reads as main rather than failing later. */
export function branchFromSearch(search: URLSearchParams): string {
  const value = search.get(BRANCH_PARAM);
  return value !== null && isId(value) ? value : MAIN_BRANCH;
}

/** The branch the current route shows ("main" when the URL names none). */
export function useBranchId(): string {
  const [search] = useSearchParams();
  return branchFromSearch(search);
}

/**
 * `path` with `?branch=<id>` added (before any #fragment, after any existing query); main adds nothing,
 * so main-timeline URLs look exactly as they did before branches existed.
 */
export function withBranch(path: string, branchId: string): string {
  if (branchId === MAIN_BRANCH) return path;
  const hashAt = path.indexOf("#");
  const beforeHash = hashAt === -1 ? path : path.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : path.slice(hashAt);
  const separator = beforeHash.includes("?") ? "&" : "?";
  return `${beforeHash}${separator}${BRANCH_PARAM}=${encodeURIComponent(branchId)}${hash}`;
}

/** `?branch=<id>` for a REST call ("" on main), for the episode, scene and shot endpoints. */
export function branchQuery(branchId: string | undefined): string {
  return branchId === undefined || branchId === MAIN_BRANCH ? "" : `?${BRANCH_PARAM}=${encodeURIComponent(branchId)}`;
}
