import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readLockMirror, UNLOCKED_MIRROR, writeLockMirror } from "./lockMirror.js";

describe("lock mirror", () => {
  it("is per branch, so a branch's lock never shows on its parent", () => {
    const doc = new Y.Doc();
    writeLockMirror(doc, "main", { status: "locked", byName: "Dana", at: 5, reason: "" });
    expect(readLockMirror(doc, "main")).toEqual({ status: "locked", byName: "Dana", at: 5, reason: "" });
    expect(readLockMirror(doc, "abcdefghijklmnop")).toEqual(UNLOCKED_MIRROR);
  });

  it("reads malformed entries as unlocked", () => {
    const doc = new Y.Doc();
    doc.getMap("lock").set("main", { status: "frozen" });
    expect(readLockMirror(doc, "main").status).toBe("unlocked");
    doc.getMap("lock").set("main", "locked");
    expect(readLockMirror(doc, "main").status).toBe("unlocked");
    doc.getMap("lock").set("main", { status: "invalidated", byName: 3, at: "x" });
    expect(readLockMirror(doc, "main")).toEqual({ status: "invalidated", byName: "", at: 0, reason: "" });
  });
});
