/**
 * Who may change render state in documents (issue 5). The render worker's service connection to a shot
 * document stays writable even when the shot is locked, but may change only the root map "render"; a
 * member's connection may change anything its role allows except that map. Render documents are read-only
 * to members already (permissions.ts).
 *
 * An update that breaks the rule is refused exactly like an update on a locked document: the connection is
 * read-only for that one message, so persistence does not store it (it checks `readOnly` in beforeSync,
 * after this extension), Hocuspocus neither applies nor broadcasts it, and the client gets SyncStatus false.
 * The flag is restored when the message is done, before the locks extension applies any access change it
 * deferred during the message. A refused update whose content the same connection gets accepted later (it
 * was only untraceable for now) is acknowledged then (lateAcknowledgements.ts).
 */
import type { Connection, Extension, afterHandleMessagePayload, beforeSyncPayload } from "@hocuspocus/server";
import { parseDocumentName, SHOT_RENDER_MAP } from "@aiuteur/shared";
import type { Services } from "../../services.js";
import { LateAcknowledgements } from "../lateAcknowledgements.js";
import { touchedRoots } from "../updateRoots.js";
import type { CollabContext } from "./authorization.js";

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Whether the update keeps to the rule for this kind of caller. */
export function allowedShotUpdate(roots: { roots: Set<string>; unknown: boolean }, service: boolean): boolean {
  if (service) return !roots.unknown && [...roots.roots].every((root) => root === SHOT_RENDER_MAP);
  // An untraceable change might reach "render": members' clients always send changes the server can trace.
  return !roots.unknown && !roots.roots.has(SHOT_RENDER_MAP);
}

export function renderWrites(services: Services): Extension {
  const log = services.log.child({ component: "render-writes" });
  /** Connections made read-only for the message being handled, with the flag to give back. */
  const refused = new WeakMap<Connection, boolean>();
  const lateAcknowledgements = new LateAcknowledgements();

  return {
    extensionName: "aiuteur-render-writes",

    async beforeSync({ type, payload, connection, documentName, document }: beforeSyncPayload) {
      if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly) return;
      if (parseDocumentName(documentName)?.kind !== "shot") return;
      const context = connection.context as CollabContext;
      const service = context.service === true;
      let roots;
      try {
        roots = touchedRoots(document, payload);
      } catch {
        roots = { roots: new Set<string>(), unknown: true };
      }
      if (allowedShotUpdate(roots, service)) return;
      log.warn("render-writes.refused", { documentName, service, userId: context.userId, roots: [...roots.roots], unknown: roots.unknown });
      refused.set(connection, connection.readOnly);
      connection.readOnly = true;
      // Often only untraceable for now (its history is in the sync step this client sends next): if that
      // content is accepted, the client is told then that this update was saved.
      lateAcknowledgements.owe(connection, payload);
    },

    async afterHandleMessage({ connection, document }: afterHandleMessagePayload) {
      const previous = refused.get(connection);
      if (previous !== undefined) {
        refused.delete(connection);
        connection.readOnly = previous;
      }
      lateAcknowledgements.settle(connection, document);
    },
  };
}
