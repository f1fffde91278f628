/** Explicit limits: connections per document (message size is enforced on the socket, see websocket.ts). */
import type { Extension, onConnectPayload } from "@hocuspocus/server";
import { CLOSE_CODES } from "@aiuteur/shared";
import type { Logger } from "../../logger.js";
import { CollabRefusal } from "../refusal.js";

export function limits(log: Logger, maxConnectionsPerDocument: number): Extension {
  return {
    extensionName: "aiuteur-limits",
    async onConnect({ instance, documentName }: onConnectPayload) {
      const open = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
      if (open >= maxConnectionsPerDocument) {
        log.warn("collab.too-many-connections", { documentName, open });
        throw new CollabRefusal(CLOSE_CODES.tooManyConnections.reason);
      }
    },
  };
}
