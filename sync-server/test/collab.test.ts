import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AUTH_REFUSALS, CLOSE_CODES, LIMITS } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { collabUrl, connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { openRawSocket } from "./helpers/rawSocket.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { DIALECTS } from "./helpers/storage.js";



describe.each(DIALECTS)("live collaboration on %s", (dialect) => {
  let server: TestServer;
  let owner: ApiClient;
  let writer: ApiClient;
  let reviewer: ApiClient;
  let stranger: ApiClient;
  let script: string;
  const clients: CollabClient[] = [];
  const open = (token: string, name = script) => {
    const client = connect(server.url, name, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    owner = new ApiClient(server.url);
    await owner.signup(uniqueEmail("owner"), "Owner");
    const project = await owner.createProject("Live");
    const people: Record<string, ApiClient> = {};
    for (const role of ["writer", "reviewer"] as const) {
      const email = uniqueEmail(role);
      people[role] = new ApiClient(server.url);
      await people[role].signup(email, role);
      await owner.addMember(project.id, email, role);
    }
    writer = people.writer as ApiClient;
    reviewer = people.reviewer as ApiClient;
    stranger = new ApiClient(server.url);
    await stranger.signup(uniqueEmail("stranger"));
    script = (await owner.createEpisode(project.id, "Ep 1", "INT. HOUSE - DAY\n\nA door opens.\n")).documents.script;
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it("two writers converge on the same screenplay, including concurrent edits", async () => {
    const a = open(owner.token!);
    const b = open(writer.token!);
    expect(await a.ready).toEqual({ synced: true });
    expect(await b.ready).toEqual({ synced: true });
    expect(blockTexts(b.doc)).toEqual(["INT. HOUSE - DAY", "A door opens."]);
    for (let i = 0; i < 20; i++) {
      appendBlock(a.doc, `a${i}`);
      appendBlock(b.doc, `b${i}`);
    }
    await waitFor(() => blockTexts(a.doc).length === 42 && blockTexts(b.doc).length === 42, "both replicas to hold all 42 blocks");
    expect(blockTexts(a.doc)).toEqual(blockTexts(b.doc));
    await waitForAcknowledged(a);
    await waitForAcknowledged(b);
    const stored = await server.services.readDocument(script);
    expect(blockTexts(stored!)).toEqual(blockTexts(a.doc));
  });

  it("gives a reviewer a read-only connection whose updates are not applied, stored or broadcast", async () => {
    const watcher = open(owner.token!);
    await watcher.ready;
    const before = blockTexts(watcher.doc);
    const logBefore = await server.services.db.query("SELECT id FROM document_updates");

    // Through the real provider: the edit stays local.
    const rev = open(reviewer.token!);
    expect(await rev.ready).toEqual({ synced: true });
    expect(rev.provider.authorizedScope).toBe("readonly");
    appendBlock(rev.doc, "reviewer was here");

    // And by hand: a crafted update message straight onto the socket.
    const raw = await openRawSocket(collabUrl(server.url));
    expect(await raw.authenticate(script, reviewer.token!)).toBe("readonly");
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(watcher.doc));
    appendBlock(forged, "forged by hand");
    raw.sendUpdate(script, Y.encodeStateAsUpdate(forged, Y.encodeStateVector(watcher.doc)));

    // A writer's edit after both proves the pipe is flowing, so absence is not just latency.
    const w = open(writer.token!);
    await w.ready;
    appendBlock(w.doc, "writer marker");
    await waitFor(() => blockTexts(watcher.doc).includes("writer marker"), "the writer's marker to arrive");
    await waitForAcknowledged(w);
    expect(blockTexts(watcher.doc)).toEqual([...before, "writer marker"]);
    const stored = blockTexts((await server.services.readDocument(script))!);
    expect(stored).not.toContain("reviewer was here");
    expect(stored).not.toContain("forged by hand");
    const logAfter = await server.services.db.query("SELECT id FROM document_updates");
    // Only the writer's update may have reached the log (compaction may also have emptied it).
    expect(logAfter.length - logBefore.length).toBeLessThanOrEqual(1);
    raw.socket.close();
  });

  it("refuses non-members, bad tokens, malformed and unknown document names before loading anything", async () => {
    const nonMember = open(stranger.token!);
    expect(await nonMember.ready).toEqual({ synced: false, reason: AUTH_REFUSALS.notMember });
    const badToken = open("eyJhbGciOiJIUzI1NiJ9.e30.bad");
    expect(await badToken.ready).toEqual({ synced: false, reason: AUTH_REFUSALS.badToken });
    for (const name of ["../../etc/passwd", "p/x/project", `${script}/extra`, "", "p/aaaaaaaaaaaaaaaa/b/main/script/AAAAAAAAAAAAAAAA"]) {
      const raw = await openRawSocket(collabUrl(server.url));
      expect(await raw.authenticate(name, owner.token!), name).toBe(`denied:${AUTH_REFUSALS.badDocumentName}`);
      raw.socket.close();
    }
    const unknown = script.replace(/[a-z2-7]{16}$/, "zzzzzzzzzzzzzzzz");
    const raw = await openRawSocket(collabUrl(server.url));
    expect(await raw.authenticate(unknown, owner.token!)).toBe(`denied:${AUTH_REFUSALS.noSuchDocument}`);
    raw.socket.close();
    expect(server.hocuspocus.documents.has(unknown)).toBe(false);
    expect(server.hocuspocus.documents.has(`${script}/extra`)).toBe(false);
  });

  it("closes an outdated client with the protocol-mismatch code", async () => {
    for (const url of [collabUrl(server.url, 0), collabUrl(server.url, null)]) {
      const raw = await openRawSocket(url);
      expect(await raw.closed).toEqual({ code: CLOSE_CODES.protocolMismatch.code, reason: CLOSE_CODES.protocolMismatch.reason });
    }
  });

  it("closes a connection that sends an oversized message, and other users carry on", async () => {
    const bystander = open(owner.token!);
    await bystander.ready;
    const raw = await openRawSocket(collabUrl(server.url));
    expect(await raw.authenticate(script, writer.token!)).toBe("read-write");
    raw.send(new Uint8Array(LIMITS.maxMessageBytes + 1));
    expect((await raw.closed).code).toBe(CLOSE_CODES.messageTooLarge.code);
    appendBlock(bystander.doc, "still here");
    await waitForAcknowledged(bystander);
    expect(blockTexts((await server.services.readDocument(script))!)).toContain("still here");
  });

  it("survives random bytes on the socket without harming the document", async () => {
    const raw = await openRawSocket(collabUrl(server.url));
    raw.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]));
    raw.send(new Uint8Array([3, 0x61, 0x62]));
    await Promise.race([raw.closed, new Promise((resolve) => setTimeout(resolve, 500))]);
    raw.socket.close();
    const check = open(writer.token!);
    expect(await check.ready).toEqual({ synced: true });
    expect(blockTexts(check.doc)).toContain("still here");
  });
});
