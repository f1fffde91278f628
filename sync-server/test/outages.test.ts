/**
 * Dependency outages: a private PostgreSQL and a private Redis are stopped and restarted while real clients
 * edit through the real server running as a child process. Editing pauses visibly or continues, the server
 * stays up, and service resumes by itself with nothing acknowledged lost.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { startChildServer, type ChildServer } from "./helpers/childServer.js";
import { connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { startPrivatePostgres, startPrivateRedis, type PrivateService } from "./helpers/privateServices.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import type { TestStorage } from "./helpers/storage.js";

async function readyStatus(server: ChildServer): Promise<number> {
  const response = await fetch(`${server.url}/readyz`);
  return response.status;
}

/** What a brand-new server on the same database stores for a document: proves the edits reached PostgreSQL. */
async function storedTexts(storage: TestStorage, name: string, token: string, env: Record<string, string> = {}) {
  const fresh = await startChildServer(storage, env);
  const reader = connect(fresh.url, name, token);
  try {
    await reader.ready;
    return blockTexts(reader.doc);
  } finally {
    reader.destroy();
    await fresh.stop();
  }
}

describe("PostgreSQL stopped and restarted during editing", () => {
  let postgres: PrivateService;
  let storage: TestStorage;
  let server: ChildServer | null = null;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    const dataDir = mkdtempSync(join(tmpdir(), "aiuteur-outage-"));
    storage = { dataDir, databaseUrl: postgres.url, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }, 30_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    await storage?.cleanup();
    await postgres?.cleanup();
  }, 30_000);

  it("pauses editing visibly, keeps the server up, and stores every edit once the database is back", async () => {
    server = await startChildServer(storage);
    const api = new ApiClient(server.url);
    await api.signup(uniqueEmail("pg-outage"));
    const project = await api.createProject("PG outage");
    const script = (await api.createEpisode(project.id, "Ep")).documents.script;
    const writer = connect(server.url, script, api.token!);
    const watcher = connect(server.url, script, api.token!);
    clients.push(writer, watcher);
    await writer.ready;
    await watcher.ready;
    expect(await readyStatus(server)).toBe(200);

    appendBlock(writer.doc, "before the outage");
    await waitForAcknowledged(writer);

    let closedWith = 0;
    writer.provider.on("close", ({ event }: { event: { code: number } }) => (closedWith ||= event.code));
    await postgres.stop();
    appendBlock(writer.doc, "during the outage");
    // Visible to the writer: the socket closes with storageUnavailable and the edit stays unacknowledged.
    await waitFor(() => closedWith !== 0, "the writer to see the outage", 20_000);
    expect(closedWith).toBe(4503);
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(blockTexts(watcher.doc)).not.toContain("during the outage");
    expect(await readyStatus(server)).toBe(503);
    expect(server.process.exitCode).toBeNull();

    await postgres.start();
    // Nobody reconnects by hand: the provider retries and the server's pool reconnects by itself.
    await waitFor(() => writer.provider.isSynced && writer.provider.unsyncedChanges === 0, "the writer to resync", 30_000);
    await waitFor(() => blockTexts(watcher.doc).includes("during the outage"), "the watcher to receive the paused edit", 20_000);
    expect(await readyStatus(server)).toBe(200);

    appendBlock(writer.doc, "after the outage");
    await waitForAcknowledged(writer, 20_000);
    expect(server.process.exitCode).toBeNull();

    await server.stop();
    server = null;
    expect(await storedTexts(storage, script, api.token!)).toEqual(
      expect.arrayContaining(["before the outage", "during the outage", "after the outage"]),
    );
  }, 90_000);
});

describe("Redis stopped and restarted during editing, two instances", () => {
  let postgres: PrivateService;
  let redis: PrivateService;
  let storage: TestStorage;
  const servers: ChildServer[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    redis = await startPrivateRedis();
    const dataDir = mkdtempSync(join(tmpdir(), "aiuteur-outage-"));
    storage = { dataDir, databaseUrl: postgres.url, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }, 30_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.stop();
    await storage?.cleanup();
    await redis?.cleanup();
    await postgres?.cleanup();
  }, 30_000);

  it("keeps editing on each instance, stays up, and once Redis is back relays again and exchanges what it missed", async () => {
    const env = { REDIS_URL: redis.url };
    const first = await startChildServer(storage, env);
    servers.push(first);
    const second = await startChildServer(storage, env);
    servers.push(second);
    const api = new ApiClient(first.url);
    await api.signup(uniqueEmail("redis-outage"));
    const project = await api.createProject("Redis outage");
    const script = (await api.createEpisode(project.id, "Ep")).documents.script;
    const onFirst = connect(first.url, script, api.token!);
    const onSecond = connect(second.url, script, api.token!);
    clients.push(onFirst, onSecond);
    await onFirst.ready;
    await onSecond.ready;

    appendBlock(onFirst.doc, "relayed before");
    await waitFor(() => blockTexts(onSecond.doc).includes("relayed before"), "the relay across instances", 15_000);

    await redis.stop();
    // Redis is only a relay: storage is PostgreSQL, so each instance keeps acknowledging edits.
    appendBlock(onFirst.doc, "during the Redis outage");
    await waitForAcknowledged(onFirst, 15_000);
    expect(onFirst.provider.isSynced).toBe(true);
    expect(first.process.exitCode).toBeNull();
    expect(second.process.exitCode).toBeNull();

    expect(blockTexts(onSecond.doc)).not.toContain("during the Redis outage");
    const reconnects = { first: 0, second: 0 };
    onFirst.provider.on("connect", () => reconnects.first++);
    onSecond.provider.on("connect", () => reconnects.second++);

    await redis.start();
    // What the relay lost during the outage reaches the other instance's client with nobody editing or
    // reconnecting: the instances exchange their state when Redis is back.
    await waitFor(() => blockTexts(onSecond.doc).includes("during the Redis outage"), "the edit made during the outage to cross over", 30_000);
    expect(reconnects).toEqual({ first: 0, second: 0 });
    // And the relay resumes: an edit on the second instance reaches the first one's client.
    appendBlock(onSecond.doc, "relayed after");
    await waitForAcknowledged(onSecond, 15_000);
    await waitFor(() => blockTexts(onFirst.doc).includes("relayed after"), "the relay to resume", 30_000);
    expect(first.process.exitCode).toBeNull();
    expect(second.process.exitCode).toBeNull();

    expect(await storedTexts(storage, script, api.token!)).toEqual(
      expect.arrayContaining(["relayed before", "during the Redis outage", "relayed after"]),
    );
  }, 90_000);
});
