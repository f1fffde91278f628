import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_REFUSALS } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { startChildServer, type ChildServer } from "./helpers/childServer.js";
import { connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { ownerAndWriter } from "./helpers/fixtures.js";
import { startLoadBalancer } from "./helpers/loadBalancer.js";
import { TEST_JWT_SECRET } from "./helpers/render.js";
import { createStorage, TEST_REDIS_URL, type TestStorage } from "./helpers/storage.js";
import { lockDocument, nextSyncStatus, unlockDocument } from "./helpers/locks.js";
import { collabUrl } from "./helpers/collab.js";
import { openRawSocket } from "./helpers/rawSocket.js";
import * as Y from "yjs";
import { readLockMirror } from "@aiuteur/shared";

/** An update appending a block on top of what `base` holds, sent by hand so the refusal can be read. */
function forgedBlock(base: Y.Doc, text: string): Uint8Array {
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(base));
  appendBlock(forged, text);
  return Y.encodeStateAsUpdate(forged, Y.encodeStateVector(base));
}

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

  it("turns a writer connected to the other instance read-only when demoted, and shuts them out when removed", async () => {
    const { owner, writer, writerId, project } = await ownerAndWriter(first, "Roles across instances");
    const { documents } = await owner.createEpisode(project.id, "Ep");
    const onSecond = connect(second.url, documents.script, writer.token!);
    const ownerOnFirst = connect(first.url, documents.script, owner.token!);
    clients.push(onSecond, ownerOnFirst);
    expect(await onSecond.ready).toEqual({ synced: true });
    expect(await ownerOnFirst.ready).toEqual({ synced: true });
    expect(onSecond.provider.authorizedScope).toBe("read-write");

    // The role change is made through the first instance; the writer's socket is on the second.
    expect((await owner.request("PATCH", `/api/projects/${project.id}/members/${writerId}`, { role: "viewer" })).status).toBe(200);
    await waitFor(() => onSecond.provider.authorizedScope === "readonly", "the demoted writer on the other instance to reconnect read-only");
    appendBlock(onSecond.doc, "typed after the demotion");
    appendBlock(ownerOnFirst.doc, "the owner's line");
    await waitFor(() => blockTexts(onSecond.doc).includes("the owner's line"), "the owner's edit to reach the viewer");
    expect(blockTexts(ownerOnFirst.doc)).not.toContain("typed after the demotion");

    let refusal = "";
    onSecond.provider.on("authenticationFailed", ({ reason }: { reason: string }) => (refusal = reason));
    expect((await owner.request("DELETE", `/api/projects/${project.id}/members/${writerId}`)).status).toBe(200);
    await waitFor(() => refusal === AUTH_REFUSALS.notMember, "the removed member on the other instance to be refused");
  });

  it("turns the other instance's connections read-only on a lock, and an unlock there gives write back", async () => {
    const { owner, writer, project } = await ownerAndWriter(first, "Lock across instances");
    const { documents } = await owner.createEpisode(project.id, "Ep");
    const script = documents.script;
    const ownerOnFirst = connect(first.url, script, owner.token!);
    const writerOnSecond = connect(second.url, script, writer.token!);
    clients.push(ownerOnFirst, writerOnSecond);
    expect(await ownerOnFirst.ready).toEqual({ synced: true });
    expect(await writerOnSecond.ready).toEqual({ synced: true });
    const raw = await openRawSocket(collabUrl(second.url));
    expect(await raw.authenticate(script, writer.token!)).toBe("read-write");

    // Locked through the first instance's REST API: the second instance's connections turn read-only.
    expect((await lockDocument(owner, project.id, script)).status).toBe(201);
    await waitFor(() => readLockMirror(writerOnSecond.doc, "main").status === "locked", "the lock to show on the second instance");
    const onSecond = () => second.hocuspocus.documents.get(script)?.getConnections() ?? [];
    await waitFor(() => onSecond().length === 2 && onSecond().every((connection) => connection.readOnly), "the second instance to flip its connections");
    const refused = nextSyncStatus(raw);
    raw.sendUpdate(script, forgedBlock(writerOnSecond.doc, "sent on the second instance while locked"));
    expect(await refused).toBe(false);

    // Unlocked through the second instance's REST API: the first instance's connections write again.
    expect((await unlockDocument(new ApiClient(second.url, owner.token), project.id, script)).status).toBe(200);
    await waitFor(() => readLockMirror(ownerOnFirst.doc, "main").status === "unlocked", "the unlock to reach the first instance");
    const onFirst = () => first.hocuspocus.documents.get(script)?.getConnections() ?? [];
    await waitFor(() => onFirst().length > 0 && onFirst().every((connection) => !connection.readOnly), "the first instance to give write back");
    appendBlock(ownerOnFirst.doc, "written on the first instance after the unlock");
    await waitFor(() => blockTexts(writerOnSecond.doc).includes("written on the first instance after the unlock"), "the edit to cross instances");
    expect(blockTexts(writerOnSecond.doc)).not.toContain("sent on the second instance while locked");
    raw.socket.close();
  });
});

