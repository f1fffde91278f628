/**
 * A shot's approval at a glance on the storyboard grid and the scene list: "Locked" or "Invalidated",
 * in words as well as colour, with the full state in the tooltip and for screen readers.
 */
import type { LockMirror, LockStatus } from "@aiuteur/shared";
import { LockIcon } from "./LockBanner";
import { lockStatusText } from "./lockText";
import "./locks.css";

const WORD: Record<LockStatus, string> = { locked: "Locked", invalidated: "Invalidated" };

export function LockBadge({ mirror }: { mirror: LockMirror }) {
  if (mirror.status === "unlocked") return null;
  const full = lockStatusText(mirror);
  return (
    <span className="lock-badge" data-testid="lock-badge" data-lock-status={mirror.status} title={full} aria-label={full}>
      <LockIcon status={mirror.status} />
      {WORD[mirror.status]}
    </span>
  );
}

/** "2 locked · 1 invalidated": a scene's shots in the scene list (nothing when none is locked). */
export function ShotLockCounts({ counts }: { counts: { locked: number; invalidated: number } | undefined }) {
  if (!counts || counts.locked + counts.invalidated === 0) return null;
  return (
    <span className="lock-counts" data-testid="shot-lock-counts">
      {counts.locked > 0 && (
        <span className="lock-badge" data-lock-status="locked" title="Shots approved and locked">
          <LockIcon status="locked" />
          {counts.locked} locked
        </span>
      )}
      {counts.invalidated > 0 && (
        <span className="lock-badge" data-lock-status="invalidated" title="Locked shots whose scene changed in the script">
          <LockIcon status="invalidated" />
          {counts.invalidated} invalidated
        </span>
      )}
    </span>
  );
}
