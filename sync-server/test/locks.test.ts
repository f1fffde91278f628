import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addStroke,
  ANNOTATIONS_ARRAY,
  newId,
  readLockMirror,
  readShotFields,
  readStrokes,
  writeShotFields,
  type LockInfo,
} from "@aiuteur/shared";
import { collabUrl, connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { scaledOutTeamForSuite, teamForSuite } from "./helpers/fixtures.js";
import {
  afterEverythingSent,
  listLocks,
  lockDocument,
  lockEvents,
  newShot,
  nextSyncStatus,
  scenesOf,
  storedDocument,
  unlockDocument,
} from "./helpers/locks.js";
import { openRawSocket } from "./helpers/rawSocket.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { DIALECTS } from "./helpers/storage.js";
import { KITCHEN_AND_STREET } from "./helpers/stories.js";

/** An update that appends a block, made on top of what `base` holds, as a hostile client would send it. */
function forgedBlock(base: Y.Doc, text: string): Uint8Array {
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(base));
  appendBlock(forged, text);
  return Y.encodeStateAsUpdate(forged, Y.encodeStateVector(base));
}

describe.each(DIALECTS)("locks on %s", (dialect) => {
  const suite = teamForSuite(dialect, KITCHEN_AND_STREET);

  it("turns every open connection of a script read-only the moment it is locked, and writable again on unlock", async () => {
    const { team, server } = suite;
    const projectId = team.project.id;
    const script = team.episode.documents.script;
    const watcher = team.open("viewer", script);
    const writer = team.open("writer", script);
    const typist = team.open("writer", script);
    for (const client of [watcher, writer, typist]) expect(await client.ready).toEqual({ synced: true });
    const raw = await openRawSocket(collabUrl(server.url));
    expect(await raw.authenticate(script, team.as.writer.token!)).toBe("read-write");

    const locked = await lockDocument(team.as.director, projectId, script);
    expect(locked.status).toBe(201);
    expect(locked.body).toEqual({
      document: script,
      kind: "script",
      branchId: "main",
      status: "locked",
      lockedBy: { id: team.userIds.director, displayName: "Director" },
      lockedAt: expect.any(Number),
    });

    // Sent after the 201: connections opened before the lock already refuse them.
    const refused = nextSyncStatus(raw);
    raw.sendUpdate(script, forgedBlock(watcher.doc, "forged after the lock"));
    expect(await refused).toBe(false);
    appendBlock(typist.doc, "typed after the lock");
    await afterEverythingSent(typist, watcher);
    await waitFor(() => readLockMirror(writer.doc, "main").status === "locked", "the lock to show in the writer's copy");
    expect(readLockMirror(writer.doc, "main")).toMatchObject({ status: "locked", byName: "Director" });

    // A connection opened while the document is locked is read-only, whatever the role.
    const owner = team.open("owner", script);
    await owner.ready;
    expect(owner.provider.authorizedScope).toBe("readonly");

    expect(await unlockDocument(team.as.director, projectId, script)).toEqual({ status: 200, body: { unlocked: script } });
    // The unlock's mirror is broadcast after anything the server accepted before it.
    await waitFor(() => readLockMirror(watcher.doc, "main").status === "unlocked", "the unlock to reach the watcher");
    const forbiddenTexts = ["forged after the lock", "typed after the lock"];
    expect(blockTexts(watcher.doc).filter((text) => forbiddenTexts.includes(text))).toEqual([]);
    expect(blockTexts(await storedDocument(server, script)).filter((text) => forbiddenTexts.includes(text))).toEqual([]);

    // Writable again, live, on the same connections.
    appendBlock(writer.doc, "written after the unlock");
    await waitFor(() => blockTexts(watcher.doc).includes("written after the unlock"), "the writer's edit after the unlock");
    const accepted = nextSyncStatus(raw);
    raw.sendUpdate(script, forgedBlock(watcher.doc, "sent by hand after the unlock"));
    expect(await accepted).toBe(true);
    await waitFor(() => blockTexts(watcher.doc).includes("sent by hand after the unlock"), "the raw socket's edit after the unlock");
    raw.socket.close();

    const versions = await server.services.versions.list(script);
    expect(versions[0]).toMatchObject({ kind: "lock", label: "Locked by Director", author: { id: team.userIds.director } });
    const events = await lockEvents(team.as.reviewer, projectId, script);
    expect(events.map((e) => [e.action, e.by?.displayName])).toEqual([
      ["unlocked", "Director"],
      ["locked", "Director"],
    ]);
    expect(events[0]!.at).toBeGreaterThanOrEqual(events[1]!.at);
  });

  it("locks a shot only after its episode's script, and keeps the shot's notes open to comment", async () => {
    const { team, server } = suite;
    const projectId = team.project.id;
    const second = await team.as.owner.createEpisode(projectId, "Second", KITCHEN_AND_STREET);
    const [kitchen] = await scenesOf(team, second.id);
    const shot = await newShot(team, kitchen!.sceneId, second.id);

    for (const role of ["writer", "artist", "reviewer", "viewer"] as const) {
      const refused = await lockDocument(team.as[role], projectId, shot.documents.shot);
      expect(refused.status, role).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
    expect(await lockDocument(team.as.director, projectId, shot.documents.shot)).toEqual({
      status: 409,
      body: { error: { code: "lock_refused", message: "Lock the script of episode 2 first" } },
    });

    const artist = team.open("artist", shot.documents.shot);
    const director = team.open("director", shot.documents.shot);
    const annotator = team.open("reviewer", shot.documents.notes);
    const notesWatcher = team.open("viewer", shot.documents.notes);
    for (const client of [artist, director, annotator, notesWatcher]) await client.ready;

    expect((await lockDocument(team.as.owner, projectId, second.documents.script)).status).toBe(201);
    const shotLock = await lockDocument(team.as.director, projectId, shot.documents.shot);
    expect(shotLock.status).toBe(201);
    expect(shotLock.body).toMatchObject({ document: shot.documents.shot, kind: "shot", status: "locked" });
    // Locking it again changes nothing.
    expect(await lockDocument(team.as.owner, projectId, shot.documents.shot)).toEqual({ status: 200, body: shotLock.body });

    writeShotFields(artist.doc, { action: "changed after the lock" });
    await afterEverythingSent(artist, director);
    await waitFor(() => readLockMirror(artist.doc, "main").status === "locked", "the lock to show on the artist's canvas");
    expect(readShotFields(director.doc).action).not.toBe("changed after the lock");
    expect(readShotFields(await storedDocument(server, shot.documents.shot)).action).not.toBe("changed after the lock");

    addStroke(annotator.doc.getArray(ANNOTATIONS_ARRAY), {
      tool: "arrow",
      points: [0.1, 0.1, 0.5, 0.5],
      color: "#e53935",
      width: 4,
      text: "",
      author: team.userIds.reviewer,
    });
    await waitFor(() => readStrokes(notesWatcher.doc.getArray(ANNOTATIONS_ARRAY)).length === 1, "the annotation on the locked shot");
    await waitForAcknowledged(annotator);

    const mainLocks = await listLocks(team.as.viewer, projectId, "?branch=main");
    expect(mainLocks.map((lock) => lock.document)).toEqual(expect.arrayContaining([second.documents.script, shot.documents.shot]));
    expect(await listLocks(team.as.viewer, projectId)).toEqual(mainLocks);
    expect(await listLocks(team.as.viewer, projectId, `?branch=${newId()}`)).toEqual([]);
  });

  it("approves exactly what the document holds when edits are still arriving as the lock is made", async () => {
    const { team, server } = suite;
    const projectId = team.project.id;
    const episode = await team.as.owner.createEpisode(projectId, "Busy", KITCHEN_AND_STREET);
    const script = episode.documents.script;
    const writer = team.open("writer", script);
    const watcher = team.open("viewer", script);
    await writer.ready;
    await watcher.ready;
    let line = 0;
    const typing = setInterval(() => appendBlock(writer.doc, `line ${(line += 1)}`), 1);
    const locked = await lockDocument(team.as.director, projectId, script);
    clearInterval(typing);
    expect(locked.status).toBe(201);
    appendBlock(writer.doc, "typed after the 201");
    await afterEverythingSent(writer, watcher);

    const [version] = await server.services.versions.list(script);
    const approved = new Y.Doc();
    Y.applyUpdate(approved, (await server.services.versions.get(script, version!.id))!.state);
    // Every edit is either in the approved version or nowhere: none was stored or applied after it.
    expect(blockTexts(await storedDocument(server, script))).toEqual(blockTexts(approved));
    expect(blockTexts(watcher.doc)).toEqual(blockTexts(approved));
    expect(blockTexts(approved)).not.toContain("typed after the 201");
  });

  it("answers bad requests with clear errors", async () => {
    const { team } = suite;
    const projectId = team.project.id;
    const { documents } = team.episode;
    const cases: Array<[unknown, number]> = [
      [documents.notes, 400],
      [`p/${projectId}/project`, 400],
      ["not a document", 400],
      [undefined, 400],
      [`p/${newId()}/b/main/script/${team.episode.id}`, 404],
      [`p/${projectId}/b/main/shot/${newId()}`, 404],
    ];
    for (const [document, status] of cases) {
      const result = await team.as.director.request("POST", `/api/projects/${projectId}/locks`, { document });
      expect(result.status, String(document)).toBe(status);
      expect(result.body.error.message).toEqual(expect.any(String));
    }
    expect((await unlockDocument(team.as.director, projectId, documents.beats)).status).toBe(404);
    expect((await unlockDocument(team.as.writer, projectId, documents.beats)).status).toBe(403);
    expect((await team.stranger.request("GET", `/api/projects/${projectId}/locks`)).status).toBe(404);
    expect((await team.as.viewer.request("GET", `/api/projects/${projectId}/locks?branch=..%2Fmain`)).status).toBe(400);
    expect(await lockEvents(team.as.viewer, projectId, documents.beats)).toEqual([]);
  });
});

describe("locks across two sync-server instances on PostgreSQL and Redis", () => {
  const suite = scaledOutTeamForSuite(KITCHEN_AND_STREET);
  const elsewhere: CollabClient[] = [];
  afterAll(() => {
    for (const client of elsewhere) client.destroy();
  });

  it("flips the other instance's connections too, when the lock's mirror arrives there", async () => {
    const { team, server: first, other: second } = suite;
    const script = team.episode.documents.script;
    const watcher = team.open("viewer", script);
    const writer = connect(second.url, script, team.as.writer.token!);
    elsewhere.push(writer);
    expect(await watcher.ready).toEqual({ synced: true });
    expect(await writer.ready).toEqual({ synced: true });
    const raw = await openRawSocket(collabUrl(second.url));
    expect(await raw.authenticate(script, team.as.writer.token!)).toBe("read-write");

    expect((await lockDocument(team.as.director, team.project.id, script)).status).toBe(201);
    await waitFor(() => readLockMirror(writer.doc, "main").status === "locked", "the mirror to reach the second instance's client");
    const onSecond = () => second.hocuspocus.documents.get(script)?.getConnections() ?? [];
    await waitFor(() => onSecond().length === 2 && onSecond().every((connection) => connection.readOnly), "the second instance to flip its connections");

    const refused = nextSyncStatus(raw);
    raw.sendUpdate(script, forgedBlock(writer.doc, "forged on the second instance"));
    expect(await refused).toBe(false);

    expect((await unlockDocument(team.as.owner, team.project.id, script)).status).toBe(200);
    await waitFor(() => readLockMirror(writer.doc, "main").status === "unlocked", "the unlock to reach the second instance");
    await waitFor(() => onSecond().every((connection) => !connection.readOnly), "the second instance to give write back");
    appendBlock(writer.doc, "written on the second instance after the unlock");
    await waitFor(() => blockTexts(watcher.doc).includes("written on the second instance after the unlock"), "the edit to cross instances");
    expect(blockTexts(watcher.doc)).not.toContain("forged on the second instance");
    raw.socket.close();
    const stored = await storedDocument(first, script);
    expect(blockTexts(stored)).not.toContain("forged on the second instance");
    expect((await listLocks(team.as.viewer, team.project.id)).filter((lock: LockInfo) => lock.document === script)).toEqual([]);
  });
});
