import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE_CODES } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { collabUrl, connect, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { openRawSocket } from "./helpers/rawSocket.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

describe("explicit limits", () => {
  let server: TestServer;
  let api: ApiClient;
  let first: string;
  let second: string;
  const clients: CollabClient[] = [];
  const open = (name: string) => {
    const client = connect(server.url, name, api.token!);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer("sqlite", { env: { MAX_CONNECTIONS_PER_DOCUMENT: "2", MAX_DOCUMENT_BYTES: "16384" } });
    api = new ApiClient(server.url);
    await api.signup(uniqueEmail("limits"));
    const project = await api.createProject("Limits");
    first = (await api.createEpisode(project.id, "One")).documents.script;
    second = (await api.createEpisode(project.id, "Two")).documents.script;
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it("refuses one connection too many to a document, and other documents still open", async () => {
    expect(await open(first).ready).toEqual({ synced: true });
    expect(await open(first).ready).toEqual({ synced: true });
    expect(await open(first).ready).toEqual({ synced: false, reason: CLOSE_CODES.tooManyConnections.reason });
    expect(await open(second).ready).toEqual({ synced: true });
  });

  it("closes a connection whose update would grow a document past its limit, storing none of it", async () => {
    const raw = await openRawSocket(collabUrl(server.url));
    expect(await raw.authenticate(second, api.token!)).toBe("read-write");
    const current = (await server.services.readDocument(second))!;
    const big = new Y.Doc();
    Y.applyUpdate(big, Y.encodeStateAsUpdate(current));
    appendBlock(big, "x".repeat(20_000));
    raw.sendUpdate(second, Y.encodeStateAsUpdate(big, Y.encodeStateVector(current)));
    expect((await raw.closed).code).toBe(CLOSE_CODES.documentTooLarge.code);

    const writer = clients.at(-1)!;
    appendBlock(writer.doc, "a normal line");
    await waitForAcknowledged(writer);
    const stored = blockTexts((await server.services.readDocument(second))!);
    expect(stored).toContain("a normal line");
    expect(stored.some((text) => text.length >= 20_000)).toBe(false);
  });
});
