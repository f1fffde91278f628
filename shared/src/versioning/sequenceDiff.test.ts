import { describe, expect, it } from "vitest";
import { sequenceDiff, type Edit } from "./sequenceDiff.js";

/** Length of a longest common subsequence, by the textbook table: the reference the diff must reach. */
function lcsLength(a: readonly number[], b: readonly number[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  return previous[b.length]!;
}

/** A seeded linear congruential generator (Numerical Recipes constants): a failing case replays from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Checks the script walks both sequences in order, item by item, and that "equal" items are equal. */
function expectValidScript(a: readonly number[], b: readonly number[], edits: readonly Edit[]): void {
  const seenBefore: number[] = [];
  const seenAfter: number[] = [];
  for (const edit of edits) {
    if (edit.kind !== "added") seenBefore.push(edit.before);
    if (edit.kind !== "removed") seenAfter.push(edit.after);
    if (edit.kind === "equal") expect(a[edit.before]).toBe(b[edit.after]);
  }
  expect(seenBefore).toEqual(a.map((_, i) => i));
  expect(seenAfter).toEqual(b.map((_, i) => i));
}

describe("sequenceDiff", () => {
  it("finds a shortest edit script on seeded random sequences of every shape", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const alphabet = 1 + Math.floor(next() * 6);
      const a = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * alphabet));
      // Half of the cases are an edited copy (the common case), half unrelated sequences.
      const b =
        seed % 2 === 0
          ? a.filter(() => next() > 0.15).flatMap((v) => (next() < 0.1 ? [v, Math.floor(next() * alphabet)] : [v]))
          : Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * alphabet));
      const edits = sequenceDiff(a, b);
      expectValidScript(a, b, edits);
      const equal = edits.filter((edit) => edit.kind === "equal").length;
      expect(equal, `seed ${seed}`).toBe(lcsLength(a, b));
    }
  });

  it("puts the removals of a gap before its additions", () => {
    const kinds = sequenceDiff([1, 2, 3, 9], [1, 7, 8, 9]).map((edit) => edit.kind);
    expect(kinds).toEqual(["equal", "removed", "removed", "added", "added", "equal"]);
  });

  it("handles empty sides and identical sequences", () => {
    expect(sequenceDiff([], [])).toEqual([]);
    expect(sequenceDiff([], ["a"])).toEqual([{ kind: "added", before: 0, after: 0 }]);
    expect(sequenceDiff(["a"], [])).toEqual([{ kind: "removed", before: 0, after: 0 }]);
    expect(sequenceDiff(["a", "b"], ["a", "b"]).every((edit) => edit.kind === "equal")).toBe(true);
  });

  it("compares with the function it is given", () => {
    const edits = sequenceDiff(["Rain", "SUN"], ["rain", "sun"], (x, y) => x.toLowerCase() === y.toLowerCase());
    expect(edits.map((edit) => edit.kind)).toEqual(["equal", "equal"]);
  });

  it("stays correct on two long sequences that share nothing", () => {
    const a = Array.from({ length: 3000 }, (_, i) => i);
    const b = Array.from({ length: 3000 }, (_, i) => -1 - i);
    const edits = sequenceDiff(a, b);
    expect(edits.filter((edit) => edit.kind === "removed")).toHaveLength(3000);
    expect(edits.filter((edit) => edit.kind === "added")).toHaveLength(3000);
  });
});
