/**
 * Who may lock, and what must be locked first. One rule set, used by the server (the authority, which
 * answers 409 with the reason) and by the client (to disable a button and say why).
 */
import type { Role } from "../roles.js";

/** Only owners and directors approve work. */
export function canLock(role: Role | null): boolean {
  return role === "owner" || role === "director";
}

/**
 * The reason a shot cannot be locked yet, or null when it can: its episode's script must be locked.
 * `episodeNumber` is the episode's 1-based position in its project.
 */
export function shotLockRefusal(scriptLocked: boolean, episodeNumber: number): string | null {
  return scriptLocked ? null : `Lock the script of episode ${episodeNumber} first`;
}
