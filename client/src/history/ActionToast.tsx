/**
 * "Restored “Draft 2”. · Undo": a polite status message with one action, for the outcome of a restore or
 * a merge. It dismisses itself after a while; the action stays reachable from the history meanwhile.
 */
import { useEffect, useState } from "react";

const SHOW_MS = 30_000;

export interface ToastAction {
  label: string;
  run(): Promise<void>;
}

interface Props {
  message: string;
  action?: ToastAction;
  testId?: string;
  onDismiss(): void;
}

export function ActionToast({ message, action, testId = "history-toast", onDismiss }: Props) {
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOW_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);

  return (
    <div className="history-toast" role="status" aria-live="polite" data-testid={testId}>
      <span>{message}</span>
      {action && (
        <button
          type="button"
          className="button-secondary"
          data-testid={`${testId}-action`}
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void action.run().finally(() => setBusy(false));
          }}
        >
          {action.label}
        </button>
      )}
      <button type="button" className="button-quiet" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
