import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { createStorage, TEST_REDIS_URL, type TestStorage } from "./helpers/storage.js";



describe("two sync-server instances on PostgreSQL and Redis", () => {
  let storage: TestStorage;
  let first: TestServer;
  let second: TestServer;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    storage = await createStorage("postgres");
    first = await startTestServer("postgres", { storage, redisUrl: TEST_REDIS_URL });
    second = await startTestServer("postgres", { storage, redisUrl: TEST_REDIS_URL });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await first.stop();
    await second.stop();
    await storage.cleanup();
  });

  it("serves one room from both: edits and presence cross instances, and storage holds them all", async () => {
    const api = new ApiClient(first.url);
    await api.signup(uniqueEmail("scale"));
    const project = await api.createProject("Scale");
    const { documents } = await api.createEpisode(project.id, "Ep");
    // The second instance accepts the token the first issued (same JWT secret), as behind a load balancer.
    expect((await new ApiClient(second.url, api.token).request("GET", "/api/me")).status).toBe(200);

    const a = connect(first.url, documents.script, api.token!);
    const b = connect(second.url, documents.script, api.token!);
    clients.push(a, b);
    expect(await a.ready).toEqual({ synced: true });
    expect(await b.ready).toEqual({ synced: true });

    a.provider.setAwarenessField("user", { name: "On first" });
    await waitFor(
      () => [...b.provider.awareness!.getStates().values()].some((s) => (s.user as { name?: string })?.name === "On first"),
      "presence from the other instance",
    );

    for (let i = 0; i < 10; i++) {
      appendBlock(a.doc, `first ${i}`);
      appendBlock(b.doc, `second ${i}`);
    }
    await waitFor(() => blockTexts(a.doc).length === 20 && blockTexts(b.doc).length === 20, "both replicas to hold 20 blocks");
    expect(blockTexts(a.doc)).toEqual(blockTexts(b.doc));
    await waitForAcknowledged(a);
    await waitForAcknowledged(b);

    const fresh = await startTestServer("postgres", { storage });
    try {
      const stored = await fresh.services.readDocument(documents.script);
      expect(blockTexts(stored!).sort()).toEqual(blockTexts(a.doc).sort());
    } finally {
      await fresh.stop();
    }
  });
});
