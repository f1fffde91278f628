import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { CLOSE_CODES } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { collabUrl, connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { openRawSocket, type RawSocket } from "./helpers/rawSocket.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const MESSAGE_AWARENESS = 1;

function awarenessFrame(name: string, awareness: Awareness): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
  return encoding.toUint8Array(encoder);
}

describe("per-account connections, presence floods and message size are configurable limits", () => {
  let server: TestServer;
  let api: ApiClient;
  let scripts: string[];
  let projectId: string;
  const sockets: RawSocket[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    server = await startTestServer("sqlite", {
      env: {
        MAX_CONNECTIONS_PER_USER: "3",
        AWARENESS_BURST: "20",
        AWARENESS_MESSAGES_PER_SECOND: "10",
        AWARENESS_ACCOUNT_BURST: "30",
        AWARENESS_ACCOUNT_MESSAGES_PER_SECOND: "1",
        MAX_MESSAGE_BYTES: "65536",
      },
    });
    api = new ApiClient(server.url);
    await api.signup(uniqueEmail("budget"));
    const project = await api.createProject("Budget");
    projectId = project.id;
    scripts = [];
    for (const title of ["One", "Two", "Three", "Four"]) scripts.push((await api.createEpisode(project.id, title)).documents.script);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.socket.terminate();
    for (const client of clients) client.destroy();
    await server.stop();
  });

  const raw = async () => {
    const socket = await openRawSocket(collabUrl(server.url));
    sockets.push(socket);
    return socket;
  };

  /**
   * The account holds at most 3 connections and earlier steps close theirs: the server counts a closed
   * connection out when Hocuspocus has removed it, a moment after the socket closes, so a refusal for the
   * limit is retried briefly; any other answer is returned at once.
   */
  const authenticateOnceFree = async (socket: RawSocket, name: string): Promise<string> => {
    const refused = `denied:${CLOSE_CODES.tooManyUserConnections.reason}`;
    for (let attempt = 0; ; attempt++) {
      const scope = await socket.authenticate(name, api.token!);
      if (scope !== refused || attempt === 30) return scope;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it("refuses an account its fourth document connection, leaves other accounts alone, and frees the slot on close", async () => {
    const held: RawSocket[] = [];
    for (const script of scripts.slice(0, 3)) {
      const socket = await raw();
      expect(await socket.authenticate(script, api.token!)).toBe("read-write");
      held.push(socket);
    }
    const extra = await raw();
    expect(await extra.authenticate(scripts[3]!, api.token!)).toBe(`denied:${CLOSE_CODES.tooManyUserConnections.reason}`);

    // Another member of the project is not affected by the first account's connections.
    const other = new ApiClient(server.url);
    await other.signup(uniqueEmail("budget-other"));
    const project = await other.createProject("Other");
    const theirs = (await other.createEpisode(project.id, "Theirs")).documents.script;
    const theirClient = connect(server.url, theirs, other.token!);
    clients.push(theirClient);
    expect(await theirClient.ready).toEqual({ synced: true });

    held[0]!.socket.close();
    await held[0]!.closed;
    const again = await raw();
    expect(await authenticateOnceFree(again, scripts[3]!)).toBe("read-write");
    for (const socket of [...held.slice(1), again]) socket.socket.close();
    await Promise.all([...held.slice(1), again].map((socket) => socket.closed));
  });

  it("drops a presence flood and then closes the flooding socket, while a writer on the same script carries on", async () => {
    const script = scripts[0]!;
    const writer = connect(server.url, script, api.token!);
    clients.push(writer);
    await waitFor(() => writer.provider.isSynced, "the writer to sync", 15_000);

    let received = 0;
    writer.provider.awareness!.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
      received += added.length + updated.length;
    });
    const flooder = await raw();
    expect(await authenticateOnceFree(flooder, script)).toBe("read-write");
    const awareness = new Awareness(new Y.Doc());
    for (let i = 0; i < 200 && flooder.socket.readyState === flooder.socket.OPEN; i++) {
      awareness.setLocalStateField("cursor", { i });
      flooder.send(awarenessFrame(script, awareness));
    }
    expect((await flooder.closed).code).toBe(CLOSE_CODES.awarenessFlood.code);
    // At most the burst (plus the flooder's removal when it left) reached the writer: the rest was dropped.
    expect(received).toBeLessThanOrEqual(22);

    appendBlock(writer.doc, "after the flood");
    await waitForAcknowledged(writer);
    expect(blockTexts((await server.services.readDocument(script))!)).toContain("after the flood");
  });

  it("gives an account's sockets one presence budget, so reconnecting after a flood close buys no new burst", async () => {
    const script = scripts[2]!;
    // Not kept in `clients`: the account may hold 3 connections, and the next test needs two.
    const watcher = connect(server.url, script, api.token!);
    await waitFor(() => watcher.provider.isSynced, "the watcher to sync", 15_000);

    const member = new ApiClient(server.url);
    const email = uniqueEmail("budget-member");
    await member.signup(email);
    await api.addMember(projectId, email, "writer");
    const flooderIds = new Set<number>();
    let received = 0;
    watcher.provider.awareness!.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
      received += [...added, ...updated].filter((id) => flooderIds.has(id)).length;
    });

    const started = performance.now();
    // Three sockets one after another, each flooding until the server closes it for the flood: each
    // socket's own budget passes 20, so without an account budget 60 would reach the watcher.
    for (let socketIndex = 0; socketIndex < 3; socketIndex++) {
      const flooder = await openRawSocket(collabUrl(server.url));
      sockets.push(flooder);
      expect(await flooder.authenticate(script, member.token!)).toBe("read-write");
      const awareness = new Awareness(new Y.Doc());
      flooderIds.add(awareness.clientID);
      // Paced a little, so the server relays each message on its own rather than a whole burst in one go.
      for (let i = 0; i < 60 && flooder.socket.readyState === flooder.socket.OPEN; i++) {
        awareness.setLocalStateField("cursor", { socketIndex, i });
        flooder.send(awarenessFrame(script, awareness));
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      expect((await flooder.closed).code).toBe(CLOSE_CODES.awarenessFlood.code);
    }
    // Let whatever was relayed arrive, then compare with the account's budget: a burst of 30 plus 1 a second.
    const elapsedSeconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toBeGreaterThanOrEqual(20);
    expect(received).toBeLessThanOrEqual(30 + Math.ceil(elapsedSeconds) + 1);

    // Only the flooding account is limited: another account's caret still reaches the flooder's account.
    const colleague = connect(server.url, script, member.token!);
    clients.push(colleague);
    await waitFor(() => colleague.provider.isSynced, "the colleague to sync", 15_000);
    watcher.provider.setAwarenessField("cursor", { after: "the flood" });
    await waitFor(
      () => colleague.provider.awareness!.getStates().get(watcher.doc.clientID)?.cursor?.after === "the flood",
      "the other account's caret to reach the flooder's account",
    );
    watcher.destroy();
  });

  it("closes a socket whose message exceeds MAX_MESSAGE_BYTES and accepts one below it", async () => {
    const script = scripts[1]!;
    const writer = connect(server.url, script, api.token!);
    clients.push(writer);
    await waitFor(() => writer.provider.isSynced, "the writer to sync", 15_000);
    appendBlock(writer.doc, "y".repeat(30_000));
    await waitForAcknowledged(writer);

    const sender = await raw();
    expect(await authenticateOnceFree(sender, script)).toBe("read-write");
    const big = new Y.Doc();
    appendBlock(big, "z".repeat(100_000));
    sender.sendUpdate(script, Y.encodeStateAsUpdate(big));
    expect((await sender.closed).code).toBe(CLOSE_CODES.messageTooLarge.code);
    const stored = blockTexts((await server.services.readDocument(script))!);
    expect(stored).toContain("y".repeat(30_000));
    expect(stored.some((text) => text.startsWith("zzz"))).toBe(false);
  });
});
