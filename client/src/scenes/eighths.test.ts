import { describe, expect, it } from "vitest";
import { describeEighths, formatEighths } from "./eighths";

describe("scene lengths in eighths of a page", () => {
  it("writes whole pages, eighths and mixed lengths the way breakdown sheets do", () => {
    expect(formatEighths(1)).toBe("1/8");
    expect(formatEighths(4)).toBe("4/8"); // never reduced to 1/2: the industry counts in eighths
    expect(formatEighths(8)).toBe("1");
    expect(formatEighths(11)).toBe("1 3/8");
    expect(formatEighths(24)).toBe("3");
    expect(formatEighths(0)).toBe("0");
  });

  it("says the length in words for screen readers", () => {
    expect(describeEighths(3)).toBe("3/8 of a page");
    expect(describeEighths(8)).toBe("1 page");
    expect(describeEighths(11)).toBe("1 and 3/8 pages");
  });
});
