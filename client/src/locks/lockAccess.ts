/**
 * A lock on top of what the role and the connection allow: a locked (or invalidated) document is read-only
 * for everyone, at once, from its mirror — without waiting for the server to reconnect the socket.
 */
import type { LockMirror } from "@aiuteur/shared";
import type { ViewAccess } from "../scenes/EpisodeViewStatus";
import { isLocked } from "./lockText";

/** The view's access with the lock applied; the lock banner (LockBanner) then says why. */
export function withLock(access: ViewAccess, mirror: LockMirror): ViewAccess {
  return isLocked(mirror) ? { readOnly: true, banner: null } : access;
}
