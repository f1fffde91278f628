import { describe, expect, it } from "vitest";
import { deriveSyncState, syncLabel, type SyncInputs } from "./syncStatus";

const connected: SyncInputs = { status: "connected", synced: true, unsyncedChanges: 0, online: true };

describe("deriveSyncState", () => {
  it("is saved when connected, synced and nothing is pending", () => {
    const summary = deriveSyncState(connected);
    expect(summary).toEqual({ state: "saved", unsyncedChanges: 0 });
    expect(syncLabel(summary)).toBe("Saved");
  });

  it("counts changes the server has not acknowledged", () => {
    const summary = deriveSyncState({ ...connected, unsyncedChanges: 3 });
    expect(summary).toEqual({ state: "unsynced", unsyncedChanges: 3 });
    expect(syncLabel(summary)).toBe("3 changes not yet saved");
    expect(syncLabel(deriveSyncState({ ...connected, unsyncedChanges: 1 }))).toBe("1 change not yet saved");
  });

  it("says offline when the browser is offline, even if the socket still looks open", () => {
    const summary = deriveSyncState({ ...connected, online: false, unsyncedChanges: 4 });
    expect(summary.state).toBe("offline");
    expect(summary.unsyncedChanges).toBe(4);
    expect(syncLabel(summary)).toBe("Offline — changes kept on this device");
  });

  it("says offline when the socket is closed (server unreachable)", () => {
    expect(deriveSyncState({ ...connected, status: "disconnected", synced: false }).state).toBe("offline");
  });

  it("is connecting while the socket opens and until the first handshake completes", () => {
    expect(deriveSyncState({ ...connected, status: "connecting", synced: false }).state).toBe("connecting");
    // The provider counts its own handshake as one pending change; that is not the writer's work.
    const handshaking = deriveSyncState({ ...connected, synced: false, unsyncedChanges: 1 });
    expect(handshaking.state).toBe("connecting");
    expect(syncLabel(handshaking)).toBe("Connecting…");
  });

  it("never reports pending changes on a read-only connection", () => {
    expect(deriveSyncState({ ...connected, unsyncedChanges: 2, readOnly: true })).toEqual({
      state: "saved",
      unsyncedChanges: 0,
    });
  });
});
