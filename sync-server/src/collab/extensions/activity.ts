/** Connection and document lifecycle in the server log, at debug level (info when a document loads). */
import type { Extension, connectedPayload, onDisconnectPayload, afterLoadDocumentPayload } from "@hocuspocus/server";
import type { Logger } from "../../logger.js";

export function activity(log: Logger): Extension {
  return {
    extensionName: "aiuteur-activity",
    async connected({ documentName, context, connectionConfig }: connectedPayload) {
      log.debug("collab.connected", { documentName, userId: context?.userId, readOnly: connectionConfig.readOnly });
    },
    async onDisconnect({ documentName, context }: onDisconnectPayload) {
      log.debug("collab.disconnected", { documentName, userId: context?.userId });
    },
    async afterLoadDocument({ documentName }: afterLoadDocumentPayload) {
      log.info("document.loaded", { documentName });
    },
  };
}
