/**
 * One version in the history list: its title, kind badge, author and time, and what can be done with it.
 * Restoring asks first, in place, saying what will happen (everyone's copy changes; it can be undone).
 */
import { useState } from "react";
import type { VersionInfo } from "@aiuteur/shared";
import type { ViewerMode } from "./VersionViewer";
import { KIND_BADGE, versionByline, versionTime, versionTitle } from "./versionText";

interface Props {
  version: VersionInfo;
  mayRestore: boolean;
  /** A restore of this item is on its way. */
  restoring: boolean;
  onView(mode: ViewerMode): void;
  onRestore(): void;
}

export function VersionItem({ version, mayRestore, restoring, onView, onRestore }: Props) {
  const [confirming, setConfirming] = useState(false);
  const title = versionTitle(version);
  return (
    <li className="version-item" data-testid="version-item" data-version-id={version.id} data-kind={version.kind}>
      <div className="version-item-head">
        <span className="version-title">{title}</span>
        <span className={`version-badge is-${version.kind}`}>{KIND_BADGE[version.kind]}</span>
      </div>
      <p className="version-byline muted" title={versionTime(version)}>
        {versionByline(version)}
      </p>
      {confirming ? (
        <div className="version-confirm" role="group" aria-label={`Restore “${title}”?`}>
          <p>Restore “{title}”? Everyone’s copy changes to it now. The current state is saved as a version first, so this can be undone.</p>
          <div className="version-actions">
            <button
              type="button"
              className="button-primary"
              data-testid="restore-confirm"
              disabled={restoring}
              onClick={() => {
                setConfirming(false);
                onRestore();
              }}
            >
              Restore
            </button>
            <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="version-actions">
          <button type="button" className="button-quiet" data-testid="version-open" onClick={() => onView("open")}>
            Open
          </button>
          <button type="button" className="button-quiet" data-testid="version-compare" onClick={() => onView("compare")}>
            Compare with now
          </button>
          {mayRestore && (
            <button type="button" className="button-quiet" data-testid="version-restore" disabled={restoring} onClick={() => setConfirming(true)}>
              {restoring ? "Restoring…" : "Restore…"}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
