/**
 * The lock as shown inside a document: a `lock` map the server writes when a document is locked,
 * invalidated or unlocked, so every open client sees the change with the document itself. It is a mirror
 * for display only: the server's database row is the authority and is what turns connections read-only.
 *
 * Entries are keyed by branch id because locks are per branch while a branch's documents share their
 * parent's history: a fork needs no reset, and merging a branch back never carries its lock state over.
 */
import * as Y from "yjs";
import type { LockStatus } from "./types.js";

export const LOCK_MAP = "lock";

export interface LockMirror {
  status: LockStatus | "unlocked";
  byName: string;
  at: number;
  reason: string;
}

export const UNLOCKED_MIRROR: LockMirror = Object.freeze({ status: "unlocked", byName: "", at: 0, reason: "" });

/** Reads the mirror for one branch, repairing anything malformed to "unlocked" (the server holds the truth). */
export function readLockMirror(doc: Y.Doc, branchId: string): LockMirror {
  const entry = doc.getMap<unknown>(LOCK_MAP).get(branchId);
  if (typeof entry !== "object" || entry === null) return UNLOCKED_MIRROR;
  const { status, byName, at, reason } = entry as Record<string, unknown>;
  if (status !== "locked" && status !== "invalidated") return UNLOCKED_MIRROR;
  return {
    status,
    byName: typeof byName === "string" ? byName : "",
    at: typeof at === "number" && Number.isFinite(at) ? at : 0,
    reason: typeof reason === "string" ? reason : "",
  };
}

/** Writes one branch's mirror; the server calls it on the live document. */
export function writeLockMirror(doc: Y.Doc, branchId: string, mirror: LockMirror): void {
  doc.getMap<unknown>(LOCK_MAP).set(branchId, { ...mirror });
}
