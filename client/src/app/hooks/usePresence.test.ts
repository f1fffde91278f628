import { describe, expect, it } from "vitest";
import { presentUsers } from "./usePresence";

describe("presentUsers", () => {
  it("lists one entry per person, the local user first", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { presence: { id: "u-zoe", name: "Zoe", color: "#1971c2" } }],
      [2, { presence: { id: "u-me", name: "Me", color: "#2f9e44" } }],
      [3, { presence: { id: "u-ann", name: "Ann", color: "#e03131" } }],
      // Zoe's second tab.
      [4, { presence: { id: "u-zoe", name: "Zoe", color: "#1971c2" } }],
    ]);
    const users = presentUsers(states, 2);
    expect(users.map((u) => [u.name, u.isSelf])).toEqual([
      ["Me", true],
      ["Ann", false],
      ["Zoe", false],
    ]);
  });

  it("falls back to the editor's caret field and ignores malformed peers", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: "Caret only", color: "#9c36b5" } }],
      [2, { presence: { name: 42, color: "red" } }],
      [3, {}],
      [4, { presence: { id: "u-x", name: "Bad colour", color: "url(javascript:alert(1))" } }],
    ]);
    const users = presentUsers(states, 99);
    expect(users).toEqual([
      { key: "u-x", name: "Bad colour", color: "#868e96", isSelf: false },
      { key: "client:1", name: "Caret only", color: "#9c36b5", isSelf: false },
    ]);
  });
});
