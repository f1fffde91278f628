/**
 * How many document connections one account holds on this instance, so a token cannot open thousands of
 * them (each costs memory and a share of every broadcast). Established connections are counted from
 * Hocuspocus's own documents, never from a counter that could drift; a connection that passed
 * authentication but is not established yet (its document may still be loading) holds a reservation,
 * released when it is established or, should loading fail, after a while on its own.
 */
import type { Hocuspocus } from "@hocuspocus/server";

const RESERVATION_MS = 30_000;

export class UserConnectionLimit {
  /** userId → expiry times of reservations not yet established. */
  private readonly reservations = new Map<string, number[]>();

  constructor(
    readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reserves a connection for `userId`; false when the account already holds `max`. */
  tryReserve(instance: Hocuspocus, userId: string): boolean {
    const pending = this.pending(userId);
    if (established(instance, userId) + pending.length >= this.max) return false;
    pending.push(this.now() + RESERVATION_MS);
    this.reservations.set(userId, pending);
    return true;
  }

  /** The connection reserved for `userId` is established: it is now counted from the documents. */
  settle(userId: string): void {
    const pending = this.pending(userId);
    pending.shift();
    if (pending.length === 0) this.reservations.delete(userId);
    else this.reservations.set(userId, pending);
  }

  private pending(userId: string): number[] {
    const now = this.now();
    return (this.reservations.get(userId) ?? []).filter((expiry) => expiry > now);
  }
}

function established(instance: Hocuspocus, userId: string): number {
  let count = 0;
  for (const document of instance.documents.values()) {
    for (const connection of document.getConnections()) {
      if ((connection.context as { userId?: unknown } | undefined)?.userId === userId) count += 1;
    }
  }
  return count;
}
