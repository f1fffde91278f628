/**
 * The signed-in session kept in localStorage: the bearer token and the last user the API confirmed.
 *
 * The user is stored next to the token so the app can start offline (no GET /api/me possible) and still
 * know who is writing. Storage can throw (privacy modes, quota); the app then works for this tab only.
 */
import type { AuthResponse, UserInfo } from "@aiuteur/shared";

const TOKEN_KEY = "aiuteur:token";
const USER_KEY = "aiuteur:user";

export interface Session {
  token: string;
  user: UserInfo;
}

let memory: Session | null = null;

function isUser(value: unknown): value is UserInfo {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === "string" && typeof v.email === "string" && typeof v.displayName === "string";
}

export function loadSession(): Session | null {
  try {
    const token = localStorage.getItem(TOKEN_KEY);
    const raw = localStorage.getItem(USER_KEY);
    if (!token || !raw) return memory;
    const user: unknown = JSON.parse(raw);
    return isUser(user) ? { token, user } : memory;
  } catch {
    return memory;
  }
}

export function saveSession(auth: AuthResponse): Session {
  memory = { token: auth.token, user: auth.user };
  try {
    localStorage.setItem(TOKEN_KEY, auth.token);
    localStorage.setItem(USER_KEY, JSON.stringify(auth.user));
  } catch {
    // Kept in memory only: the session ends with the tab.
  }
  return memory;
}

export function clearSession(): void {
  memory = null;
  try {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** The current token, read at call time so a re-login is picked up by long-lived objects (the provider). */
export function currentToken(): string | null {
  return loadSession()?.token ?? null;
}
