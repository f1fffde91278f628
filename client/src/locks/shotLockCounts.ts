/** How many of each scene's shots are locked or invalidated, from the server's locks and the episode's shots. */
import type { LockInfo, ShotInfo } from "@aiuteur/shared";

export interface LockCounts {
  locked: number;
  invalidated: number;
}

export function shotLockCounts(shots: readonly ShotInfo[], locks: ReadonlyMap<string, LockInfo>): Map<string, LockCounts> {
  const counts = new Map<string, LockCounts>();
  for (const shot of shots) {
    const lock = locks.get(shot.documents.shot);
    if (!lock) continue;
    const scene = counts.get(shot.sceneId) ?? { locked: 0, invalidated: 0 };
    scene[lock.status] += 1;
    counts.set(shot.sceneId, scene);
  }
  return counts;
}
