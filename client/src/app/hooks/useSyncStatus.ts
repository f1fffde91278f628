/**
 * The sync indicator's state for one provider, re-derived on every provider event that can change it.
 * Used inside the indicator component only, so per-keystroke `unsyncedChanges` events re-render nothing else.
 */
import { useEffect, useRef, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { deriveSyncState, type ConnectionStatus, type SyncState, type SyncSummary } from "../syncStatus";
import { useOnline } from "./useOnline";

interface Snapshot {
  status: ConnectionStatus;
  synced: boolean;
  unsyncedChanges: number;
}

const EVENTS = ["status", "synced", "unsyncedChanges", "close", "disconnect", "authenticated"] as const;

function snapshotOf(provider: HocuspocusProvider | null): Snapshot {
  if (provider === null) return { status: "connecting", synced: false, unsyncedChanges: 0 };
  return {
    status: provider.configuration.websocketProvider.status as ConnectionStatus,
    synced: provider.isSynced,
    unsyncedChanges: provider.unsyncedChanges,
  };
}

function same(a: Snapshot, b: Snapshot): boolean {
  return a.status === b.status && a.synced === b.synced && a.unsyncedChanges === b.unsyncedChanges;
}

/**
 * While typing online, every keystroke is pending for the few milliseconds until the server acknowledges
 * it. Showing "1 change not yet saved" for each would make the indicator flicker; changes count as
 * unsaved once they have waited this long.
 */
export const UNSYNCED_GRACE_MS = 600;
const SAVED: SyncSummary = { state: "saved", unsyncedChanges: 0 };

export function useSyncStatus(provider: HocuspocusProvider | null, readOnly: boolean): SyncSummary {
  const online = useOnline();
  const [snapshot, setSnapshot] = useState<Snapshot>(() => snapshotOf(provider));
  const [graceOver, setGraceOver] = useState(false);
  const lastShown = useRef<SyncState>("connecting");

  useEffect(() => {
    const update = () => {
      // Provider events fire before its own fields settle in some paths (close → synced=false); read
      // again on the next task too, so the indicator never sticks on a stale value.
      const next = snapshotOf(provider);
      setSnapshot((prev) => (same(prev, next) ? prev : next));
    };
    const deferred = () => {
      update();
      setTimeout(update, 0);
    };
    update();
    if (provider === null) return;
    for (const event of EVENTS) provider.on(event, deferred);
    return () => {
      for (const event of EVENTS) provider.off(event, deferred);
    };
  }, [provider]);

  const summary = deriveSyncState({ ...snapshot, online, readOnly });
  const pending = summary.state === "unsynced";
  useEffect(() => {
    setGraceOver(false);
    if (!pending) return;
    const timer = setTimeout(() => setGraceOver(true), UNSYNCED_GRACE_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  // Only a "Saved" indicator waits out the grace; coming from offline or connecting, say it at once.
  const shown = pending && !graceOver && lastShown.current === "saved" ? SAVED : summary;
  lastShown.current = shown.state;
  return shown;
}
