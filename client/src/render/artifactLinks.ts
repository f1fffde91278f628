/**
 * Artifact URLs as the browser uses them. <video>, <img> and download links cannot send an Authorization
 * header, so the session token rides in `?access_token=` (the sync server's artifact route accepts it there).
 */
import { currentToken } from "../app/session";

export function withAccessToken(url: string, token: string | null = currentToken()): string {
  if (!token) return url;
  const hashAt = url.indexOf("#");
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : url.slice(hashAt);
  return `${base}${base.includes("?") ? "&" : "?"}access_token=${encodeURIComponent(token)}${hash}`;
}
