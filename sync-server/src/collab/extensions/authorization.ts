/**
 * Who may open which document, checked on every connection before anything is loaded: a valid token, a
 * well-formed document name, membership of its project, a document that exists, and the permission table.
 * A role that may only read gets a read-only connection, whose updates Hocuspocus refuses to apply; so does
 * everyone on a locked (or invalidated) document, read from its row on every connection, never cached.
 *
 * The render worker's service identity opens any existing document of any project: read-only except shot
 * and render documents, which stay writable whatever their lock (the renderWrites extension lets it change
 * only the "render" map of a shot document).
 */
import type { Extension, connectedPayload, onAuthenticatePayload } from "@hocuspocus/server";
import { accessFor, AUTH_REFUSALS, CLOSE_CODES, isLockableKind, parseDocumentName, RENDER_SERVICE_TOKEN, type DocumentKind, type Role } from "@aiuteur/shared";
import type { Services } from "../../services.js";
import { CollabRefusal } from "../refusal.js";
import type { UserConnectionLimit } from "../userConnections.js";
import { presenceSlotOf } from "../accountPresence.js";
import { ensureRenderDocument } from "../../render/renderDocument.js";

export interface CollabContext {
  userId: string;
  displayName: string;
  role: Role;
  /** The render worker's service identity, not a member: its access never follows roles nor locks. */
  service?: true;
}

/** What the service identity may do with a kind of document: write shots (their "render" map only) and renders. */
export function serviceWrites(kind: DocumentKind): boolean {
  return kind === "shot" || kind === "render";
}

export function authorization(services: Services, userConnections: UserConnectionLimit): Extension {
  return {
    extensionName: "aiuteur-authorization",
    async connected({ context }: connectedPayload) {
      const { userId, service } = context as Partial<CollabContext>;
      if (userId && !service) userConnections.settle(userId);
    },
    async onAuthenticate({ token, documentName, connectionConfig, instance, context }: onAuthenticatePayload): Promise<CollabContext> {
      const refuse = (reason: string, fields: Record<string, unknown> = {}) => {
        services.log.info("collab.refused", { reason, documentName: documentName.slice(0, 120), ...fields });
        return new CollabRefusal(reason);
      };
      const name = parseDocumentName(documentName);
      if (!name) throw refuse(AUTH_REFUSALS.badDocumentName);
      if (await services.tokens.verifyService(token)) {
        if (name.kind === "render") await ensureRenderDocument(services, name.projectId, name.branchId, name.id);
        const meta = await services.documents.meta(documentName);
        if (!meta || meta.projectId !== name.projectId || meta.kind !== name.kind) throw refuse(AUTH_REFUSALS.noSuchDocument, { service: true });
        if (!serviceWrites(name.kind)) connectionConfig.readOnly = true;
        // "viewer" only fills the field; every check looks at `service` first.
        return { userId: RENDER_SERVICE_TOKEN.subject, displayName: "Render worker", role: "viewer", service: true };
      }
      const userId = await services.tokens.verify(token);
      const user = userId ? await services.users.byId(userId) : undefined;
      if (!user) throw refuse(AUTH_REFUSALS.badToken);
      const role = await services.projects.roleOf(name.projectId, user.id);
      const access = accessFor(role, name.kind);
      if (role === null || access === "none") throw refuse(AUTH_REFUSALS.notMember, { userId: user.id });
      if (name.kind === "render") await ensureRenderDocument(services, name.projectId, name.branchId, name.id);
      const meta = await services.documents.meta(documentName);
      if (!meta || meta.projectId !== name.projectId || meta.kind !== name.kind) {
        throw refuse(AUTH_REFUSALS.noSuchDocument, { userId: user.id });
      }
      const locked = isLockableKind(name.kind) && (await services.locks.get(documentName)) !== undefined;
      if (accessFor(role, name.kind, locked ? "locked" : "unlocked") === "read") connectionConfig.readOnly = true;
      // Last, so a refused connection never holds a reservation. The render worker is not limited.
      if (!userConnections.tryReserve(instance, user.id)) {
        services.log.warn("collab.too-many-user-connections", { userId: user.id, max: userConnections.max });
        throw new CollabRefusal(CLOSE_CODES.tooManyUserConnections.reason);
      }
      const slot = presenceSlotOf(context);
      if (slot) slot.account = user.id;
      return { userId: user.id, displayName: user.displayName, role };
    },
  };
}
