/**
 * Approving a document: its lock state ("Locked by Dana · 14:02", "Invalidated: Scene 4 changed in the
 * script", "Not locked") and, for owners and directors, Lock / Re-approve / Unlock…. A button that cannot
 * be used says why in visible text next to it (not only in a tooltip): the role, the gating rule for
 * shots, or being offline. The state shown is the document's mirror, so it changes live for everyone.
 */
import { useCallback, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { canLock, type LockMirror, type Role } from "@aiuteur/shared";
import { messageOf } from "../app/api";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { useOnline } from "../app/hooks/useOnline";
import { branchesApi } from "../branches/api";
import { pathOnBranch } from "../branches/branchNavigation";
import { locksApi } from "./api";
import { LockIcon } from "./LockBanner";
import { lockStatusText } from "./lockText";
import { UnlockDialog } from "./UnlockDialog";
import { branchOf } from "./useLockMirror";
import "./locks.css";

interface Props {
  projectId: string;
  /** The lockable document; null while it is not known yet. */
  document: string | null;
  mirror: LockMirror;
  role: Role | null;
  /** What is locked, for labels: "the script", "the beat board", "shot 4". */
  what: string;
  /** Why it cannot be locked yet (a shot before its script), or null. */
  refusal?: string | null;
  /** The name "Unlock on a new branch" proposes. */
  branchName: string;
  /** After this page locked or unlocked (to refresh lists read from the server). */
  onChanged?(): void;
  className?: string;
  /**
   * For a control repeated down a page (one per scene): no "Not locked" text, and for people who cannot
   * lock, only the state of a lock — not a disabled button and its reason in every section.
   */
  compact?: boolean;
}

export const ROLE_CANNOT_LOCK = "Only owners and directors can lock";

export function LockControl(props: Props) {
  const { projectId, document, mirror, role, what } = props;
  const online = useOnline();
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const closeDialog = useCallback(() => setDialogOpen(false), []);

  const mayLock = canLock(role);
  const refusal = mirror.status === "unlocked" ? (props.refusal ?? null) : null;
  const why = !mayLock ? ROLE_CANNOT_LOCK : !online ? "Locking needs a connection" : refusal;
  const usable = why === null && document !== null && !busy;

  /** Runs one server call with the busy state and error message; the call's answer, or null when it failed. */
  const run = async <T,>(action: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      const answer = await action();
      props.onChanged?.();
      return answer;
    } catch (cause) {
      setError(messageOf(cause));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const lock = () => void run(() => locksApi.lock(projectId, document!));
  const unlockHere = async () => {
    if (await run(() => locksApi.unlock(projectId, document!))) setDialogOpen(false);
  };
  // The fork copies this timeline as it is; locks are per timeline, so the copy opens unlocked.
  const unlockOnBranch = async (name: string) => {
    const branch = await run(() => branchesApi.create(projectId, name, undefined, branchOf(document) ?? undefined));
    if (!branch) return;
    setDialogOpen(false);
    void navigate(pathOnBranch(location, branch.id));
  };

  const label = (verb: string) => `${verb} ${what}`;
  if (props.compact && !mayLock && mirror.status === "unlocked") return null;
  if (props.compact && !mayLock) {
    return (
      <div className={`lock-control ${props.className ?? ""}`} data-testid="lock-control" data-lock-status={mirror.status}>
        <LockStatus mirror={mirror} />
      </div>
    );
  }
  return (
    <div className={`lock-control ${props.className ?? ""}`} data-testid="lock-control" data-lock-status={mirror.status}>
      {!(props.compact && mirror.status === "unlocked") && <LockStatus mirror={mirror} />}
      {mirror.status === "unlocked" ? (
        <button type="button" className="button-secondary lock-button" data-testid="lock-button" aria-label={label("Lock")} disabled={!usable} onClick={lock}>
          {busy ? "Locking…" : "Lock"}
        </button>
      ) : (
        <>
          {mirror.status === "invalidated" && (
            <button
              type="button"
              className="button-primary lock-button"
              data-testid="reapprove-button"
              aria-label={label("Re-approve")}
              disabled={!usable}
              onClick={lock}
            >
              {busy ? "Approving…" : "Re-approve"}
            </button>
          )}
          <button
            type="button"
            className="button-secondary lock-button"
            data-testid="unlock-button"
            aria-label={label("Unlock")}
            aria-haspopup="dialog"
            disabled={!usable}
            onClick={() => setDialogOpen(true)}
          >
            Unlock…
          </button>
        </>
      )}
      {why !== null && (
        <span className="lock-why" data-testid="lock-why">
          {why}
        </span>
      )}
      {!dialogOpen && <ErrorMessage message={error} />}
      {dialogOpen && (
        <UnlockDialog
          what={what}
          defaultBranchName={props.branchName}
          busy={busy}
          error={error}
          onUnlockHere={() => void unlockHere()}
          onUnlockOnBranch={(name) => void unlockOnBranch(name)}
          onClose={closeDialog}
        />
      )}
    </div>
  );
}

function LockStatus({ mirror }: { mirror: LockMirror }) {
  return (
    <span className={`lock-status lock-status-${mirror.status}`} data-testid="lock-status" role="status">
      <LockIcon status={mirror.status} />
      {lockStatusText(mirror)}
    </span>
  );
}
