import { describe, expect, it } from "vitest";
import { changeSummary } from "./changeSummary";

const change = (kind: string, what: "added" | "changed") => ({ document: "d", branchDocument: "b", kind, change: what });

describe("changeSummary", () => {
  it("counts the changes per kind of document, in words", () => {
    expect(changeSummary([change("notes", "changed"), change("script", "changed"), change("shot", "added"), change("shot", "added")])).toEqual([
      "1 script changed",
      "2 shots added",
      "1 set of comments changed",
    ]);
    expect(changeSummary([])).toEqual([]);
  });
});
