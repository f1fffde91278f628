/**
 * Who may open which document, checked on every connection before anything is loaded: a valid token, a
 * well-formed document name, membership of its project, a document that exists, and the permission table.
 * A role that may only read gets a read-only connection, whose updates Hocuspocus refuses to apply; so does
 * everyone on a locked (or invalidated) document, read from its row on every connection, never cached.
 */
import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { accessFor, AUTH_REFUSALS, isLockableKind, parseDocumentName, type Role } from "@aiuteur/shared";
import type { Services } from "../../services.js";
import { CollabRefusal } from "../refusal.js";

export interface CollabContext {
  userId: string;
  displayName: string;
  role: Role;
}

export function authorization(services: Services): Extension {
  return {
    extensionName: "aiuteur-authorization",
    async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
      const refuse = (reason: string, fields: Record<string, unknown> = {}) => {
        services.log.info("collab.refused", { reason, documentName: documentName.slice(0, 120), ...fields });
        return new CollabRefusal(reason);
      };
      const name = parseDocumentName(documentName);
      if (!name) throw refuse(AUTH_REFUSALS.badDocumentName);
      const userId = await services.tokens.verify(token);
      const user = userId ? await services.users.byId(userId) : undefined;
      if (!user) throw refuse(AUTH_REFUSALS.badToken);
      const role = await services.projects.roleOf(name.projectId, user.id);
      const access = accessFor(role, name.kind);
      if (role === null || access === "none") throw refuse(AUTH_REFUSALS.notMember, { userId: user.id });
      const meta = await services.documents.meta(documentName);
      if (!meta || meta.projectId !== name.projectId || meta.kind !== name.kind) {
        throw refuse(AUTH_REFUSALS.noSuchDocument, { userId: user.id });
      }
      const locked = isLockableKind(name.kind) && (await services.locks.get(documentName)) !== undefined;
      if (accessFor(role, name.kind, locked ? "locked" : "unlocked") === "read") connectionConfig.readOnly = true;
      return { userId: user.id, displayName: user.displayName, role };
    },
  };
}
