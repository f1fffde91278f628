import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { docFromStates } from "./stateDoc";

describe("docFromStates", () => {
  it("applies a branch's state on top of its parent's: both sides' edits, shared history once", () => {
    const parent = new Y.Doc();
    parent.getText("t").insert(0, "Rain.");
    const branch = new Y.Doc();
    Y.applyUpdate(branch, Y.encodeStateAsUpdate(parent));
    branch.getText("t").insert(5, " Thunder.");
    parent.getText("t").insert(0, "Night. ");

    const merged = docFromStates(Y.encodeStateAsUpdate(parent), Y.encodeStateAsUpdate(branch));
    expect(merged.getText("t").toString()).toBe("Night. Rain. Thunder.");
    // The inputs are untouched.
    expect(parent.getText("t").toString()).toBe("Night. Rain.");
  });
});
