/**
 * Real concurrent histories (editing-traces friendsforever: 2 agents, clownschool: 3 agents) through real
 * clients and a real server. Each agent's replica produces the updates it really would have sent (see
 * concurrentReplay.ts); they travel through one HocuspocusProvider per agent in batches, with every agent in
 * turn going offline for a batch. At the end every replica, the stored document and a fresh client agree.
 *
 * What is asserted about endContent: Yjs orders concurrent inserts at one position by client id, so the merged
 * text depends on the ids. With agent n writing as client n + 1 (concurrentReplay.ts), the local replay of
 * every transaction (each made on exactly its parents' document) yields the trace's endContent byte for byte
 * for both traces; with random ids friendsforever came out different on one run (concurrent
 * runs in another order). So the test asserts local replay = endContent, then networked replicas, storage
 * and a fresh client = that text.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { connect, replicaState, waitFor, type CollabClient } from "./helpers/collab.js";
import { replayLocally, traceText } from "./helpers/fuzz/concurrentReplay.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { createStorage, type Dialect } from "./helpers/storage.js";
import { loadConcurrentTrace } from "./helpers/traces.js";

/** Transactions per batch pushed through the clients; one agent is offline during each batch. */
const BATCH = 1500;

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

const vectorOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString("base64");
const socketStatus = (client: CollabClient) => (client.provider.configuration.websocketProvider as unknown as { status: string }).status;

/** See goOnline in convergence.test.ts: a reconnect before the old socket's close event is dropped. */
async function goOnline(client: CollabClient): Promise<void> {
  await waitFor(() => socketStatus(client) !== "connected", "the previous socket to close");
  void client.provider.connect();
}

async function replayThroughServer(name: "friendsforever" | "clownschool", dialect: Dialect): Promise<string> {
  const started = Date.now();
  const trace = loadConcurrentTrace(name);
  const replay = replayLocally(trace);
  const replayedMs = Date.now() - started;
  expect(replay.mergesBeforeEdit, "the trace has concurrent work to merge").toBeGreaterThan(100);
  const expected = replay.mergedText;
  expect(expected).toBe(trace.endContent);

  const storage = await createStorage(dialect);
  cleanups.push(() => storage.cleanup());
  let server: TestServer = await startTestServer(dialect, { storage });
  cleanups.push(() => server.stop());
  const owner = new ApiClient(server.url);
  await owner.signup(uniqueEmail("trace"), "Trace");
  const project = await owner.createProject(name);
  const episode = await owner.createEpisode(project.id, "Ep", "INT. ROOM - DAY\n\nStart.\n");
  const documentName = episode.documents.script;
  const token = owner.token!;

  const agents = Array.from({ length: trace.numAgents }, () => connect(server.url, documentName, token));
  cleanups.push(() => agents.forEach((agent) => agent.destroy()));
  for (const agent of agents) expect(await agent.ready).toEqual({ synced: true });
  Y.applyUpdate(agents[0]!.doc, replay.base);

  let batches = 0;
  for (let from = 0; from < trace.txns.length; from += BATCH, batches++) {
    // One agent works offline through this batch; its edits and everyone else's meet when it returns.
    const offline = agents[batches % agents.length]!;
    offline.provider.disconnect();
    const own: Uint8Array[][] = agents.map(() => []);
    for (let i = from; i < Math.min(from + BATCH, trace.txns.length); i++) own[trace.txns[i]!.agent]!.push(replay.updates[i]!);
    agents.forEach((agent, index) => {
      if (own[index]!.length > 0) Y.applyUpdate(agent.doc, Y.mergeUpdates(own[index]!));
    });
    await goOnline(offline);
    await waitFor(() => agents.every((agent) => agent.provider.isSynced && agent.provider.unsyncedChanges === 0), `batch ${batches} to be acknowledged`, 20_000);
  }

  await waitFor(
    () => new Set(agents.map((agent) => replicaState(agent.doc))).size === 1,
    "every agent's replica to converge",
    20_000,
  );
  for (const agent of agents) expect(traceText(agent.doc).toString()).toBe(expected);

  await server.stop();
  server = await startTestServer(dialect, { storage });
  const stored = (await server.services.readDocument(documentName))!;
  expect(traceText(stored).toString()).toBe(expected);
  expect(vectorOf(stored)).toBe(vectorOf(agents[0]!.doc));
  const late = connect(server.url, documentName, token);
  cleanups.push(() => late.destroy());
  expect(await late.ready).toEqual({ synced: true });
  expect(traceText(late.doc).toString()).toBe(expected);
  return `${trace.txns.length} txns, ${trace.numAgents} agents, ${replay.mergesBeforeEdit} merges before an edit, ${batches} batches, local replay ${replayedMs} ms, total ${Date.now() - started} ms`;
}

describe("real concurrent editing traces through real clients", () => {
  it.each([
    ["friendsforever", "sqlite"],
    ["clownschool", "postgres"],
  ] as const)("%s on %s: replicas, storage and endContent agree", async (name, dialect) => {
    console.log(`trace ${name} on ${dialect}: ${await replayThroughServer(name, dialect)}`);
  }, 90_000);
});
