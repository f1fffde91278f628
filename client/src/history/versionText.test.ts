import { describe, expect, it } from "vitest";
import type { VersionInfo } from "@aiuteur/shared";
import { KIND_BADGE, versionByline, versionTitle } from "./versionText";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const version = (patch: Partial<VersionInfo>): VersionInfo => ({
  id: "v1",
  label: "",
  author: { id: "u1", displayName: "Dana" },
  createdAt: NOW - 5 * 60_000,
  kind: "manual",
  ...patch,
});

describe("version text", () => {
  it("uses the author's label, else a title from the kind", () => {
    expect(versionTitle(version({ label: "  Table read draft " }))).toBe("Table read draft");
    expect(versionTitle(version({ kind: "auto" }))).toBe("Automatic version");
    expect(versionTitle(version({ kind: "merge" }))).toBe("Before merging");
  });

  it("names who and when, and the server for automatic versions", () => {
    expect(versionByline(version({}), NOW)).toBe("Dana · 5 min ago");
    expect(versionByline(version({ author: null, kind: "auto" }), NOW)).toBe("Aiuteur · 5 min ago");
  });

  it("has a worded badge for every kind", () => {
    for (const badge of Object.values(KIND_BADGE)) expect(badge).toMatch(/\w/);
  });
});
