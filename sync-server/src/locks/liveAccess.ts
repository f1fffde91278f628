/**
 * Turns the open connections of a document read-only or writable, on this instance, when its lock changes.
 *
 * Hocuspocus 4 decides per message whether a connection may change the document: persistence checks
 * `connection.readOnly` before it appends an update to the log (beforeSync, awaited), and the message
 * receiver checks it again before it applies and broadcasts the update. Flipping the flag between those two
 * checks would leave an update stored but never applied, so it would surface at the next compaction,
 * inside a locked document. So a connection that is in the middle of a message gets its new access when
 * that message is done (the locks extension reports message start and end).
 *
 * Refreshes of one document run one after another and read the lock row when their turn comes, so the
 * last one to run applies the latest state whatever order requests and relayed mirror changes arrive in.
 */
import type { Connection, Hocuspocus } from "@hocuspocus/server";
import { accessFor, parseDocumentName, type LockState } from "@aiuteur/shared";
import { serviceWrites, type CollabContext } from "../collab/extensions/authorization.js";

export type LockStateReader = (documentName: string) => Promise<LockState>;

export class LiveLockAccess {
  private instance: Hocuspocus | null = null;
  private readonly busy = new WeakSet<Connection>();
  /** Read-only (true) or writable (false), for connections that were busy when their access changed. */
  private readonly deferred = new WeakMap<Connection, boolean>();
  /** Documents a request on this instance is locking: read-only before their row is even committed. */
  private readonly locking = new Map<string, number>();
  private readonly queues = new Map<string, Promise<void>>();
  private readLockState: LockStateReader = async () => "unlocked";

  /** Called once the collaboration server is configured (the locks extension's onConfigure). */
  attach(instance: Hocuspocus, readLockState: LockStateReader): void {
    this.instance = instance;
    this.readLockState = readLockState;
  }

  messageStarted(connection: Connection): void {
    // A missed end (a hook that threw) must not keep an access change waiting forever.
    this.flushDeferred(connection);
    this.busy.add(connection);
  }

  messageEnded(connection: Connection): void {
    this.busy.delete(connection);
    this.flushDeferred(connection);
  }

  /** Makes every open connection of the document read-only now, and waits for messages already in flight. */
  async beginLock(documentName: string): Promise<void> {
    this.locking.set(documentName, (this.locking.get(documentName) ?? 0) + 1);
    const connections = this.apply(documentName, "locked");
    await Promise.all(connections.map((connection) => connection.waitForPendingMessages()));
    // Whatever was in flight has been applied; a connection still busy gets its access when it is done.
    for (const connection of connections) if (!this.busy.has(connection)) this.flushDeferred(connection);
  }

  /** The lock request is over (committed or not): give connections what the lock row now says. */
  async endLock(documentName: string): Promise<void> {
    const count = (this.locking.get(documentName) ?? 1) - 1;
    if (count > 0) this.locking.set(documentName, count);
    else this.locking.delete(documentName);
    await this.refresh(documentName);
  }

  /** Re-reads the document's lock and gives each of its open connections what its role allows. */
  refresh(documentName: string): Promise<void> {
    if (!this.instance?.documents.has(documentName)) return Promise.resolve();
    const previous = this.queues.get(documentName) ?? Promise.resolve();
    const run = previous.then(async () => {
      const state = await this.readLockState(documentName);
      // A lock begun while the row was being read wins over what was read.
      this.apply(documentName, this.locking.has(documentName) ? "locked" : state);
    });
    const settled = run.catch(() => undefined);
    this.queues.set(documentName, settled);
    void settled.then(() => {
      if (this.queues.get(documentName) === settled) this.queues.delete(documentName);
    });
    return run;
  }

  private apply(documentName: string, state: LockState): Connection[] {
    const document = this.instance?.documents.get(documentName);
    const name = parseDocumentName(documentName);
    if (!document || !name) return [];
    const connections = document.getConnections();
    for (const connection of connections) {
      const { role, service } = connection.context as CollabContext;
      // The render worker writes render state into locked shots: locks never flip it.
      if (service) this.setReadOnly(connection, !serviceWrites(name.kind));
      else this.setReadOnly(connection, accessFor(role, name.kind, state) !== "write");
    }
    return connections;
  }

  private setReadOnly(connection: Connection, readOnly: boolean): void {
    if (this.busy.has(connection)) this.deferred.set(connection, readOnly);
    else {
      this.deferred.delete(connection);
      connection.readOnly = readOnly;
    }
  }

  private flushDeferred(connection: Connection): void {
    const readOnly = this.deferred.get(connection);
    if (readOnly === undefined) return;
    this.deferred.delete(connection);
    connection.readOnly = readOnly;
  }
}
