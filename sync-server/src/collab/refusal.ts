/**
 * Errors thrown from Hocuspocus hooks. Hocuspocus sends `reason` to the provider with a refused
 * authentication, and closes the connection with `code` when a message hook throws. Refusals are logged
 * by the extension that makes them, with their context.
 */
export class CollabRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly code?: number,
  ) {
    // No message: Hocuspocus prints every hook error that has one, and a refusal is not an error.
    super("");
    this.name = "CollabRefusal";
  }
}

/**
 * Closes the client's whole socket with a typed code. Hocuspocus on its own answers a failing message hook
 * with a per-document close message, after which a provider sits unauthenticated on an open socket and
 * never resends what it holds; a socket close makes it reconnect, authenticate and sync again.
 */
export function closeSocket(connection: { webSocket: { close(code?: number, reason?: string): void } }, close: { code: number; reason: string }): CollabRefusal {
  connection.webSocket.close(close.code, close.reason);
  return new CollabRefusal(close.reason, close.code);
}
