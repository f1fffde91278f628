import { describe, expect, it } from "vitest";
import { branchFromSearch, branchQuery, withBranch } from "./branchContext";

const BRANCH = "abcdefghijklmnop";

describe("branch context in URLs", () => {
  it("reads main when the URL names no branch or an invalid one", () => {
    expect(branchFromSearch(new URLSearchParams(""))).toBe("main");
    expect(branchFromSearch(new URLSearchParams("branch=../../x"))).toBe("main");
    expect(branchFromSearch(new URLSearchParams(`branch=${BRANCH}`))).toBe(BRANCH);
  });

  it("adds the branch to a path, keeping an existing query and fragment", () => {
    expect(withBranch("/projects/p/episodes/e", "main")).toBe("/projects/p/episodes/e");
    expect(withBranch("/projects/p/episodes/e", BRANCH)).toBe(`/projects/p/episodes/e?branch=${BRANCH}`);
    expect(withBranch("/s?scene=x", BRANCH)).toBe(`/s?scene=x&branch=${BRANCH}`);
    expect(withBranch("/e#scene-1", BRANCH)).toBe(`/e?branch=${BRANCH}#scene-1`);
  });

  it("builds the REST query only off main", () => {
    expect(branchQuery(undefined)).toBe("");
    expect(branchQuery("main")).toBe("");
    expect(branchQuery(BRANCH)).toBe(`?branch=${BRANCH}`);
  });
});
