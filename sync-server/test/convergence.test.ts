/**
 * Convergence fuzz: N real providers on a real server make seeded random screenplay edits, with offline
 * periods and server restarts on the same storage. At the end every replica, a fresh server's stored
 * document and a fresh client agree, and no marker edit is missing. Across restarts, every marker the
 * server had acknowledged (unsyncedChanges 0 while connected) must already be in storage before the
 * clients come back: acknowledged means durable.
 *
 * Seeds: pinned ones from fixtures/convergence-seeds.json first, then FUZZ_SEED or fresh random ones.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { SceneListItem, ShotInfo } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { connect, replicaState, waitFor, type CollabClient } from "./helpers/collab.js";
import { createPrng, freshSeed } from "./helpers/fuzz/prng.js";
import { insertMarkerBlock, markersIn, randomScratchEdit, screenplayContent } from "./helpers/fuzz/scriptEdits.js";
import { addMarkerStroke, randomShotEdit, shotContent, strokeMarkersIn } from "./helpers/fuzz/shotEdits.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { createStorage, type Dialect, type TestStorage } from "./helpers/storage.js";

const CLIENTS = 3;
const OPERATIONS = 250;
/**
 * Server restarts per run, on both dialects. (This found close() hanging when a client reconnected while the
 * server stopped: its socket, mid-upgrade, kept httpServer.close() waiting. FUZZ_DIALECT=postgres
 * FUZZ_SEED=912912843 reproduced it.)
 */
const RESTARTS = 2;
// Replicas move and erase each other's strokes too (FUZZ_ANY_STROKE=0 keeps each to its own): this found the
// server refusing a whole offline update that moved a stroke erased meanwhile (offlineSketch.test.ts).
const ANY_STROKE = process.env.FUZZ_ANY_STROKE !== "0";

const pinned = (JSON.parse(readFileSync(new URL("./fixtures/convergence-seeds.json", import.meta.url), "utf8")) as { seeds: number[] }).seeds;
const fresh = process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : [freshSeed(), freshSeed()];
// Alternate dialects so every run covers SQLite and PostgreSQL.
// FUZZ_DIALECT replays a seed on the dialect it failed on.
const dialectFor = (i: number): Dialect => (process.env.FUZZ_DIALECT as Dialect | undefined) ?? (i % 2 === 0 ? "sqlite" : "postgres");
const runs = [...pinned, ...fresh].map((seed, i): [number, Dialect] => [seed, dialectFor(i)]);

/** One person's replica: the same Y.Docs for the script and the shot for the whole run, whatever the providers. */
interface Replica {
  docs: Record<DocKey, Y.Doc>;
  clients: Record<DocKey, CollabClient>;
  offline: boolean;
  /** Markers written but not yet seen acknowledged, per document. */
  pending: Record<DocKey, string[]>;
  /** Ids of the sketch strokes this replica drew (see scratchEntries in shotEdits.ts). */
  ownStrokes: Set<string>;
}
type DocKey = "script" | "shot";
const DOC_KEYS: DocKey[] = ["script", "shot"];

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** The provider's socket state, for the failure message only. */
function socketState(client: CollabClient): string {
  const socket = client.provider.configuration.websocketProvider as unknown as { status: string; shouldConnect: boolean };
  return `${socket.status}/${socket.shouldConnect ? "should-connect" : "stopped"}`;
}
/**
 * Brings a provider back online. HocuspocusProviderWebsocket.connect() returns at once while its status is
 * still "connected", which it stays after disconnect() until the socket's close event: a reconnect in that
 * window is silently dropped and the replica stays offline for good (a client-library race, not the
 * server's). So wait for the close first, as a person clicking "go offline" then "online" always does.
 */
async function goOnline(client: CollabClient): Promise<void> {
  await waitFor(() => socketState(client).split("/")[0] !== "connected", "the previous socket to close");
  void client.provider.connect();
}
/**
 * Destroys a provider whose socket may still be connecting (it was reconnecting to a stopped server): ws then
 * emits "WebSocket was closed before the connection was established" on the next tick, after the provider has
 * dropped its listeners, which would be an uncaught error. Expected here, so it gets a listener.
 */
