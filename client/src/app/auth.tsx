/**
 * Who is signed in, for the whole app. The session lives in localStorage (session.ts) so reloads and
 * offline starts keep the writer signed in; GET /api/me refreshes the stored user when online, and any
 * 401 on an authenticated request signs out (the route guard then sends the user to /login?next=…).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { Navigate, Outlet, useLocation, useSearchParams } from "react-router";
import type { AuthResponse } from "@aiuteur/shared";
import { api, setUnauthorizedHandler } from "./api";
import { clearSession, loadSession, saveSession, type Session } from "./session";

interface AuthContextValue {
  session: Session | null;
  signIn(auth: AuthResponse): void;
  signOut(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());

  const signIn = useCallback((auth: AuthResponse) => setSession(saveSession(auth)), []);
  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(signOut);
    return () => setUnauthorizedHandler(null);
  }, [signOut]);

  // Refresh the stored user once per token (the display name may have changed elsewhere). Offline, the
  // request fails with a network error and the stored user stays.
  const token = session?.token ?? null;
  useEffect(() => {
    if (token === null) return;
    const controller = new AbortController();
    api
      .me(controller.signal)
      .then((user) => {
        if (loadSession()?.token === token) setSession(saveSession({ token, user }));
      })
      .catch(() => {
        // 401 is handled by the unauthorized handler; anything else keeps the stored user.
      });
    return () => controller.abort();
  }, [token]);

  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error("useAuth() needs an <AuthProvider> above it");
  return value;
}

/** The signed-in session, for pages behind <RequireAuth> (which guarantees there is one). */
export function useSession(): Session {
  const { session } = useAuth();
  if (session === null) throw new Error("useSession() used outside <RequireAuth>");
  return session;
}

/** Only same-origin paths are followed after sign-in, so ?next= cannot send anyone to another site. */
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}

/**
 * What the sign-in and sign-up pages share: where to go once signed in (a safe `next`), and the link to the
 * other page that keeps that destination.
 */
export function useAuthPage() {
  const { session, signIn } = useAuth();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const linkTo = (path: "/login" | "/signup") => (params.has("next") ? `${path}?next=${encodeURIComponent(next)}` : path);
  return { session, signIn, next, linkTo };
}

/** Route guard: renders the child routes for a signed-in user, otherwise goes to /login?next=<here>. */
export function RequireAuth() {
  const { session } = useAuth();
  const location = useLocation();
  if (session === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Outlet />;
}
