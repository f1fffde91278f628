/**
 * The wide modal the history and the timeline comparisons open in: a titled card over the page (the
 * whole screen on a phone), closed by Escape, the close button or a click outside.
 */
import { useEffect, useRef, type ReactNode } from "react";

interface Props {
  title: string;
  /** A line under the title (what is compared with what). */
  subtitle?: string;
  testId: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom (Merge, Restore…). */
  actions?: ReactNode;
}

export function HistoryDialog({ title, subtitle, testId, onClose, children, actions }: Props) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <div className="dialog-backdrop history-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div className="dialog history-dialog" role="dialog" aria-modal="true" aria-labelledby={`${testId}-title`} data-testid={testId}>
        <header className="history-dialog-header">
          <div>
            <h2 id={`${testId}-title`}>{title}</h2>
            {subtitle && <p className="muted history-dialog-subtitle">{subtitle}</p>}
          </div>
          <button type="button" ref={closeRef} className="button-quiet" aria-label="Close" data-testid={`${testId}-close`} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="history-dialog-body">{children}</div>
        {actions && <div className="dialog-actions history-dialog-actions">{actions}</div>}
      </div>
    </div>
  );
}
