import { describe, expect, it } from "vitest";
import { formatDocumentName, parseDocumentName, scriptDocumentName, type DocumentName } from "./documentNames.js";
import { newId, isId } from "./ids.js";

const P = "abcdefghijklmnop";
const E = "qrstuvwxyz234567";

describe("document names", () => {
  it("round-trips every kind through format and parse", () => {
    const names: DocumentName[] = [
      { kind: "project", projectId: P },
      { kind: "script", projectId: P, branchId: "main", id: E },
      { kind: "beats", projectId: P, branchId: E, id: E },
      { kind: "storyboard", projectId: P, branchId: "main", id: E },
      { kind: "shot", projectId: P, branchId: "main", id: E },
      { kind: "notes", projectId: P, branchId: "main", target: "shot", id: E },
    ];
    for (const name of names) expect(parseDocumentName(formatDocumentName(name))).toEqual(name);
    expect(scriptDocumentName(P, E)).toBe(`p/${P}/b/main/script/${E}`);
  });

  it("refuses anything outside the grammar", () => {
    const bad: unknown[] = [
      "",
      "p",
      `p/${P}`,
      `p/${P}/project/extra`,
      `p/${P.toUpperCase()}/project`,
      `p/${P}/b/main/script`,
      `p/${P}/b/main/script/${E}/x`,
      `p/${P}/b/Main/script/${E}`,
      `p/${P}/b/main/screenplay/${E}`,
      `p/${P}/b/main/notes/beats/${E}`,
      `p/${P}/b/main/notes/${E}`,
      `p/../b/main/script/${E}`,
      `p/${P}/b/main/script/${E}\0`,
      `/p/${P}/project`,
      `p/${P}/b/main/script/${"a".repeat(200)}`,
      42,
      null,
    ];
    for (const name of bad) expect(parseDocumentName(name), String(name)).toBeNull();
  });

  it("makes ids that the grammar accepts and that do not repeat", () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isId(id)).toBe(true);
  });
});
