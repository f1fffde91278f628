import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { DIALECTS } from "./helpers/storage.js";

describe.each(DIALECTS)("an update the server cannot store, on %s", (dialect) => {
  let server: TestServer;
  let writer: CollabClient;
  let watcher: CollabClient;
  let script: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const api = new ApiClient(server.url);
    await api.signup(uniqueEmail("outage"));
    const project = await api.createProject("Outage");
    script = (await api.createEpisode(project.id, "Ep")).documents.script;
    writer = connect(server.url, script, api.token!);
    watcher = connect(server.url, script, api.token!);
    await writer.ready;
    await watcher.ready;
  });
  afterAll(async () => {
    writer.destroy();
    watcher.destroy();
    await server.stop();
  });

  it("is neither acknowledged nor shown to others, and arrives once storage is back", async () => {
    // Fault injection at the storage boundary: every append fails until `healthy` is set again.
    const store = server.services.documents;
    const append = store.append.bind(store);
    let healthy = false;
    store.append = async (name, update) => {
      if (!healthy) throw new Error("disk unavailable");
      return append(name, update);
    };
    let closedWith = 0;
    writer.provider.on("close", ({ event }: { event: { code: number } }) => (closedWith ||= event.code));

    appendBlock(writer.doc, "written during the outage");
    await waitFor(() => closedWith !== 0, "the writer's socket to be closed");
    expect(closedWith).toBe(4503);
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(blockTexts(watcher.doc)).not.toContain("written during the outage");
    expect(blockTexts((await server.services.readDocument(script))!)).not.toContain("written during the outage");

    healthy = true;
    await waitFor(() => writer.provider.isSynced && writer.provider.unsyncedChanges === 0, "the writer to resync", 20_000);
    await waitForAcknowledged(writer);
    await waitFor(() => blockTexts(watcher.doc).includes("written during the outage"), "the edit to reach the watcher");
    store.append = append;
  });
});
