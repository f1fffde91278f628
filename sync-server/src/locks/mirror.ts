/**
 * Writes a lock's display mirror into the live document, so every open client (on every instance, through
 * the Redis relay) sees the change with the document itself. The mirror is for display; the lock row decides.
 */
import { writeLockMirror, type LockMirror } from "@aiuteur/shared";
import type { Services } from "../services.js";

export async function writeMirror(services: Services, documentName: string, branchId: string, mirror: LockMirror): Promise<void> {
  const live = await services.openLiveDocument(documentName);
  try {
    await live.transact((doc) => writeLockMirror(doc, branchId, mirror));
  } finally {
    await live.close();
  }
}
