/**
 * Locking and unlocking one document, in the order that leaves no moment in which a change can slip into
 * approved work: open connections turn read-only first (and what was already in flight lands), then the
 * row, its event, a version of exactly what was approved and, for a script, its scene baselines are
 * committed together; then the mirror tells every client. Unlocking removes the row first, then gives
 * connections back what their roles allow.
 */
import * as Y from "yjs";
import { sceneTextHashes, writeLockMirror, type LockInfo } from "@aiuteur/shared";
import type { Services } from "../services.js";
import type { LockTarget } from "../store/locks.js";
import { writeMirror } from "./mirror.js";

export interface Approver {
  id: string;
  displayName: string;
}

export interface LockResult {
  lock: LockInfo;
  /** False when the document was already locked: nothing was recorded. */
  changed: boolean;
}

export async function lockDocument(services: Services, target: LockTarget, by: Approver): Promise<LockResult> {
  const { documentName, projectId, branchId } = target;
  const live = await services.openLiveDocument(documentName);
  let changed = false;
  try {
    await services.liveLocks.beginLock(documentName);
    try {
      const at = Date.now();
      const state = Y.encodeStateAsUpdate(live.doc);
      const baselines = target.kind === "script" ? sceneTextHashes(live.doc) : null;
      const action = await services.db.transaction(async (tx) => {
        const done = await services.locks.lock(tx, target, by.id, at);
        if (!done) return null;
        await services.locks.addEvent(tx, { projectId, documentName, action: done, userId: by.id, at });
        const label = `${done === "reapproved" ? "Re-approved" : "Locked"} by ${by.displayName}`;
        await services.versions.create({ projectId, documentName, kind: "lock", label, authorId: by.id, state }, tx);
        if (baselines) await services.locks.setBaselines(tx, documentName, baselines);
        return done;
      });
      changed = action !== null;
      if (changed) {
        await live.transact((doc) => writeLockMirror(doc, branchId, { status: "locked", byName: by.displayName, at, reason: "" }));
      }
    } finally {
      await services.liveLocks.endLock(documentName);
    }
  } finally {
    await live.close();
  }
  const lock = await services.locks.get(documentName);
  if (!lock) throw new Error(`The lock of ${documentName} vanished as it was made`);
  return { lock, changed };
}

/** Unlocks a document; false when it was not locked. */
export async function unlockDocument(services: Services, target: LockTarget, by: Approver): Promise<boolean> {
  const { documentName, projectId, branchId } = target;
  const at = Date.now();
  const removed = await services.db.transaction(async (tx) => {
    if (!(await services.locks.unlock(tx, documentName))) return false;
    await services.locks.addEvent(tx, { projectId, documentName, action: "unlocked", userId: by.id, at });
    return true;
  });
  if (!removed) return false;
  await services.liveLocks.refresh(documentName);
  await writeMirror(services, documentName, branchId, { status: "unlocked", byName: by.displayName, at, reason: "" });
  return true;
}
