/**
 * A connection problem over a live document, with the way out when there is one: sign in again (the local
 * copy stays in IndexedDB) or reload (the server asked for a fresh start).
 */
import { useAuth } from "../auth";
import type { ConnectionProblem } from "../hooks/useConnection";

export function ProblemBanner({ problem }: { problem: ConnectionProblem }) {
  const { signOut } = useAuth();
  return (
    <div className="problem-banner" role="alert" data-testid="error-message">
      <span>{problem.message}</span>
      {problem.kind === "auth" && problem.signInAgain && (
        // Signing out sends the guard to /login?next=<this page>.
        <button type="button" className="button-secondary" onClick={signOut}>
          Sign in again
        </button>
      )}
      {problem.kind === "close" && problem.reload && (
        <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
          Reload
        </button>
      )}
    </div>
  );
}
