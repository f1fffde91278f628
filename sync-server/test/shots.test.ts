import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  deriveScenes,
  newId,
  SCREENPLAY_FRAGMENT,
  parseFountain,
  readShotFields,
  readShotOrder,
  suggestShots,
  type SceneListItem,
  type ShotInfo,
} from "@aiuteur/shared";
import { waitFor, waitForAcknowledged } from "./helpers/collab.js";
import { DIALECTS } from "./helpers/storage.js";
import { teamForSuite } from "./helpers/fixtures.js";
import { KITCHEN_AND_STREET } from "./helpers/stories.js";

describe.each(DIALECTS)("shots API on %s", (dialect) => {
  const suite = teamForSuite(dialect, KITCHEN_AND_STREET);
  let kitchen: SceneListItem;
  const episodePath = () => `/api/projects/${suite.team.project.id}/episodes/${suite.team.episode.id}`;
  const shotsPath = (sceneId = kitchen.sceneId) => `${episodePath()}/scenes/${sceneId}/shots`;

  beforeAll(async () => {
    kitchen = (await suite.team.as.owner.request<SceneListItem[]>("GET", `${episodePath()}/scenes`)).body[0]!;
  });

  it("creates a shot at the end and a pick-up shot at an index, live in an open storyboard", async () => {
    const board = suite.team.open("director", kitchen.documents.storyboard);
    await board.ready;
    const first = await suite.team.as.artist.request<ShotInfo[]>("POST", shotsPath(), {});
    expect(first.status).toBe(201);
    expect(first.body).toEqual([
      {
        id: expect.stringMatching(/^[a-z2-7]{16}$/),
        sceneId: kitchen.sceneId,
        episodeId: suite.team.episode.id,
        documents: {
          shot: `p/${suite.team.project.id}/b/main/shot/${first.body[0]!.id}`,
          notes: `p/${suite.team.project.id}/b/main/notes/shot/${first.body[0]!.id}`,
        },
      },
    ]);
    const before = await suite.team.as.director.request<ShotInfo[]>("POST", shotsPath(), { index: 0 });
    expect(before.status).toBe(201);
    await waitFor(() => readShotOrder(board.doc).length === 2, "the open storyboard to show both shots");
    expect(readShotOrder(board.doc)).toEqual([before.body[0]!.id, first.body[0]!.id]);

    const shot = suite.team.open("artist", first.body[0]!.documents.shot);
    const pickUp = suite.team.open("artist", before.body[0]!.documents.shot);
    expect(await shot.ready).toEqual({ synced: true });
    await pickUp.ready;
    expect(readShotFields(shot.doc)).toMatchObject({ number: "1", sceneId: kitchen.sceneId, size: "MS", status: "draft" });
    expect(readShotFields(pickUp.doc).number).toBe("A1");
    const notes = suite.team.open("reviewer", first.body[0]!.documents.notes);
    expect(await notes.ready).toEqual({ synced: true });

    const found = await suite.team.as.viewer.request<ShotInfo>("GET", `/api/projects/${suite.team.project.id}/shots/${first.body[0]!.id}`);
    expect(found).toEqual({ status: 200, body: first.body[0] });
  });

  it("suggests one shot per action paragraph or dialogue exchange, numbered after the existing ones", async () => {
    const expected = (() => {
      const { blocks } = parseFountain(KITCHEN_AND_STREET);
      return suggestShots(blocks, deriveScenes(blocks)[0]!);
    })();
    expect(expected.length).toBe(3);
    const result = await suite.team.as.director.request<ShotInfo[]>("POST", shotsPath(), { suggest: true });
    expect(result.status).toBe(201);
    expect(result.body).toHaveLength(expected.length);
    const docs = result.body.map((info) => suite.team.open("director", info.documents.shot));
    for (const client of docs) await client.ready;
    const fields = docs.map((client) => readShotFields(client.doc));
    expect(fields.map((f) => f.number)).toEqual(["2", "3", "4"]);
    expect(fields.map((f) => ({ action: f.action, dialogue: f.dialogue, size: f.size, characters: f.characters }))).toEqual(
      expected.map((s) => ({ action: s.action, dialogue: s.dialogue, size: s.size, characters: s.characters })),
    );
    const board = suite.team.open("viewer", kitchen.documents.storyboard);
    await board.ready;
    expect(readShotOrder(board.doc).slice(-3)).toEqual(result.body.map((s) => s.id));

    const street = (await suite.team.as.owner.request<SceneListItem[]>("GET", `${episodePath()}/scenes`)).body[1]!;
    const streetShots = await suite.team.as.director.request<ShotInfo[]>("POST", shotsPath(street.sceneId), { suggest: true });
    expect(streetShots.status).toBe(201);
    expect(streetShots.body).toHaveLength(1);

    // Requests at the same moment still get distinct numbers.
    const together = await Promise.all([0, 1, 2].map(() => suite.team.as.artist.request<ShotInfo[]>("POST", shotsPath(street.sceneId), {})));
    const numbers = await Promise.all(
      together.map(async ({ body }) => {
        const client = suite.team.open("artist", body[0]!.documents.shot);
        await client.ready;
        return readShotFields(client.doc).number;
      }),
    );
    expect(numbers.sort()).toEqual(["2", "3", "4"]);
  });

  it("answers a scene with no action or dialogue with an empty list", async () => {
    const writer = suite.team.open("writer", suite.team.episode.documents.script);
    await writer.ready;
    const sceneId = newId();
    const element = new Y.XmlElement("sceneHeading");
    element.setAttribute("sceneId", sceneId);
    element.insert(0, [new Y.XmlText("EXT. FIELD - DAY")]);
    const fragment = writer.doc.getXmlFragment(SCREENPLAY_FRAGMENT);
    fragment.insert(fragment.length, [element]);
    await waitForAcknowledged(writer);
    expect(await suite.team.as.director.request("POST", shotsPath(sceneId), { suggest: true })).toEqual({ status: 201, body: [] });
  });

  it("refuses other roles, unknown scenes and shots, strangers and bad bodies with clear errors", async () => {
    for (const role of ["writer", "reviewer", "viewer"] as const) {
      const refused = await suite.team.as[role].request("POST", shotsPath(), {});
      expect(refused.status, role).toBe(403);
      expect(refused.body.error.message).toMatch(/cannot add shots/);
    }
    const unknownScene = await suite.team.as.director.request("POST", shotsPath("zzzzzzzzzzzzzzzz"), {});
    expect(unknownScene.status).toBe(404);
    expect((await suite.team.as.director.request("POST", shotsPath("not-an-id"), {})).status).toBe(404);
    expect((await suite.team.stranger.request("POST", shotsPath(), {})).status).toBe(404);
    expect((await suite.team.as.director.request("GET", `/api/projects/${suite.team.project.id}/shots/zzzzzzzzzzzzzzzz`)).status).toBe(404);
    expect((await suite.team.stranger.request("GET", `${episodePath()}/shots`)).status).toBe(404);
    for (const body of [{ suggest: "yes" }, { index: -1 }, { index: 1.5 }, { suggest: true, index: 0 }]) {
      const bad = await suite.team.as.director.request("POST", shotsPath(), body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.details.field).toBeDefined();
    }
    expect((await suite.team.as.director.request("POST", shotsPath(), "[]")).status).toBe(400);
    // Nothing above created a shot.
    const shots = await suite.team.as.viewer.request<ShotInfo[]>("GET", `${episodePath()}/shots`);
    expect(shots.body.filter((s) => s.sceneId === kitchen.sceneId)).toHaveLength(5);
  });

  it("lists the episode's shots and gives every episode its beats and script-notes documents", async () => {
    const episode = await suite.team.as.viewer.request("GET", episodePath());
    expect(episode.body.documents).toEqual({
      script: `p/${suite.team.project.id}/b/main/script/${suite.team.episode.id}`,
      beats: `p/${suite.team.project.id}/b/main/beats/${suite.team.episode.id}`,
      notes: `p/${suite.team.project.id}/b/main/notes/script/${suite.team.episode.id}`,
    });
    const beats = suite.team.open("writer", episode.body.documents.beats);
    expect(await beats.ready).toEqual({ synced: true });
  });
});
