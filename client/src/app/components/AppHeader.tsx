/** The top bar of the dashboard and project screens: home link, who is signed in, sign out. */
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useAuth } from "../auth";

export function AppHeader({ children }: { children?: ReactNode }) {
  const { session, signOut } = useAuth();
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        Aiuteur
      </Link>
      <div className="app-header-middle">{children}</div>
      {session && (
        <div className="app-header-user">
          <span className="user-name" title={session.user.email}>
            {session.user.displayName}
          </span>
          <button type="button" className="button-quiet" onClick={signOut}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
