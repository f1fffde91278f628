import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addStroke,
  ANNOTATIONS_ARRAY,
  createThread,
  readShotFields,
  readStrokes,
  readThreads,
  SKETCH_ARRAY,
  writeShotFields,
  type NewStroke,
  type SceneListItem,
  type ShotInfo,
} from "@aiuteur/shared";
import { collabUrl, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { openRawSocket } from "./helpers/rawSocket.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { DIALECTS } from "./helpers/storage.js";
import { createTeam, type Team } from "./helpers/team.js";

const FOUNTAIN = "INT. STUDIO - DAY\n\nAn empty easel.\n";

function stroke(author: string, x: number, tool: NewStroke["tool"] = "pen"): NewStroke {
  return { tool, points: [x, 0.1, x + 0.05, 0.5, x + 0.1, 0.9], color: "#e53935", width: 4, text: "", author };
}

const sketchOf = (client: CollabClient) => readStrokes(client.doc.getArray(SKETCH_ARRAY));
const annotationsOf = (client: CollabClient) => readStrokes(client.doc.getArray(ANNOTATIONS_ARRAY));

describe.each(DIALECTS)("sketches, annotations and comments on a shot on %s", (dialect) => {
  let server: TestServer;
  let team: Team;
  let shot: ShotInfo;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    team = await createTeam(server, FOUNTAIN);
    const base = `/api/projects/${team.project.id}/episodes/${team.episode.id}`;
    const scene = (await team.as.owner.request<SceneListItem[]>("GET", `${base}/scenes`)).body[0]!;
    shot = (await team.as.director.request<ShotInfo[]>("POST", `${base}/scenes/${scene.sceneId}/shots`, {})).body[0]!;
  });
  afterAll(async () => {
    team.close();
    await server.stop();
  });

  it("keeps every stroke when three people draw on one sketch at the same time", async () => {
    const people = (["director", "artist", "owner"] as const).map((role) => ({ role, client: team.open(role, shot.documents.shot) }));
    for (const { client } of people) expect(await client.ready).toEqual({ synced: true });
    // Each draws ten strokes without waiting for the others: the updates cross on the wire.
    for (let i = 0; i < 10; i++) {
      people.forEach(({ role, client }, p) => addStroke(client.doc.getArray(SKETCH_ARRAY), stroke(team.userIds[role], p * 0.3 + i * 0.01)));
    }
    await waitFor(() => people.every(({ client }) => sketchOf(client).length === 30), "every replica to hold all 30 strokes");
    const ids = (client: CollabClient) => sketchOf(client).map((s) => s.id).sort();
    expect(ids(people[1]!.client)).toEqual(ids(people[0]!.client));
    expect(ids(people[2]!.client)).toEqual(ids(people[0]!.client));
    for (const { client } of people) await waitForAcknowledged(client);
    const stored = await server.services.readDocument(shot.documents.shot);
    expect(readStrokes(stored!.getArray(SKETCH_ARRAY)).map((s) => s.id).sort()).toEqual(ids(people[0]!.client));
    for (const { role } of people) {
      expect(sketchOf(people[0]!.client).filter((s) => s.author === team.userIds[role])).toHaveLength(10);
    }
  });

  it("lets a reviewer annotate and comment, and the others see both", async () => {
    const reviewer = team.open("reviewer", shot.documents.notes);
    const director = team.open("director", shot.documents.notes);
    expect(await reviewer.ready).toEqual({ synced: true });
    expect(reviewer.provider.authorizedScope).toBe("read-write");
    await director.ready;
    addStroke(reviewer.doc.getArray(ANNOTATIONS_ARRAY), stroke(team.userIds.reviewer, 0.4, "arrow"));
    createThread(reviewer.doc, {
      anchor: { type: "region", shotId: shot.id, x: 0.2, y: 0.2, w: 0.3, h: 0.25 },
      author: { id: team.userIds.reviewer, name: "Reviewer" },
      body: "Frame the easel tighter",
    });
    await waitFor(() => annotationsOf(director).length === 1 && readThreads(director.doc).length === 1, "the annotation and thread");
    expect(annotationsOf(director)[0]).toMatchObject({ tool: "arrow", author: team.userIds.reviewer });
    expect(readThreads(director.doc)[0]!.messages[0]!.body).toBe("Frame the easel tighter");
    await waitForAcknowledged(reviewer);
    const stored = await server.services.readDocument(shot.documents.notes);
    expect(readThreads(stored!)).toHaveLength(1);
  });

  it("applies, stores and broadcasts none of a reviewer's sketch strokes or field edits, by provider or by hand", async () => {
    const watcher = team.open("artist", shot.documents.shot);
    await watcher.ready;
    const sketchBefore = sketchOf(watcher).length;

    const reviewer = team.open("reviewer", shot.documents.shot);
    expect(await reviewer.ready).toEqual({ synced: true });
    expect(reviewer.provider.authorizedScope).toBe("readonly");
    addStroke(reviewer.doc.getArray(SKETCH_ARRAY), stroke(team.userIds.reviewer, 0.9));
    writeShotFields(reviewer.doc, { size: "ECU", status: "approved" });

    const raw = await openRawSocket(collabUrl(server.url));
    expect(await raw.authenticate(shot.documents.shot, team.as.reviewer.token!)).toBe("readonly");
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(watcher.doc));
    addStroke(forged.getArray(SKETCH_ARRAY), stroke(team.userIds.reviewer, 0.7));
    writeShotFields(forged, { action: "forged by hand", lens: "forged" });
    raw.sendUpdate(shot.documents.shot, Y.encodeStateAsUpdate(forged, Y.encodeStateVector(watcher.doc)));

    // An artist's marker after both proves the pipe flows, so absence is not just latency.
    const artist = team.open("artist", shot.documents.shot);
    await artist.ready;
    writeShotFields(artist.doc, { lens: "35mm" });
    await waitFor(() => readShotFields(watcher.doc).lens === "35mm", "the artist's marker");
    await waitForAcknowledged(artist);
    expect(sketchOf(watcher)).toHaveLength(sketchBefore);
    expect(readShotFields(watcher.doc)).toMatchObject({ size: "MS", status: "draft", action: "", lens: "35mm" });
    const stored = (await server.services.readDocument(shot.documents.shot))!;
    expect(readStrokes(stored.getArray(SKETCH_ARRAY))).toHaveLength(sketchBefore);
    expect(readShotFields(stored)).toMatchObject({ size: "MS", status: "draft", action: "", lens: "35mm" });
    raw.socket.close();
  });

  it("relays a reviewer's pointer (awareness) from a read-only connection as well as from the notes document", async () => {
    const director = team.open("director", shot.documents.shot);
    const reviewer = team.open("reviewer", shot.documents.shot);
    await director.ready;
    await reviewer.ready;
    expect(reviewer.provider.authorizedScope).toBe("readonly");
    reviewer.provider.setAwarenessField("pointer", { x: 0.25, y: 0.75, name: "Reviewer" });
    const pointerSeenBy = (client: CollabClient) =>
      [...client.provider.awareness!.getStates().values()].some((state) => state.pointer?.name === "Reviewer");
    // Hocuspocus 4 applies awareness messages whatever the connection's scope: read-only viewers show up too.
    await waitFor(() => pointerSeenBy(director), "the reviewer's pointer on the shot document");

    const directorNotes = team.open("director", shot.documents.notes);
    const reviewerNotes = team.open("reviewer", shot.documents.notes);
    await directorNotes.ready;
    await reviewerNotes.ready;
    reviewerNotes.provider.setAwarenessField("pointer", { x: 0.5, y: 0.5, name: "Reviewer" });
    await waitFor(() => pointerSeenBy(directorNotes), "the reviewer's pointer on the notes document");
  });
});
