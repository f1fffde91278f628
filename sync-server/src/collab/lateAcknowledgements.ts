/**
 * Acknowledgements owed for refused updates whose content arrives later by an accepted path.
 *
 * A client that reconnects with offline edits answers the server's sync step with everything it holds, one
 * round trip after reconnecting; an edit it makes within that round trip goes out first, as a plain update
 * whose history the server does not have yet. Where such an update cannot be traced to its root types
 * (renderWrites.ts, on shot documents) it is refused, and Hocuspocus tells the client "not saved"
 * (SyncStatus false), which the provider does not count: its unsynced-changes counter stays above zero
 * for good, and the user sees "Saving…" forever, although the sync step that follows carries the same
 * content, is traced and accepted. So a refused update is remembered, and once the document holds all of
 * it (it arrived with a later, accepted message of the same connection) its acknowledgement is sent then.
 * Content that is never accepted (an update that really touches what the sender may not change) is never
 * acknowledged.
 */
import { OutgoingMessage, type Connection, type Document } from "@hocuspocus/server";
import * as Y from "yjs";

/** Refused updates remembered per connection; older ones beyond this stay unacknowledged (and are forgotten). */
const MAX_OWED = 64;

export class LateAcknowledgements {
  private readonly owed = new WeakMap<Connection, Uint8Array[]>();

  /** Remembers an update refused on `connection`, to acknowledge if its content is accepted later. */
  owe(connection: Connection, update: Uint8Array): void {
    const list = this.owed.get(connection) ?? [];
    list.push(update);
    if (list.length > MAX_OWED) list.shift();
    this.owed.set(connection, list);
  }

  /** Sends the acknowledgements now due on `connection`; returns how many were sent. */
  settle(connection: Connection, document: Document): number {
    const list = this.owed.get(connection);
    if (!list || list.length === 0) return 0;
    const snapshot = Y.snapshot(document);
    const remaining: Uint8Array[] = [];
    let sent = 0;
    for (const update of list) {
      if (Y.snapshotContainsUpdate(snapshot, update)) {
        connection.send(new OutgoingMessage(connection.messageAddress).writeSyncStatus(true).toUint8Array());
        sent += 1;
      } else remaining.push(update);
    }
    if (remaining.length > 0) this.owed.set(connection, remaining);
    else this.owed.delete(connection);
    return sent;
  }
}
