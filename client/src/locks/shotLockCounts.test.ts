import { describe, expect, it } from "vitest";
import type { LockInfo, ShotInfo } from "@aiuteur/shared";
import { shotLockCounts } from "./shotLockCounts";

const shot = (id: string, sceneId: string): ShotInfo => ({
  id,
  sceneId,
  episodeId: "e",
  documents: { shot: `p/pp/b/main/shot/${id}`, notes: `p/pp/b/main/notes/shot/${id}` },
});
const lock = (id: string, status: LockInfo["status"]): LockInfo => ({
  document: `p/pp/b/main/shot/${id}`,
  kind: "shot",
  branchId: "main",
  status,
  lockedBy: { id: "u", displayName: "Dana" },
  lockedAt: 1,
});

describe("scene list lock counts", () => {
  it("counts each scene's locked and invalidated shots, and leaves out scenes with none", () => {
    const shots = [shot("a", "s1"), shot("b", "s1"), shot("c", "s1"), shot("d", "s2"), shot("e", "s3")];
    const locks = new Map([lock("a", "locked"), lock("b", "invalidated"), lock("c", "locked"), lock("e", "locked")].map((l) => [l.document, l]));
    const counts = shotLockCounts(shots, locks);
    expect(counts.get("s1")).toEqual({ locked: 2, invalidated: 1 });
    expect(counts.has("s2")).toBe(false);
    expect(counts.get("s3")).toEqual({ locked: 1, invalidated: 0 });
  });
});
