import { describe, expect, it } from "vitest";
import type { Stroke } from "@aiuteur/shared";
import {
  IDENTITY_VIEW,
  extendPoints,
  fitFrame,
  isWorthStoring,
  normalisedToScreen,
  regionOf,
  screenToNormalised,
  strokeAt,
  zoomAt,
} from "./geometry";

const frame = { width: 800, height: 450 };

const stroke = (over: Partial<Stroke>): Stroke => ({
  id: "s",
  tool: "pen",
  points: [0, 0, 1, 1],
  color: "#111111",
  width: 3,
  text: "",
  author: "u",
  createdAt: 0,
  ...over,
});

describe("panel geometry", () => {
  it("fits the largest 16:9 frame into the space available", () => {
    expect(fitFrame({ width: 1600, height: 600 })).toEqual({ width: 1067, height: 600 });
    expect(fitFrame({ width: 375, height: 800 })).toEqual({ width: 375, height: 211 });
  });

  it("maps a pointer to normalised coordinates without zoom", () => {
    expect(screenToNormalised({ x: 400, y: 225 }, IDENTITY_VIEW, frame)).toEqual({ x: 0.5, y: 0.5 });
  });

  it("maps a pointer to the same spot of the frame under zoom and pan", () => {
    const view = { scale: 2, x: -400, y: -225 }; // zoomed on the centre
    expect(screenToNormalised({ x: 400, y: 225 }, view, frame)).toEqual({ x: 0.5, y: 0.5 });
    expect(screenToNormalised({ x: 0, y: 0 }, view, frame)).toEqual({ x: 0.25, y: 0.25 });
    const back = normalisedToScreen({ x: 0.25, y: 0.25 }, view, frame);
    expect(back).toEqual({ x: 0, y: 0 });
  });

  it("zooms around the pointer, keeping the spot under it still", () => {
    const anchor = { x: 200, y: 100 };
    const before = screenToNormalised(anchor, IDENTITY_VIEW, frame);
    const view = zoomAt(IDENTITY_VIEW, anchor, 3);
    const after = screenToNormalised(anchor, view, frame);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    expect(zoomAt(IDENTITY_VIEW, anchor, 1000).scale).toBe(8);
  });

  it("stores start and end for shapes and every step for the pen", () => {
    let line: number[] = [];
    for (const p of [{ x: 0.1, y: 0.1 }, { x: 0.2, y: 0.2 }, { x: 0.3, y: 0.4 }]) line = extendPoints("arrow", line, p);
    expect(line).toEqual([0.1, 0.1, 0.3, 0.4]);
    let pen: number[] = [];
    for (const p of [{ x: 0.1, y: 0.1 }, { x: 0.1001, y: 0.1 }, { x: 0.3, y: 0.4 }]) pen = extendPoints("pen", pen, p);
    expect(pen).toEqual([0.1, 0.1, 0.3, 0.4]);
  });

  it("does not store a shape dragged to nothing, but keeps a pen dot", () => {
    expect(isWorthStoring("rect", [0.1, 0.1, 0.1, 0.1])).toBe(false);
    expect(isWorthStoring("rect", [0.1, 0.1, 0.3, 0.3])).toBe(true);
    expect(isWorthStoring("pen", [0.1, 0.1])).toBe(true);
  });

  it("finds the topmost stroke under the pointer for the select tool", () => {
    const below = stroke({ id: "below", tool: "line", points: [0, 0.5, 1, 0.5] });
    const above = stroke({ id: "above", tool: "rect", points: [0.4, 0.4, 0.6, 0.6] });
    const eraser = stroke({ id: "eraser", tool: "eraser", points: [0, 0.5, 1, 0.5] });
    expect(strokeAt([below, above, eraser], { x: 0.4, y: 0.5 }, 0.01)?.id).toBe("above");
    expect(strokeAt([below, above], { x: 0.9, y: 0.5 }, 0.01)?.id).toBe("below");
    expect(strokeAt([below, above], { x: 0.9, y: 0.1 }, 0.01)).toBeNull();
  });

  it("normalises a comment region dragged in any direction and clamps it to the frame", () => {
    const region = regionOf({ x: 0.6, y: 0.7 }, { x: 0.2, y: 1.3 });
    expect(region.x).toBeCloseTo(0.2);
    expect(region.y).toBeCloseTo(0.7);
    expect(region.w).toBeCloseTo(0.4);
    expect(region.h).toBeCloseTo(0.3);
  });
});
