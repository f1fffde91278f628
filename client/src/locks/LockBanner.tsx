/** "Locked — approved by Dana on 22 Nov 2025, 14:02; comments stay open" over a locked document. */
import type { LockMirror } from "@aiuteur/shared";
import { lockBanner } from "./lockText";
import "./locks.css";

export function LockBanner({ mirror, className = "" }: { mirror: LockMirror; className?: string }) {
  const text = lockBanner(mirror);
  if (text === null) return null;
  return (
    <p className={`read-only-banner lock-banner ${className}`} role="note" data-testid="lock-banner" data-lock-status={mirror.status}>
      <LockIcon status={mirror.status} />
      <span>{text}</span>
    </p>
  );
}

/** A padlock (locked) or a warning sign (invalidated), hidden from screen readers: the text says it. */
export function LockIcon({ status }: { status: LockMirror["status"] }) {
  if (status === "unlocked") return null;
  return (
    <svg className="lock-icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
      {status === "locked" ? (
        <>
          <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
          <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </>
      ) : (
        <>
          <path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          <path d="M8 6v4M8 11.5v1" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
