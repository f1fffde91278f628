/** REST calls for locks (issue 4, docs/api.md "Locks"). */
import type { IncomingMessage } from "node:http";
import {
  canLock,
  canRead,
  ERROR_CODES,
  isId,
  isLockableKind,
  LOCKABLE_KINDS,
  MAIN_BRANCH,
  parseDocumentName,
  type Role,
} from "@aiuteur/shared";
import { badRequest, HttpError, notFound } from "../http/errors.js";
import { readJsonObject, sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { pathId } from "../http/validate.js";
import { lockDocument, unlockDocument } from "../locks/lockDocument.js";
import { shotLockGate } from "../locks/shotGate.js";
import type { Services } from "../services.js";
import type { LockTarget } from "../store/locks.js";
import { requireRole, requireThat, requireUser } from "./session.js";

const LOCK_ROLES_MESSAGE = "Only owners and directors lock and unlock work.";

/** A lockable document of this project that exists, named by `value` (a body field or a path segment). */
async function lockTarget(services: Services, projectId: string, value: unknown): Promise<LockTarget & { id: string }> {
  if (typeof value !== "string" || value === "") {
    throw badRequest("document is required: the name of the document to lock.", { field: "document" });
  }
  const name = parseDocumentName(value);
  if (!name) throw badRequest("document is not a document name (p/<projectId>/b/<branchId>/<kind>/<id>).", { field: "document" });
  if (name.projectId !== projectId) throw notFound("No such document in this project.");
  if (name.kind === "project" || name.kind === "notes" || !isLockableKind(name.kind)) {
    throw badRequest(`Only ${LOCKABLE_KINDS.join(", ")} documents lock; notes and the project stay open.`, { field: "document" });
  }
  const meta = await services.documents.meta(value);
  if (!meta || meta.projectId !== projectId || meta.kind !== name.kind) throw notFound("No such document in this project.");
  return { documentName: value, projectId, branchId: name.branchId, kind: name.kind, id: name.id };
}

async function requireMember(services: Services, req: IncomingMessage, params: Record<string, string>) {
  const user = await requireUser(services, req);
  const projectId = pathId(params, "projectId", "project");
  const role: Role = await requireRole(services, projectId, user.id);
  return { user, projectId, role };
}

export function lockRoutes(router: Router, services: Services): void {
  router.add("POST", "/api/projects/:projectId/locks", async ({ req, res, params }) => {
    const { user, projectId, role } = await requireMember(services, req, params);
    requireThat(canLock(role), LOCK_ROLES_MESSAGE);
    const target = await lockTarget(services, projectId, (await readJsonObject(req)).document);
    if (target.kind === "shot") {
      const refusal = await shotLockGate(services, { projectId, branchId: target.branchId, shotId: target.id });
      if (refusal) throw new HttpError(409, ERROR_CODES.lockRefused, refusal);
    }
    const { lock, changed } = await lockDocument(services, target, user);
    services.log.info(changed ? "lock.locked" : "lock.already-locked", { document: target.documentName, userId: user.id });
    // A newly locked shot (or script gating shots) may need a render.
    if (changed) services.reconciler.schedule(projectId);
    sendJson(res, changed ? 201 : 200, lock);
  });

  router.add("DELETE", "/api/projects/:projectId/locks/:document", async ({ req, res, params }) => {
    const { user, projectId, role } = await requireMember(services, req, params);
    requireThat(canLock(role), LOCK_ROLES_MESSAGE);
    const target = await lockTarget(services, projectId, params.document);
    if (!(await unlockDocument(services, target, user))) throw notFound("That document is not locked.");
    services.log.info("lock.unlocked", { document: target.documentName, userId: user.id });
    services.reconciler.schedule(projectId);
    sendJson(res, 200, { unlocked: target.documentName });
  });

  router.add("GET", "/api/projects/:projectId/locks", async ({ req, res, params, query }) => {
    const { projectId } = await requireMember(services, req, params);
    const branch = query.get("branch");
    if (branch !== null && branch !== MAIN_BRANCH && !isId(branch)) {
      throw badRequest(`branch must be "${MAIN_BRANCH}" or a branch id.`, { field: "branch" });
    }
    sendJson(res, 200, await services.locks.list(projectId, branch ?? undefined));
  });

  router.add("GET", "/api/projects/:projectId/locks/:document/events", async ({ req, res, params }) => {
    const { projectId, role } = await requireMember(services, req, params);
    const target = await lockTarget(services, projectId, params.document);
    requireThat(canRead(role, target.kind), "You cannot read this document.");
    sendJson(res, 200, await services.locks.events(target.documentName));
  });
}
