/**
 * Hostile clients: what a broken or malicious client can send, and proof that each gets a typed close or a
 * refusal while the server stays up and other users' documents keep syncing. (Presence floods and the
 * per-account connection budget at small limits: connectionBudget.test.ts. Updates on read-only and locked
 * connections: collab.test.ts and locks.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { AUTH_REFUSALS, CLOSE_CODES } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { collabUrl, connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { openRawSocket, type RawSocket } from "./helpers/rawSocket.js";
import { createPrng } from "./helpers/fuzz/prng.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const MESSAGE_SYNC = 0;
const SYNC_UPDATE = 2;

function syncFrame(name: string, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

const TYPED_CLOSES = new Set<number>([CLOSE_CODES.malformedMessage.code, CLOSE_CODES.malformedUpdate.code, CLOSE_CODES.messageTooLarge.code]);
const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));

describe("hostile clients", () => {
  let server: TestServer;
  let attacker: ApiClient;
  let attackerScript: string;
  let victimScript: string;
  let victimWriter: CollabClient;
  let victimWatcher: CollabClient;
  let roundTrips = 0;

  /** A victim edit made on one client reaches another, and the server stores it. */
  const victimRoundTrip = async (label: string) => {
    const text = `victim ${label} ${roundTrips++}`;
    appendBlock(victimWriter.doc, text);
    await waitFor(() => blockTexts(victimWatcher.doc).includes(text), `the victim's edit "${text}" to reach the other client`);
    await waitForAcknowledged(victimWriter);
  };

  beforeAll(async () => {
    // Per account 150 connections, below the per-document 200, so the account limit is what a flood meets.
    server = await startTestServer("sqlite", { env: { MAX_CONNECTIONS_PER_USER: "150" } });
    attacker = new ApiClient(server.url);
    await attacker.signup(uniqueEmail("attacker"));
    const own = await attacker.createProject("Attacker's own");
    attackerScript = (await attacker.createEpisode(own.id, "Own")).documents.script;
    const seedContent = connect(server.url, attackerScript, attacker.token!);
    await seedContent.ready;
    appendBlock(seedContent.doc, "the attacker's own first line");
    await waitForAcknowledged(seedContent);
    seedContent.destroy();

    const victim = new ApiClient(server.url);
    await victim.signup(uniqueEmail("victim"));
    const project = await victim.createProject("Victim");
    victimScript = (await victim.createEpisode(project.id, "Victim")).documents.script;
    victimWriter = connect(server.url, victimScript, victim.token!);
    victimWatcher = connect(server.url, victimScript, victim.token!);
    expect(await victimWriter.ready).toEqual({ synced: true });
    expect(await victimWatcher.ready).toEqual({ synced: true });
  });
  afterAll(async () => {
    victimWriter?.destroy();
    victimWatcher?.destroy();
    await server?.stop();
  });

  it(`closes every malformed frame with a typed code and harms nothing (seed ${SEED})`, async () => {
    const random = createPrng(SEED).next;
    const bytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(random() * 256));
    const validUpdate = () => {
      const doc = new Y.Doc();
      appendBlock(doc, `hostile ${Math.floor(random() * 1e6)}`);
      return Y.encodeStateAsUpdate(doc);
    };
    const frames: { kind: string; make(): Uint8Array }[] = [
      { kind: "random bytes", make: () => bytes(1 + Math.floor(random() * 300)) },
      { kind: "empty frame", make: () => new Uint8Array() },
      {
        kind: "truncated update",
        make: () => {
          const frame = syncFrame(attackerScript, validUpdate());
          return frame.slice(0, 1 + Math.floor(random() * (frame.length - 1)));
        },
      },
      { kind: "garbage update in a valid envelope", make: () => syncFrame(attackerScript, bytes(2 + Math.floor(random() * 60))) },
      {
        kind: "unknown message type",
        make: () => {
          const encoder = encoding.createEncoder();
          encoding.writeVarString(encoder, attackerScript);
          encoding.writeVarUint(encoder, 11 + Math.floor(random() * 1000));
          return encoding.toUint8Array(encoder);
        },
      },
    ];

    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) {
      const { kind, make } = frames[Math.floor(random() * frames.length)]!;
      const raw = await openRawSocket(collabUrl(server.url));
      // Half the attacks come from an authenticated writer of the document, half from a stranger socket.
      if (random() < 0.5) expect(await raw.authenticate(attackerScript, attacker.token!)).toBe("read-write");
      raw.send(make());
      const closed = await Promise.race([raw.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000))]);
      raw.socket.terminate();
      // A garbage update can happen to decode as a valid (if meaningless) Yjs update: then it is simply
      // applied like any edit, and the socket stays open. Anything else must be closed with a typed code.
      if (closed === null) {
        outcomes.push(`${kind}: open`);
        expect(kind, `seed ${SEED}: frame ${i} (${kind}) left the socket open`).toBe("garbage update in a valid envelope");
      } else {
        outcomes.push(`${kind}: ${closed.code}`);
        expect(TYPED_CLOSES.has(closed.code), `seed ${SEED}: frame ${i} (${kind}) closed with ${closed.code} ${closed.reason}`).toBe(true);
      }
      if (i % 20 === 19) await victimRoundTrip(`after ${i + 1} hostile frames`);
    }
    expect(outcomes.some((outcome) => outcome.endsWith(`${CLOSE_CODES.malformedMessage.code}`))).toBe(true);

    // The attacked document still opens for its owner, with its content.
    const owner = connect(server.url, attackerScript, attacker.token!);
    try {
      expect(await owner.ready).toEqual({ synced: true });
      expect(blockTexts(owner.doc)).toContain("the attacker's own first line");
    } finally {
      owner.destroy();
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("never applies a valid update for a document the socket may not open", async () => {
    const raw = await openRawSocket(collabUrl(server.url));
    expect(await raw.authenticate(attackerScript, attacker.token!)).toBe("read-write");
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(victimWatcher.doc));
    appendBlock(forged, "forged into someone else's script");
    // Sent without authenticating for the victim's document, then after being refused it.
    raw.sendUpdate(victimScript, Y.encodeStateAsUpdate(forged, Y.encodeStateVector(victimWatcher.doc)));
    expect(await raw.authenticate(victimScript, attacker.token!)).toBe(`denied:${AUTH_REFUSALS.notMember}`);
    raw.sendUpdate(victimScript, Y.encodeStateAsUpdate(forged, Y.encodeStateVector(victimWatcher.doc)));

    await victimRoundTrip("after the forged update");
    expect(blockTexts(victimWatcher.doc)).not.toContain("forged into someone else's script");
    expect(blockTexts((await server.services.readDocument(victimScript))!)).not.toContain("forged into someone else's script");
    raw.socket.terminate();
  });

  it("refuses one token's thousand-and-first connections with a typed reason while others keep editing", async () => {
    const sockets: RawSocket[] = [];
    try {
      const answers: string[] = [];
      // 1,000 sockets from one token, opened 100 at a time, each asking for the same document.
      for (let batch = 0; batch < 10; batch++) {
        const opened = await Promise.all(Array.from({ length: 100 }, () => openRawSocket(collabUrl(server.url))));
        sockets.push(...opened);
        answers.push(...(await Promise.all(opened.map((socket) => socket.authenticate(attackerScript, attacker.token!)))));
        if (batch === 4) await victimRoundTrip("during the connection flood");
      }
      const accepted = answers.filter((answer) => answer === "read-write").length;
      const refused = answers.filter((answer) => answer === `denied:${CLOSE_CODES.tooManyUserConnections.reason}`).length;
      expect(accepted).toBe(150);
      expect(refused).toBe(answers.length - 150);
      await victimRoundTrip("with the flood still connected");
    } finally {
      for (const socket of sockets) socket.socket.terminate();
    }
    // Once the flood has gone, the account can open its document again.
    const back = connect(server.url, attackerScript, attacker.token!);
    try {
      await waitFor(() => back.provider.isSynced, "the account to connect again after its sockets closed", 15_000);
    } finally {
      back.destroy();
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
