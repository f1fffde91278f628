import { describe, expect, it } from "vitest";
import type { DerivedScene } from "@aiuteur/shared";
import { dropTarget, keyboardMoveTarget, sceneChips } from "./boardOrder";

describe("moving a beat from the keyboard", () => {
  const ids = ["a", "b", "c"];

  it("moves one place earlier with up or left and later with down or right", () => {
    expect(keyboardMoveTarget(ids, "b", "ArrowUp")).toBe(0);
    expect(keyboardMoveTarget(ids, "b", "ArrowLeft")).toBe(0);
    expect(keyboardMoveTarget(ids, "b", "ArrowDown")).toBe(2);
    expect(keyboardMoveTarget(ids, "b", "ArrowRight")).toBe(2);
  });

  it("jumps to the start or end with Home and End", () => {
    expect(keyboardMoveTarget(ids, "c", "Home")).toBe(0);
    expect(keyboardMoveTarget(ids, "a", "End")).toBe(2);
  });

  it("does nothing at the edges, for other keys or for an unknown beat", () => {
    expect(keyboardMoveTarget(ids, "a", "ArrowUp")).toBeNull();
    expect(keyboardMoveTarget(ids, "c", "ArrowDown")).toBeNull();
    expect(keyboardMoveTarget(ids, "b", "Enter")).toBeNull();
    expect(keyboardMoveTarget(ids, "z", "ArrowUp")).toBeNull();
  });
});

describe("dropping a dragged beat", () => {
  it("lands at the index of the card it was dropped on, either direction", () => {
    expect(dropTarget(["a", "b", "c", "d"], "a", "c")).toBe(2);
    expect(dropTarget(["a", "b", "c", "d"], "d", "b")).toBe(1);
    expect(dropTarget(["a", "b"], "a", "a")).toBeNull();
    expect(dropTarget(["a", "b"], "a", null)).toBeNull();
  });
});

describe("a beat's scene chips", () => {
  const scene = (sceneId: string, number: string, heading: string) => ({ sceneId, number, heading }) as DerivedScene;

  it("labels live scenes with number and heading and keeps a deleted scene visible as removed", () => {
    const chips = sceneChips(["s2", "gone"], [scene("s1", "1", "INT. HALL - DAY"), scene("s2", "2", "INT. KITCHEN - NIGHT")]);
    expect(chips).toEqual([
      { sceneId: "s2", label: "2 · INT. KITCHEN - NIGHT", removed: false },
      { sceneId: "gone", label: "Scene removed", removed: true },
    ]);
  });

  it("does not call a link removed while the script is still opening", () => {
    expect(sceneChips(["s1"], null)).toEqual([{ sceneId: "s1", label: "Scene…", removed: false }]);
  });
});
