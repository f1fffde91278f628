/**
 * REST calls for story branches (docs/api.md, "Story branches"): list, fork, preview a merge, merge,
 * delete. Who may: every member lists and previews; those who write the story or its storyboards fork;
 * merging needs write access to every kind of document the merge changes; only owners delete.
 */
import { canWrite, isId, MAIN_BRANCH, BRANCH_NAME_MAX, type BranchInfo, type Role } from "@aiuteur/shared";
import { badRequest, notFound } from "../http/errors.js";
import { readJsonObject, sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { pathId, requiredString } from "../http/validate.js";
import type { Services } from "../services.js";
import { describeChange, pendingChanges } from "../branches/changes.js";
import { forkBranch, type ForkRequest } from "../branches/fork.js";
import { mergeBranch } from "../branches/merge.js";
import { branchOf } from "../branches/namespace.js";
import { deleteBranch } from "../branches/remove.js";
import { requireRole, requireThat, requireUser } from "./session.js";

/** Forking copies the story: anyone who writes scripts or storyboards may try an alternative. */
function canFork(role: Role): boolean {
  return canWrite(role, "script") || canWrite(role, "storyboard");
}

/** An optional id field of the body: undefined when absent, else a well-formed id (or "main" when allowed). */
function optionalId(body: Record<string, unknown>, field: string, allowMain: boolean): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if ((allowMain && value === MAIN_BRANCH) || isId(value)) return value as string;
  throw badRequest(`${field} must be ${allowMain ? `"${MAIN_BRANCH}" or ` : ""}an id.`, { field });
}

async function requireLiveParent(services: Services, projectId: string, parentId: string): Promise<void> {
  if (parentId !== MAIN_BRANCH && !(await services.branches.get(projectId, parentId))) {
    throw badRequest("There is no branch with that id to fork from (it may have been deleted).", { field: "parent" });
  }
}

/** Where a fork starts: a live parent branch, and optionally a version of one of its documents. */
async function forkSource(services: Services, projectId: string, body: Record<string, unknown>): Promise<Pick<ForkRequest, "parentId" | "fromVersion">> {
  const parent = optionalId(body, "parent", true);
  const versionId = optionalId(body, "fromVersion", false);
  if (versionId === undefined) {
    const parentId = parent ?? MAIN_BRANCH;
    await requireLiveParent(services, projectId, parentId);
    return { parentId, fromVersion: null };
  }
  const version = await services.versions.byId(projectId, versionId);
  const versionBranch = version && branchOf(version.documentName);
  if (!version || !versionBranch) {
    throw badRequest("There is no version with that id of a story document in this project.", { field: "fromVersion" });
  }
  // Without a parent, the version says which branch the fork starts from.
  const parentId = parent ?? versionBranch;
  if (parentId !== versionBranch) {
    throw badRequest(`That version belongs to branch "${versionBranch}", not "${parentId}".`, { field: "fromVersion" });
  }
  await requireLiveParent(services, projectId, parentId);
  return { parentId, fromVersion: { id: version.id, documentName: version.documentName, state: version.state } };
}

export function branchRoutes(router: Router, services: Services): void {
  const base = "/api/projects/:projectId/branches";

  /** The signed-in member, their role and the branch named in the path (never "main"). */
  async function requireBranchPath(req: Parameters<typeof requireUser>[1], params: Record<string, string>, action: string) {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const role = await requireRole(services, projectId, user.id);
    if (params.branchId === MAIN_BRANCH) throw badRequest(`The main timeline cannot be ${action}.`, { field: "branchId" });
    const branchId = pathId(params, "branchId", "branch");
    const branch: BranchInfo | undefined = await services.branches.get(projectId, branchId);
    if (!branch) throw notFound("No story branch with that id in this project (it may have been deleted).");
    return { user, projectId, role, branch };
  }

  /** A branch can only be merged into a parent that still exists. */
  async function requireMergeTarget(projectId: string, branch: BranchInfo): Promise<void> {
    if (branch.parentId !== MAIN_BRANCH && !(await services.branches.get(projectId, branch.parentId))) {
      throw notFound("The branch this one was forked from has been deleted: there is nothing to merge into.");
    }
  }

  router.add("GET", base, async ({ req, res, params }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    await requireRole(services, projectId, user.id);
    sendJson(res, 200, await services.branches.list(projectId));
  });

  router.add("POST", base, async ({ req, res, params }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const role = await requireRole(services, projectId, user.id);
    requireThat(canFork(role), `A ${role} cannot fork story branches; ask a writer, an artist, a director or an owner.`);
    const body = await readJsonObject(req);
    const name = requiredString(body, "name", BRANCH_NAME_MAX);
    const source = await forkSource(services, projectId, body);
    sendJson(res, 201, await forkBranch(services, { projectId, name, userId: user.id, ...source }));
  });

  router.add("GET", `${base}/:branchId/changes`, async ({ req, res, params }) => {
    const { projectId, branch } = await requireBranchPath(req, params, "merged");
    await requireMergeTarget(projectId, branch);
    sendJson(res, 200, (await pendingChanges(services, projectId, branch)).map(describeChange));
  });

  router.add("POST", `${base}/:branchId/merge`, async ({ req, res, params }) => {
    const { user, projectId, role, branch } = await requireBranchPath(req, params, "merged");
    await requireMergeTarget(projectId, branch);
    const merged = await mergeBranch(services, projectId, branch, { id: user.id, role });
    // Same reason as after a restore: the merge's lock check and its writes are not one step.
    services.reconciler.schedule(projectId);
    sendJson(res, 200, merged);
  });

  router.add("DELETE", `${base}/:branchId`, async ({ req, res, params }) => {
    const { projectId, role, branch } = await requireBranchPath(req, params, "deleted");
    requireThat(role === "owner", "Only an owner can delete a story branch.");
    await deleteBranch(services, projectId, branch);
    sendJson(res, 200, { deleted: branch.id });
  });
}
