import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ensureRegistryEntry, readRegistry, setRegistryDescription } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

describe("the project document (the characters, locations and props registry)", () => {
  let server: TestServer;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it("exists from a project's creation: the owner edits the registry and a writer reads it, read-only", async () => {
    const owner = new ApiClient(server.url);
    await owner.signup(uniqueEmail("owner"));
    const project = await owner.createProject("Registry");
    const writerEmail = uniqueEmail("writer");
    const writer = new ApiClient(server.url);
    await writer.signup(writerEmail);
    await owner.addMember(project.id, writerEmail, "writer");
    const name = `p/${project.id}/project`;

    const o = connect(server.url, name, owner.token!, new Y.Doc());
    const w = connect(server.url, name, writer.token!, new Y.Doc());
    clients.push(o, w);
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
    const stored = await server.services.readDocument(name);
    expect(readRegistry(stored!).map((e) => e.name)).not.toContain("Lamp");
  });
});
