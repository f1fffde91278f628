import { describe, expect, it } from "vitest";
import { blendFrames, dissolveAmount } from "./blendFrames.js";

describe("blendFrames", () => {
  it("mixes two frames pixel by pixel in proportion to the amount", () => {
    const from = Uint8Array.from([200, 0, 100, 255]);
    const to = Uint8Array.from([0, 200, 100, 255]);
    expect([...blendFrames(from, to, 0)]).toEqual([200, 0, 100, 255]);
    expect([...blendFrames(from, to, 1)]).toEqual([0, 200, 100, 255]);
    expect([...blendFrames(from, to, 0.25)]).toEqual([150, 50, 100, 255]);
  });

  it("refuses frames of different sizes", () => {
    expect(() => blendFrames(new Uint8Array(4), new Uint8Array(8), 0.5)).toThrow(/4 and 8 bytes/);
  });

  it("steps a dissolve evenly without showing either picture alone", () => {
    const amounts = Array.from({ length: 12 }, (_, i) => dissolveAmount(i, 12));
    expect(amounts[0]).toBeGreaterThan(0);
    expect(amounts[11]).toBeLessThan(1);
    expect(amounts[6]! - amounts[5]!).toBeCloseTo(1 / 12);
  });
});
