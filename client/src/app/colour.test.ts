import { describe, expect, it } from "vitest";
import { USER_PALETTE, colourForUser } from "./colour";

describe("colourForUser", () => {
  it("gives the same colour for the same id, every time", () => {
    const first = colourForUser("k3j5l2m4n6p7q2r3");
    for (let i = 0; i < 5; i++) expect(colourForUser("k3j5l2m4n6p7q2r3")).toBe(first);
  });

  it("is pinned, so a colour does not change between releases", () => {
    // Collaborators remember each other by colour; changing the hash would repaint everyone.
    expect(colourForUser("aaaaaaaaaaaaaaaa")).toBe("#1971c2");
    expect(colourForUser("k3j5l2m4n6p7q2r3")).toBe("#2f9e44");
    expect(colourForUser("u1")).toBe("#6741d9");
    expect(colourForUser("u2")).toBe("#9c36b5");
  });

  it("returns a palette hex colour", () => {
    for (const id of ["u1", "u2", "someone-else", "k3j5l2m4n6p7q2r3"]) {
      const colour = colourForUser(id);
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(USER_PALETTE).toContain(colour);
    }
  });

  it("spreads many ids over most of the palette", () => {
    const used = new Set<string>();
    for (let i = 0; i < 200; i++) used.add(colourForUser(`user-${i}`));
    expect(used.size).toBeGreaterThanOrEqual(USER_PALETTE.length - 1);
  });
});
