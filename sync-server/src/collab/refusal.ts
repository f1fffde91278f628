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
