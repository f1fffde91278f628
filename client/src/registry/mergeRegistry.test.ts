import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRegistryEntry, ensureRegistryEntry, readRegistry, setRegistryDescription } from "@aiuteur/shared";
import { filterRegistry, mergeRegistry } from "./mergeRegistry";

describe("the registry list", () => {
  it("lists every character and location the scripts name, once, with the episodes they appear in", () => {
    const items = mergeRegistry(
      [
        { episodeId: "e1", episodeTitle: "Pilot", characters: ["MAYA", "LEO"], locations: ["KITCHEN"] },
        { episodeId: "e2", episodeTitle: "Two", characters: ["Maya"], locations: ["Harbour"] },
      ],
      [],
    );
    expect(items.map((item) => [item.kind, item.name, item.episodes])).toEqual([
      ["character", "LEO", ["Pilot"]],
      ["character", "MAYA", ["Pilot", "Two"]],
      ["location", "Harbour", ["Two"]],
      ["location", "KITCHEN", ["Pilot"]],
    ]);
    expect(items.every((item) => item.entry === null)).toBe(true);
  });

  it("joins a derived name with its entry, and keeps entries for hand-added items and names no script uses now", () => {
    const doc = new Y.Doc();
    const maya = ensureRegistryEntry(doc, "character", "Maya");
    setRegistryDescription(doc, maya.get("id") as string, "Runs the ferry café.");
    ensureRegistryEntry(doc, "character", "OLD NED");
    addRegistryEntry(doc, "prop", "Pocket watch");
    const items = mergeRegistry(
      [{ episodeId: "e1", episodeTitle: "Pilot", characters: ["MAYA"], locations: [] }],
      readRegistry(doc),
    );
    expect(items.map((item) => [item.kind, item.name, item.entry?.description ?? null, item.episodes])).toEqual([
      ["character", "Maya", "Runs the ferry café.", ["Pilot"]],
      ["character", "OLD NED", "", []],
      ["prop", "Pocket watch", "", []],
    ]);
  });

  it("filters by name or description", () => {
    const doc = new Y.Doc();
    setRegistryDescription(doc, ensureRegistryEntry(doc, "character", "LEO").get("id") as string, "Ferry captain");
    const items = mergeRegistry([{ episodeId: "e", episodeTitle: "Pilot", characters: ["MAYA", "LEO"], locations: [] }], readRegistry(doc));
    expect(filterRegistry(items, "captain").map((item) => item.name)).toEqual(["LEO"]);
    expect(filterRegistry(items, "may").map((item) => item.name)).toEqual(["MAYA"]);
  });
});
