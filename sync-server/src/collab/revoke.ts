/**
 * When a member's role changes or they are removed, their open connections to that project's documents
 * still carry the old permissions. Closing them makes the provider reconnect and authenticate afresh, so the
 * new role applies at once (a demoted writer becomes read-only, a removed member is refused).
 */
import type { Hocuspocus } from "@hocuspocus/server";
import type { CollabContext } from "./extensions/authorization.js";

import { CLOSE_CODES } from "@aiuteur/shared";

const PERMISSIONS_CHANGED = CLOSE_CODES.permissionsChanged;

export function disconnectMember(hocuspocus: Hocuspocus, projectId: string, userId: string): number {
  return closeSockets(hocuspocus, `p/${projectId}/`, (context) => context?.userId === userId);
}

/**
 * Closes every connection to documents under `prefix` (a deleted branch): the providers reconnect and are
 * refused, as the documents no longer exist.
 */
export function disconnectDocuments(hocuspocus: Hocuspocus, prefix: string): number {
  return closeSockets(hocuspocus, prefix, () => true);
}

function closeSockets(hocuspocus: Hocuspocus, prefix: string, select: (context: CollabContext | undefined) => boolean): number {
  let closed = 0;
  for (const [name, document] of hocuspocus.documents) {
    if (!name.startsWith(prefix)) continue;
    for (const connection of document.getConnections()) {
      if (!select(connection.context as CollabContext | undefined)) continue;
      // Closing the socket (not just this document's channel) makes the provider reconnect and
      // authenticate again; a document-level close would leave it connected but unauthenticated.
      connection.webSocket.close(PERMISSIONS_CHANGED.code, PERMISSIONS_CHANGED.reason);
      closed += 1;
    }
  }
  return closed;
}
