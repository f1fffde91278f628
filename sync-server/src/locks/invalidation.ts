/**
 * Invalidation: while a script that was locked is unlocked again, a scene whose text no longer matches its
 * baseline (the hash recorded at the script's last lock) makes the locked shots of that scene, in the same
 * branch, "invalidated": still read-only, their renders stale, until a director re-approves them.
 *
 * Safe to run on several instances at once: only the one whose UPDATE changes the row records the event
 * and writes the mirror.
 */
import type * as Y from "yjs";
import { deriveScenes, parseDocumentName, readScreenplay, sceneTextHashesOfBlocks, shotDocumentName } from "@aiuteur/shared";
import type { Services } from "../services.js";
import { writeMirror } from "./mirror.js";

/** Scenes (by id) whose text left its baseline, with the reason their shots are given. */
function changedScenes(doc: Y.Doc, baselines: ReadonlyMap<string, string>): Map<string, string> {
  const { blocks } = readScreenplay(doc);
  const hashes = sceneTextHashesOfBlocks(blocks);
  const numbers = new Map(deriveScenes(blocks).map((scene) => [scene.sceneId, scene.number]));
  const changed = new Map<string, string>();
  for (const [sceneId, baseline] of baselines) {
    if (hashes.get(sceneId) === baseline) continue;
    const number = numbers.get(sceneId);
    changed.set(sceneId, number ? `Scene ${number} changed in the script` : "Its scene was removed from the script");
  }
  return changed;
}

async function invalidateShot(
  services: Services,
  shot: { projectId: string; branchId: string; documentName: string; lockedBy: string },
  reason: string,
  editorId: string | null,
): Promise<boolean> {
  const at = Date.now();
  const done = await services.db.transaction(async (tx) => {
    if (!(await services.locks.invalidate(tx, shot.documentName, reason))) return false;
    await services.locks.addEvent(tx, {
      projectId: shot.projectId,
      documentName: shot.documentName,
      action: "invalidated",
      userId: editorId,
      reason,
      at,
    });
    return true;
  });
  if (done) await writeMirror(services, shot.documentName, shot.branchId, { status: "invalidated", byName: shot.lockedBy, at, reason });
  return done;
}

/**
 * Compares a script with its baselines and invalidates the locked shots of changed scenes. `editorId` is
 * who made the change, when known. Answers how many shots were invalidated by this call.
 */
export async function invalidateChangedScenes(
  services: Services,
  scriptDocument: string,
  doc: Y.Doc,
  editorId: string | null,
): Promise<number> {
  const name = parseDocumentName(scriptDocument);
  if (name?.kind !== "script") return 0;
  const baselines = await services.locks.baselines(scriptDocument);
  // Never locked, or locked right now (its text cannot change, and its baselines are current).
  if (baselines.size === 0 || (await services.locks.get(scriptDocument))) return 0;
  const lockedShots = new Map(
    (await services.locks.list(name.projectId, name.branchId))
      .filter((lock) => lock.kind === "shot" && lock.status === "locked")
      .map((lock) => [lock.document, lock.lockedBy.displayName]),
  );
  if (lockedShots.size === 0) return 0;
  let invalidated = 0;
  for (const [sceneId, reason] of changedScenes(doc, baselines)) {
    for (const shotId of await services.locks.shotIdsOfScene(name.projectId, sceneId)) {
      const documentName = shotDocumentName(name.projectId, shotId, name.branchId);
      const lockedBy = lockedShots.get(documentName);
      if (lockedBy === undefined) continue;
      const shot = { projectId: name.projectId, branchId: name.branchId, documentName, lockedBy };
      if (await invalidateShot(services, shot, reason, editorId)) invalidated += 1;
    }
  }
  // Invalidated shots are not rendered; their renders read as stale until they are re-approved.
  if (invalidated > 0) services.reconciler.schedule(name.projectId);
  return invalidated;
}
