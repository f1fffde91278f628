import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useSyncStatus } from "../hooks/useSyncStatus";
import { syncLabel } from "../syncStatus";

/** Saved / N changes not yet saved / Offline / Connecting, as a polite live region. */
export function SyncIndicator({ provider, readOnly }: { provider: HocuspocusProvider | null; readOnly: boolean }) {
  const summary = useSyncStatus(provider, readOnly);
  return (
    <span className="sync-status" data-testid="sync-status" data-state={summary.state} role="status" aria-live="polite">
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-text">{syncLabel(summary)}</span>
    </span>
  );
}