function destroyQuietly(client: CollabClient): void {
  const socket = (client.provider.configuration.websocketProvider as unknown as { webSocket: { addEventListener(type: "error", listener: () => void): void } | null }).webSocket;
  client.provider.destroy();
  socket?.addEventListener("error", () => {});
}
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const vectorOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString("base64");

const contentOf = (key: DocKey, doc: Y.Doc) => (key === "script" ? screenplayContent(doc) : shotContent(doc));
const markersOf = (key: DocKey, doc: Y.Doc, prefix: string) => (key === "script" ? markersIn(doc, prefix) : strokeMarkersIn(doc, prefix));

/** Bounds a step that has no timeout of its own, so a hang fails with the step's name instead of the test's timeout. */
function within<T>(promise: Promise<T>, what: string, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out: ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function fuzz(seed: number, dialect: Dialect): Promise<string> {
  const prng = createPrng(seed);
  const storage: TestStorage = await createStorage(dialect);
  cleanups.push(() => storage.cleanup());
  let server: TestServer = await startTestServer(dialect, { storage });
  cleanups.push(() => server.stop());
  const owner = new ApiClient(server.url);
  const author = (await owner.signup(uniqueEmail("fuzz"), "Fuzz")).user.id;
  const project = await owner.createProject("Fuzz");
  const episode = await owner.createEpisode(project.id, "Ep", "INT. ROOM - DAY\n\nStart.\n");
  const base = `/api/projects/${project.id}/episodes/${episode.id}`;
  const scene = (await owner.request<SceneListItem[]>("GET", `${base}/scenes`)).body[0]!;
  const shot = (await owner.request<ShotInfo[]>("POST", `${base}/scenes/${scene.sceneId}/shots`, {})).body[0]!;
  const names: Record<DocKey, string> = { script: episode.documents.script, shot: shot.documents.shot };
  const token = owner.token!;

  const replicas: Replica[] = [];
  cleanups.push(() => replicas.forEach((replica) => DOC_KEYS.forEach((key) => destroyQuietly(replica.clients[key]))));
  for (let i = 0; i < CLIENTS; i++) {
    const clients = { script: connect(server.url, names.script, token), shot: connect(server.url, names.shot, token) };
    replicas.push({ docs: { script: clients.script.doc, shot: clients.shot.doc }, clients, offline: false, pending: { script: [], shot: [] }, ownStrokes: new Set() });
    for (const key of DOC_KEYS) expect(await clients[key].ready).toEqual({ synced: true });
  }

  const prefix = `M${seed}-`;
  const acknowledged: Record<DocKey, Set<string>> = { script: new Set(), shot: new Set() };
  const written: Record<DocKey, string[]> = { script: [], shot: [] };
  const noteAcknowledgements = () => {
    for (const replica of replicas) {
      for (const key of DOC_KEYS) {
        const { provider } = replica.clients[key];
        if (!replica.offline && provider.isSynced && provider.unsyncedChanges === 0) {
          for (const marker of replica.pending[key].splice(0)) acknowledged[key].add(marker);
        }
      }
    }
  };
  const stats = { edits: 0, markers: 0, offline: 0, restarts: 0, acknowledgedBeforeRestart: 0 };

  for (let step = 0; step < OPERATIONS; step++) {
    const replica = prng.pick(replicas);
    const key = prng.pick(DOC_KEYS);
    const doc = replica.docs[key];
    const roll = prng.next();
    if (roll < 0.25) {
      const marker = `${prefix}${step}`;
      if (key === "script") insertMarkerBlock(doc, prng, marker);
      else addMarkerStroke(doc, prng, marker, author);
      replica.pending[key].push(marker);
      written[key].push(marker);
      stats.markers++;
    } else if (roll < 0.9) {
      if (key === "script") randomScratchEdit(doc, prng);
      else randomShotEdit(doc, prng, author, replica.ownStrokes, ANY_STROKE);
      stats.edits++;
    } else if (roll < 0.98 || stats.restarts >= RESTARTS) {
      // An offline period for this person: edits made meanwhile must merge on reconnect.
      for (const k of DOC_KEYS) {
        if (replica.offline) await goOnline(replica.clients[k]);
        else replica.clients[k].provider.disconnect();
      }
      replica.offline = !replica.offline;
      stats.offline++;
    } else {
      stats.restarts++;
      noteAcknowledgements();
      await within(server.stop(), "stopping the server for a restart");
      server = await within(startTestServer(dialect, { storage }), "restarting the server");
      // Durability: what the old server acknowledged is in storage before any client returns.
      for (const k of DOC_KEYS) {
        const storedMarkers = markersOf(k, (await server.services.readDocument(names[k]))!, prefix);
        const lost = [...acknowledged[k]].filter((marker) => !storedMarkers.has(marker));
        expect(lost, `acknowledged ${k} markers lost across a restart`).toEqual([]);
        stats.acknowledgedBeforeRestart += acknowledged[k].size;
      }
      // The port changed: new providers around the same Y.Docs, which stay the same replicas.
      for (const r of replicas) {
        for (const k of DOC_KEYS) {
          destroyQuietly(r.clients[k]);
          r.clients[k] = connect(server.url, names[k], token, r.docs[k]);
          if (r.offline) r.clients[k].provider.disconnect();
        }
      }
    }
    noteAcknowledgements();
    // Let the network interleave with the next edits; a random pause varies which edits cross on the wire.
    await tick(prng.int(4));
  }

  for (const replica of replicas) {
    if (replica.offline) for (const key of DOC_KEYS) await goOnline(replica.clients[key]);
    replica.offline = false;
  }
  // Converged: every provider connected, synced and with nothing unacknowledged (a client must not show
  // "Saving…" forever: seed 549362812 found shot edits refused while their history was still on the way,
  // and never acknowledged once it arrived; see lateAcknowledgements.ts), and every replica holds the same
  // state vector and delete set.
  const settled = () =>
    DOC_KEYS.every(
      (key) =>
        replicas.every(
          (r) =>
            r.clients[key].provider.isSynced &&
            r.clients[key].provider.unsyncedChanges === 0 &&
            socketState(r.clients[key]).startsWith("connected"),
        ) &&
        new Set(replicas.map((r) => replicaState(r.docs[key]))).size === 1,
    );
  const describeReplicas = () =>
    DOC_KEYS.map((key) =>
      replicas
        .map((r) => `${key}: socket=${socketState(r.clients[key])} synced=${r.clients[key].provider.isSynced} unsynced=${r.clients[key].provider.unsyncedChanges} scope=${r.clients[key].provider.authorizedScope} vector=${vectorOf(r.docs[key])}`)
        .join("\n"),
    ).join("\n");
  await waitFor(settled, "every replica to converge", 20_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${describeReplicas()}`);
  });

  const expected = Object.fromEntries(DOC_KEYS.map((key) => [key, contentOf(key, replicas[0]!.docs[key])])) as Record<DocKey, unknown>;
  for (const key of DOC_KEYS) {
    for (const replica of replicas) expect(contentOf(key, replica.docs[key])).toEqual(expected[key]);
    // No edit lost: every marker ever written, acknowledged or made offline, is in the converged state.
    expect(markersOf(key, replicas[0]!.docs[key], prefix)).toEqual(new Set(written[key]));
  }

  // Storage, through a fresh server on the same storage and through a fresh client.
  await within(server.stop(), "stopping the server at the end");
  server = await within(startTestServer(dialect, { storage }), "starting a fresh server");
  for (const key of DOC_KEYS) {
    expect(contentOf(key, (await server.services.readDocument(names[key]))!)).toEqual(expected[key]);
    const late = connect(server.url, names[key], token);
    cleanups.push(() => late.destroy());
    expect(await within(late.ready, `a fresh client to sync the ${key}`)).toEqual({ synced: true });
    expect(contentOf(key, late.doc)).toEqual(expected[key]);
    expect(vectorOf(late.doc)).toEqual(vectorOf(replicas[0]!.docs[key]));
  }
  return JSON.stringify(stats);
}

describe("convergence fuzz", () => {
  it.each(runs)("seed %i on %s: replicas, storage and every edit agree", async (seed, dialect) => {
    try {
      const started = Date.now();
      const stats = await fuzz(seed, dialect);
      console.log(`convergence seed ${seed} on ${dialect}: ${stats} in ${Date.now() - started} ms`);
    } catch (error) {
      console.error(`convergence failed for seed ${seed} — pin it in test/fixtures/convergence-seeds.json`);
      throw error;
    }
  }, 60_000);
});
