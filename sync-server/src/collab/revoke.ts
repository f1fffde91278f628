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
  let closed = 0;
  const prefix = `p/${projectId}/`;
  for (const [name, document] of hocuspocus.documents) {
    if (!name.startsWith(prefix)) continue;
    for (const connection of document.getConnections()) {
      if ((connection.context as CollabContext | undefined)?.userId !== userId) continue;
      // Closing the socket (not just this document's channel) makes the provider reconnect and
      // authenticate again; a document-level close would leave it connected but unauthenticated.
      connection.webSocket.close(PERMISSIONS_CHANGED.code, PERMISSIONS_CHANGED.reason);
      closed += 1;
    }
  }
  return closed;
}
