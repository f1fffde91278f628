import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { shiftThroughDelta } from "./shiftThroughDelta";

/** Applies `edit` to a Y.Text holding `initial` and returns where a caret at `caret` moves. */
function caretAfter(initial: string, caret: number, edit: (text: Y.Text) => void): number {
  const doc = new Y.Doc();
  const text = doc.getText("t");
  text.insert(0, initial);
  let moved = caret;
  text.observe((event) => {
    moved = shiftThroughDelta(caret, event.delta);
  });
  edit(text);
  return moved;
}

describe("a caret through a colleague's edit", () => {
  it("moves right when text is typed before it", () => {
    expect(caretAfter("hello world", 6, (t) => t.insert(0, ">> "))).toBe(9);
  });

  it("stays put when text is typed after it", () => {
    expect(caretAfter("hello world", 5, (t) => t.insert(8, "XYZ"))).toBe(5);
  });

  it("moves left when text before it is deleted, but not past the deletion", () => {
    expect(caretAfter("hello world", 8, (t) => t.delete(0, 6))).toBe(2);
    expect(caretAfter("hello world", 3, (t) => t.delete(1, 6))).toBe(1);
  });

  it("stays before text typed exactly at the caret", () => {
    expect(caretAfter("hello", 2, (t) => t.insert(2, "XX"))).toBe(2);
  });
});
