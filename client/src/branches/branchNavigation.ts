/** The same screen on another story timeline: the current URL with its `?branch=` replaced. */
import { MAIN_BRANCH } from "@aiuteur/shared";
import { BRANCH_PARAM } from "./branchContext";

export interface UrlParts {
  pathname: string;
  search: string;
  hash: string;
}

export function pathOnBranch(location: UrlParts, branchId: string): string {
  const params = new URLSearchParams(location.search);
  params.delete(BRANCH_PARAM);
  if (branchId !== MAIN_BRANCH) params.set(BRANCH_PARAM, branchId);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
}
