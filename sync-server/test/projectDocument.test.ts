import { describe, expect, it } from "vitest";
import { ensureRegistryEntry, readRegistry, setRegistryDescription } from "@aiuteur/shared";
import { waitFor, waitForAcknowledged } from "./helpers/collab.js";
import { ownerAndWriter, serverForSuite } from "./helpers/fixtures.js";

describe("the project document (the characters, locations and props registry)", () => {
  const suite = serverForSuite();

  it("exists from a project's creation: the owner edits the registry and a writer reads it, read-only", async () => {
    const { owner, writer, project } = await ownerAndWriter(suite.server, "Registry");
    const name = `p/${project.id}/project`;

    const o = suite.connect(name, owner.token!);
    const w = suite.connect(name, writer.token!);
    await o.ready;
    await w.ready;
    expect(o.provider.authorizedScope).toBe("read-write");
    expect(w.provider.authorizedScope).toBe("readonly");

    const entry = ensureRegistryEntry(o.doc, "character", "Ana");
    setRegistryDescription(o.doc, entry.get("id") as string, "The detective.");
    await waitForAcknowledged(o);
    await waitFor(() => readRegistry(w.doc)[0]?.description === "The detective.", "the writer to see the entry");

    ensureRegistryEntry(w.doc, "prop", "Lamp");
    ensureRegistryEntry(o.doc, "prop", "Marker");
    await waitFor(() => readRegistry(w.doc).some((e) => e.name === "Marker"), "the owner's later edit");
    const stored = await suite.server.services.readDocument(name);
    expect(readRegistry(stored!).map((e) => e.name)).not.toContain("Lamp");
  });
});