describe("two sync-server processes behind a load balancer, one killed mid-editing", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("moves the killed instance's clients to the other, losing nothing acknowledged and nothing typed meanwhile", async () => {
    const storage = await createStorage("postgres");
    cleanups.push(() => storage.cleanup());
    const env = { REDIS_URL: TEST_REDIS_URL, JWT_SECRET: TEST_JWT_SECRET };
    const first: ChildServer = await startChildServer(storage, env);
    cleanups.push(() => first.stop());
    const second: ChildServer = await startChildServer(storage, env);
    cleanups.push(() => second.stop());
    const balancer = await startLoadBalancer([first.url, second.url]);
    cleanups.push(() => balancer.close());

    const api = new ApiClient(balancer.url);
    await api.signup(uniqueEmail("failover"));
    const project = await api.createProject("Failover");
    const { documents } = await api.createEpisode(project.id, "Ep");

    // Four writers through the balancer: turn by turn, two land on each instance.
    const writers = Array.from({ length: 4 }, () => connect(balancer.url, documents.script, api.token!));
    cleanups.push(() => writers.forEach((writer) => writer.destroy()));
    for (const writer of writers) expect(await writer.ready).toEqual({ synced: true });
    expect(balancer.connectionsTo(first.url)).toBeGreaterThan(0);
    expect(balancer.connectionsTo(second.url)).toBeGreaterThan(0);

    // Each writer streams numbered lines. A first stretch is waited on until the server has acknowledged
    // it (stored in PostgreSQL); a second is still in flight when the instance dies.
    const sent = writers.map(() => 0);
    const type = async (milliseconds: number) => {
      const until = Date.now() + milliseconds;
      while (Date.now() < until) {
        writers.forEach((writer, w) => appendBlock(writer.doc, `writer ${w} line ${sent[w]!++}`));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await type(800);
    for (const writer of writers) await waitForAcknowledged(writer);
    const acknowledgedAtKill = [...sent];
    await type(300);
    await first.kill9();
    const killedAt = Date.now();
    // Typing goes on while the first instance's clients find the second.
    await type(1000);
    await waitFor(() => writers.every((writer) => writer.provider.isSynced && writer.provider.unsyncedChanges === 0), "every writer to be synced again", 20_000);
    const movedAfterMs = Date.now() - killedAt;
    expect(balancer.connectionsTo(first.url)).toBe(0);

    const everyLine = writers.flatMap((_, w) => Array.from({ length: sent[w]! }, (_, i) => `writer ${w} line ${i}`)).sort();
    await waitFor(() => writers.every((writer) => blockTexts(writer.doc).length === everyLine.length), "every replica to hold every line", 20_000);
    for (const writer of writers) expect([...blockTexts(writer.doc)].sort()).toEqual(everyLine);
    const acknowledgedLines = writers.flatMap((_, w) => Array.from({ length: acknowledgedAtKill[w]! }, (_, i) => `writer ${w} line ${i}`));
    expect(acknowledgedLines.length).toBeGreaterThan(40);

    // Storage holds every line, read by a fresh instance that never served this document.
    const reader = await startChildServer(storage, env);
    cleanups.push(() => reader.stop());
    const check = connect(reader.url, documents.script, api.token!);
    cleanups.push(() => check.destroy());
    expect(await check.ready).toEqual({ synced: true });
    expect([...blockTexts(check.doc)].sort()).toEqual(everyLine);
    expect(acknowledgedLines.every((line) => blockTexts(check.doc).includes(line))).toBe(true);
    console.info(`failover: clients synced on the surviving instance ${movedAfterMs} ms after the kill`);
  });
});
