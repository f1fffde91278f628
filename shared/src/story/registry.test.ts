import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addRegistryEntry,
  addRegistryImage,
  derivedEntryId,
  ensureRegistryEntry,
  normaliseName,
  readRegistry,
  REGISTRY_LIMITS,
  removeRegistryEntry,
  removeRegistryImage,
  setRegistryDescription,
} from "./registry.js";

function sync(...docs: Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe("registry", () => {
  it("keys derived characters and locations by normalised name", () => {
    expect(normaliseName("  Ana   maria ")).toBe("ANA MARIA");
    expect(derivedEntryId("character", "ana  Maria")).toBe("character:ANA MARIA");
    const doc = new Y.Doc();
    const first = ensureRegistryEntry(doc, "character", "Ana Maria");
    expect(ensureRegistryEntry(doc, "character", "ANA  MARIA")).toBe(first);
  });

  it("adds props with descriptions and a bounded set of reference images", () => {
    const doc = new Y.Doc();
    const id = addRegistryEntry(doc, "prop", "Red umbrella");
    setRegistryDescription(doc, id, "Always half open.");
    addRegistryImage(doc, id, "asset-1");
    addRegistryImage(doc, id, "asset-1");
    addRegistryImage(doc, id, "asset-2");
    removeRegistryImage(doc, id, "asset-1");
    expect(readRegistry(doc)).toEqual([{ id, kind: "prop", name: "Red umbrella", description: "Always half open.", images: ["asset-2"] }]);
    for (let i = 0; i < REGISTRY_LIMITS.images + 5; i++) addRegistryImage(doc, id, `img-${i}`);
    expect(readRegistry(doc)[0]!.images).toHaveLength(REGISTRY_LIMITS.images);
    removeRegistryEntry(doc, id);
    expect(readRegistry(doc)).toEqual([]);
  });

  it("lists entries by kind then name", () => {
    const doc = new Y.Doc();
    addRegistryEntry(doc, "prop", "Umbrella");
    addRegistryEntry(doc, "character", "Ben");
    addRegistryEntry(doc, "character", "Ana");
    addRegistryEntry(doc, "location", "Kitchen");
    expect(readRegistry(doc).map((e) => `${e.kind}:${e.name}`)).toEqual(["character:Ana", "character:Ben", "location:Kitchen", "prop:Umbrella"]);
  });

  it("converges on one entry when two people describe the same character at once", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const id = derivedEntryId("character", "ANA");
    ensureRegistryEntry(one, "character", "ANA");
    setRegistryDescription(one, id, "The cook.");
    ensureRegistryEntry(two, "character", "Ana");
    addRegistryImage(two, id, "asset-9");
    sync(one, two);
    expect(readRegistry(one)).toEqual(readRegistry(two));
    expect(readRegistry(one)).toHaveLength(1);
  });
});
