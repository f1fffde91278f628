/**
 * Contains a crash to the part of the screen that crashed. Around the editor it keeps the header, the
 * sync indicator and the offline copy alive: the script is in IndexedDB whatever the editor did.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** What failed, in the user's words ("The editor"). */
  what: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The browser console is the only log a client has; keep the component stack for bug reports.
    console.error(`${this.props.what} crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="crash" role="alert" data-testid="error-message">
        <p>
          {this.props.what} stopped working: {error.message || "unknown error"}. Nothing you wrote is lost — it is
          kept on this device and on the server.
        </p>
        <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
