import { describe, expect, it } from "vitest";
import type { Beat } from "@aiuteur/shared";
import { compareBeats } from "./beatsCompare";

const beat = (id: string, title: string, act: 1 | 2 | 3 = 1): Beat => ({ id, title, description: "", act, color: "grey", sceneIds: [] });

describe("compareBeats", () => {
  it("marks added, removed, changed and unchanged beats", () => {
    const before = [beat("a", "Opening image"), beat("b", "Catalyst"), beat("c", "Midpoint", 2)];
    const after = [beat("a", "Opening image"), beat("c", "Midpoint twist", 2), beat("d", "Finale", 3)];
    const rows = compareBeats(before, after);
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      ["a", "same"],
      ["c", "changed"],
      ["d", "added"],
      ["b", "removed"],
    ]);
    expect(rows[1]!.previous?.title).toBe("Midpoint");
  });
});
