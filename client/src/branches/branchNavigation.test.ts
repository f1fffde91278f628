import { describe, expect, it } from "vitest";
import { pathOnBranch } from "./branchNavigation";

const BRANCH = "abcdefghijklmnop";
const OTHER = "ponmlkjihgfedcba";

describe("pathOnBranch", () => {
  it("switches the branch and keeps the rest of the URL", () => {
    expect(pathOnBranch({ pathname: "/projects/p/episodes/e", search: "", hash: "" }, BRANCH)).toBe(`/projects/p/episodes/e?branch=${BRANCH}`);
    expect(pathOnBranch({ pathname: "/s", search: `?scene=x&branch=${BRANCH}`, hash: "#top" }, OTHER)).toBe(`/s?scene=x&branch=${OTHER}#top`);
  });

  it("drops the parameter on main", () => {
    expect(pathOnBranch({ pathname: "/e", search: `?branch=${BRANCH}`, hash: "" }, "main")).toBe("/e");
  });
});
