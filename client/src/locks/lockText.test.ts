import { describe, expect, it } from "vitest";
import { BRANCH_NAME_MAX, UNLOCKED_MIRROR, type LockMirror } from "@aiuteur/shared";
import { alternativeBranchName, isLocked, lockBanner, lockedSketchNote, lockStatusText } from "./lockText";

// Local time, so the expectations hold in any time zone.
const AT = new Date(2025, 10, 22, 14, 2).getTime();
const locked: LockMirror = { status: "locked", byName: "Dana", at: AT, reason: "" };
const invalidated: LockMirror = { status: "invalidated", byName: "Dana", at: AT, reason: "Scene 4 changed in the script" };

describe("lock text", () => {
  it("says who locked and when, next to the button and in the banner", () => {
    expect(lockStatusText(locked)).toBe("Locked by Dana · 14:02");
    expect(lockBanner(locked)).toBe("Locked — approved by Dana on 22 Nov 2025, 14:02; comments stay open");
  });

  it("says why an invalidated lock is invalid", () => {
    expect(lockStatusText(invalidated)).toBe("Invalidated: Scene 4 changed in the script");
    expect(lockBanner(invalidated)).toBe(
      "Invalidated — Scene 4 changed in the script. Read only until a director re-approves it; comments stay open",
    );
  });

  it("tells an artist why the sketch layer is closed and what stays open", () => {
    expect(lockedSketchNote(locked)).toBe("Locked by Dana · 14:02. The sketch can't change; annotations and comments stay open.");
    expect(lockedSketchNote(UNLOCKED_MIRROR)).toBeNull();
  });

  it("shows no banner and counts as open when unlocked", () => {
    expect(lockBanner(UNLOCKED_MIRROR)).toBeNull();
    expect(lockStatusText(UNLOCKED_MIRROR)).toBe("Not locked");
    expect(isLocked(UNLOCKED_MIRROR)).toBe(false);
    expect(isLocked(locked)).toBe(true);
    expect(isLocked(invalidated)).toBe(true);
  });

  it("proposes a timeline name from the episode, within the name limit", () => {
    expect(alternativeBranchName("Pilot")).toBe("Pilot — alternative");
    expect(alternativeBranchName("  ")).toBe("Story — alternative");
    expect(alternativeBranchName("x".repeat(200))).toHaveLength(BRANCH_NAME_MAX);
  });
});
