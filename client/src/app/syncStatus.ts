/**
 * What the sync indicator says, as a pure function of the provider's connection status, whether the first
 * handshake completed, how many local changes the server has not acknowledged, and navigator.onLine.
 *
 * Order matters: being offline wins (the changes are safe in IndexedDB, which is what the writer needs to
 * know); a socket that is open but not yet synced is still "connecting"; only then do we count changes.
 */
export type SyncState = "saved" | "unsynced" | "offline" | "connecting";

/** Mirrors @hocuspocus/provider's WebSocketStatus values. */
export type ConnectionStatus = "connecting" | "connected" | "disconnected";

export interface SyncInputs {
  status: ConnectionStatus;
  /** The provider completed the sync handshake since the socket (re)opened. */
  synced: boolean;
  /** provider.unsyncedChanges: local updates sent (or queued) but not acknowledged by the server. */
  unsyncedChanges: number;
  online: boolean;
  /**
   * A read-only connection: the server never acknowledges writes from it, so a count would never drop.
   * The reader has nothing of theirs to save; once synced they are up to date.
   */
  readOnly?: boolean;
}

export interface SyncSummary {
  state: SyncState;
  unsyncedChanges: number;
}

export function deriveSyncState(inputs: SyncInputs): SyncSummary {
  const pending = inputs.readOnly ? 0 : Math.max(0, inputs.unsyncedChanges);
  if (!inputs.online || inputs.status === "disconnected") return { state: "offline", unsyncedChanges: pending };
  if (inputs.status === "connecting" || !inputs.synced) return { state: "connecting", unsyncedChanges: pending };
  if (pending > 0) return { state: "unsynced", unsyncedChanges: pending };
  return { state: "saved", unsyncedChanges: 0 };
}

export function syncLabel(summary: SyncSummary): string {
  switch (summary.state) {
    case "saved":
      return "Saved";
    case "unsynced":
      return summary.unsyncedChanges === 1
        ? "1 change not yet saved"
        : `${summary.unsyncedChanges} changes not yet saved`;
    case "offline":
      return "Offline — changes kept on this device";
    case "connecting":
      return "Connecting…";
  }
}
