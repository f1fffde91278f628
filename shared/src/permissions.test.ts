import { describe, expect, it } from "vitest";
import { accessFor, canRead, canWrite } from "./permissions.js";
import { ROLES, canCreateEpisodes, canManageMembers, rolesAssignableBy } from "./roles.js";

describe("permission table", () => {
  it("lets owners, directors and writers write scripts and everyone else only read them", () => {
    expect(ROLES.filter((role) => canWrite(role, "script"))).toEqual(["owner", "director", "writer"]);
    expect(ROLES.filter((role) => accessFor(role, "script") === "read")).toEqual(["artist", "reviewer", "viewer"]);
  });

  it("refuses everything to someone who is not a member", () => {
    for (const kind of ["project", "script", "beats", "storyboard", "shot", "notes"] as const) {
      expect(accessFor(null, kind)).toBe("none");
      expect(canRead(null, kind)).toBe(false);
    }
  });

  it("lets directors and artists draw, and keeps reviewers and viewers off the work itself", () => {
    expect(ROLES.filter((role) => canWrite(role, "shot"))).toEqual(["owner", "director", "artist"]);
    expect(canWrite("reviewer", "storyboard")).toBe(false);
    expect(canWrite("viewer", "beats")).toBe(false);
  });

  it("opens notes to reviewers and above but not to viewers", () => {
    expect(ROLES.filter((role) => canWrite(role, "notes"))).toEqual(["owner", "director", "writer", "artist", "reviewer"]);
  });

  it("makes locked work read-only for every role while notes on it stay writable", () => {
    for (const role of ROLES) {
      for (const kind of ["script", "beats", "storyboard", "shot"] as const) {
        expect(canWrite(role, kind, "locked")).toBe(false);
        expect(canRead(role, kind, "locked")).toBe(true);
      }
      expect(accessFor(role, "notes", "locked")).toBe(accessFor(role, "notes", "unlocked"));
    }
  });

  it("lets only owners and directors manage members, and only owners make owners", () => {
    expect(ROLES.filter(canManageMembers)).toEqual(["owner", "director"]);
    expect(rolesAssignableBy("owner")).toContain("owner");
    expect(rolesAssignableBy("director")).not.toContain("owner");
    expect(rolesAssignableBy("writer")).toEqual([]);
    expect(ROLES.filter(canCreateEpisodes)).toEqual(["owner", "director", "writer"]);
  });
});
