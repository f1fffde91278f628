/**
 * The REST shapes for locks, versions and story branches (docs/api.md). Server and client both use them.
 */
import type { BranchedKind } from "../documentNames.js";

/** The kinds of document that can be locked: the work itself. Notes and the project never are. */
export const LOCKABLE_KINDS = ["script", "beats", "storyboard", "shot"] as const satisfies readonly BranchedKind[];
export type LockableKind = (typeof LOCKABLE_KINDS)[number];

export function isLockableKind(kind: string): kind is LockableKind {
  return (LOCKABLE_KINDS as readonly string[]).includes(kind);
}

/**
 * "locked": approved and read-only. "invalidated": a locked shot whose scene changed in the script after
 * the script was unlocked; still read-only, its renders stale, until it is re-approved (locked again).
 */
export type LockStatus = "locked" | "invalidated";

export interface LockInfo {
  /** The document name, e.g. p/<projectId>/b/main/shot/<shotId>. */
  document: string;
  kind: LockableKind;
  branchId: string;
  status: LockStatus;
  lockedBy: { id: string; displayName: string };
  /** Milliseconds since the epoch. */
  lockedAt: number;
  /** Why the lock is invalidated, e.g. "Scene 4 changed in the script". */
  reason?: string;
}

export type LockEventAction = "locked" | "unlocked" | "invalidated" | "reapproved";

export interface LockEvent {
  document: string;
  action: LockEventAction;
  by: { id: string; displayName: string } | null;
  at: number;
  reason?: string;
}

/** Why a version was recorded. */
export type VersionKind = "manual" | "lock" | "auto" | "restore" | "merge" | "fork";

export interface VersionInfo {
  id: string;
  label: string;
  author: { id: string; displayName: string } | null;
  createdAt: number;
  kind: VersionKind;
}

export interface BranchInfo {
  id: string;
  name: string;
  /** The branch it was forked from ("main" for the main story timeline). */
  parentId: string;
  /** The version it was forked from, when it was not forked from the current state. */
  fromVersion: string | null;
  createdBy: { id: string; displayName: string };
  createdAt: number;
}

export const BRANCH_NAME_MAX = 80;
export const VERSION_LABEL_MAX = 120;
