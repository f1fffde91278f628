/**
 * REST calls for versions (issue 4, docs/api.md "Versions"): a document's saved versions, saving one,
 * restoring one, and the Yjs states behind them (a version's, and the document's current one).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import * as Y from "yjs";
import {
  canRead,
  canWrite,
  ERROR_CODES,
  parseDocumentName,
  VERSION_LABEL_MAX,
  type DocumentKind,
  type Role,
} from "@aiuteur/shared";
import { badRequest, HttpError, notFound } from "../http/errors.js";
import { readJsonObject, sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { pathId, requiredString } from "../http/validate.js";
import type { Services } from "../services.js";
import { restoreVersion } from "../versions/restore.js";
import { requireRole, requireThat, requireUser } from "./session.js";

const DOCUMENT_PATH = "/api/projects/:projectId/documents/:document";

interface DocumentAccess {
  userId: string;
  projectId: string;
  role: Role;
  documentName: string;
  kind: DocumentKind;
}

/** The caller, their role, and the existing document of this project named in the path (404 otherwise). */
async function documentAccess(services: Services, req: IncomingMessage, params: Record<string, string>): Promise<DocumentAccess> {
  const user = await requireUser(services, req);
  const projectId = pathId(params, "projectId", "project");
  const role = await requireRole(services, projectId, user.id);
  const documentName = params.document ?? "";
  const name = parseDocumentName(documentName);
  const meta = name && name.projectId === projectId ? await services.documents.meta(documentName) : undefined;
  if (!name || !meta || meta.projectId !== projectId || meta.kind !== name.kind) {
    throw notFound("No such document in this project.");
  }
  return { userId: user.id, projectId, role, documentName, kind: name.kind };
}

/** Versions are of the work and its notes; the project document (the registry) follows the database instead. */
function requireVersioned(access: DocumentAccess): void {
  if (access.kind === "project") throw badRequest("The project document has no versions.", { field: "document" });
}

function requireReader(access: DocumentAccess): void {
  requireThat(canRead(access.role, access.kind), `A ${access.role} cannot read ${access.kind} documents.`);
}

/** Saving and restoring change what the document's history holds: the role must write this kind of document. */
function requireWriter(access: DocumentAccess, action: string): void {
  requireThat(canWrite(access.role, access.kind), `A ${access.role} cannot ${action} ${access.kind} documents.`);
}

async function requireUnlocked(services: Services, documentName: string): Promise<void> {
  const lock = await services.locks.get(documentName);
  if (!lock) return;
  const state = lock.status === "invalidated" ? "locked (its approval is invalidated)" : "locked";
  throw new HttpError(
    409,
    ERROR_CODES.locked,
    `This document is ${state} by ${lock.lockedBy.displayName}: an owner or a director must unlock it before a version can be restored.`,
  );
}

function sendState(res: ServerResponse, state: Uint8Array): void {
  res.writeHead(200, {
    "Content-Type": "application/octet-stream",
    "Content-Length": state.byteLength,
    "Cache-Control": "no-store",
  });
  res.end(state);
}

export function versionRoutes(router: Router, services: Services): void {
  router.add("GET", `${DOCUMENT_PATH}/versions`, async ({ req, res, params }) => {
    const access = await documentAccess(services, req, params);
    requireVersioned(access);
    requireReader(access);
    sendJson(res, 200, await services.versions.list(access.documentName));
  });

  router.add("POST", `${DOCUMENT_PATH}/versions`, async ({ req, res, params }) => {
    const access = await documentAccess(services, req, params);
    requireVersioned(access);
    requireWriter(access, "save versions of");
    const label = requiredString(await readJsonObject(req), "label", VERSION_LABEL_MAX);
    const doc = await services.readDocument(access.documentName);
    if (!doc) throw notFound("No such document in this project.");
    const version = await services.versions.create({
      projectId: access.projectId,
      documentName: access.documentName,
      kind: "manual",
      label,
      authorId: access.userId,
      state: Y.encodeStateAsUpdate(doc),
    });
    services.log.info("version.saved", { document: access.documentName, versionId: version.id, userId: access.userId });
    sendJson(res, 201, version);
  });

  router.add("POST", `${DOCUMENT_PATH}/versions/:versionId/restore`, async ({ req, res, params }) => {
    const access = await documentAccess(services, req, params);
    requireVersioned(access);
    requireWriter(access, "restore versions of");
    const version = await services.versions.get(access.documentName, pathId(params, "versionId", "version"));
    if (!version) throw notFound("No version with that id for this document.");
    await requireUnlocked(services, access.documentName);
    const result = await restoreVersion(services, {
      projectId: access.projectId,
      documentName: access.documentName,
      version,
      userId: access.userId,
    });
    services.log.info("version.restored", { document: access.documentName, ...result, userId: access.userId });
    // A lock taken between the check and the write lets a restore land in a locked shot: render what it holds.
    services.reconciler.schedule(access.projectId);
    sendJson(res, 200, result);
  });

  router.add("GET", `${DOCUMENT_PATH}/versions/:versionId/state`, async ({ req, res, params }) => {
    const access = await documentAccess(services, req, params);
    requireVersioned(access);
    requireReader(access);
    const version = await services.versions.get(access.documentName, pathId(params, "versionId", "version"));
    if (!version) throw notFound("No version with that id for this document.");
    sendState(res, version.state);
  });

  router.add("GET", `${DOCUMENT_PATH}/state`, async ({ req, res, params }) => {
    const access = await documentAccess(services, req, params);
    requireReader(access);
    const doc = await services.readDocument(access.documentName);
    if (!doc) throw notFound("No such document in this project.");
    sendState(res, Y.encodeStateAsUpdate(doc));
  });
}
