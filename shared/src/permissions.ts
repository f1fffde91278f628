/**
 * The permission table: role × document kind × lock state → access.
 *
 * One table, read by the REST API, by the WebSocket authentication (a read-only connection where the role
 * may only read) and by the client (to grey out controls). The server is the authority.
 */
import type { DocumentKind } from "./documentNames.js";
import type { Role } from "./roles.js";

export type Access = "none" | "read" | "write";
export type LockState = "unlocked" | "locked";

type Row = Record<DocumentKind, Access>;

/** Access to documents that are not locked. */
/** Render documents are written by the render worker's service identity only: every role reads them. */
const UNLOCKED: Record<Role, Row> = {
  owner: { project: "write", script: "write", beats: "write", storyboard: "write", shot: "write", notes: "write", render: "read" },
  director: { project: "write", script: "write", beats: "write", storyboard: "write", shot: "write", notes: "write", render: "read" },
  writer: { project: "read", script: "write", beats: "write", storyboard: "read", shot: "read", notes: "write", render: "read" },
  artist: { project: "read", script: "read", beats: "read", storyboard: "write", shot: "write", notes: "write", render: "read" },
  reviewer: { project: "read", script: "read", beats: "read", storyboard: "read", shot: "read", notes: "write", render: "read" },
  viewer: { project: "read", script: "read", beats: "read", storyboard: "read", shot: "read", notes: "read", render: "read" },
};

/** A lock makes the work itself read-only for everyone; notes on locked work stay open to comment. */
function lockedAccess(role: Role, kind: DocumentKind): Access {
  const unlocked = UNLOCKED[role][kind];
  if (kind === "notes" || kind === "project") return unlocked;
  return unlocked === "none" ? "none" : "read";
}

/** `role` is null for someone who is not a member of the project: they get nothing. */
export function accessFor(role: Role | null, kind: DocumentKind, lock: LockState = "unlocked"): Access {
  if (role === null) return "none";
  return lock === "locked" ? lockedAccess(role, kind) : UNLOCKED[role][kind];
}

export function canWrite(role: Role | null, kind: DocumentKind, lock: LockState = "unlocked"): boolean {
  return accessFor(role, kind, lock) === "write";
}

export function canRead(role: Role | null, kind: DocumentKind, lock: LockState = "unlocked"): boolean {
  return accessFor(role, kind, lock) !== "none";
}
