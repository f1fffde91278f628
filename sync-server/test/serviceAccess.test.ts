/**
 * The render worker's service identity on the sync path: it reads any document, writes render state into
 * the "render" map of shot documents (locked ones too, and a lock taken while it is connected does not stop
 * it) and render documents, and nothing else. Members cannot write render state at all. A refused update is
 * neither applied, stored nor broadcast.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readEpisodeShotRenders,
  readShotFields,
  readShotRenderMirror,
  renderDocumentName,
  writeEpisodeShotRender,
  writeShotFields,
  writeShotRenderMirror,
  type ShotRenderJob,
  type ShotRenderMirror,
} from "@aiuteur/shared";
import { ApiClient } from "./helpers/api.js";
import { connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { afterEverythingSent, eventually, lockDocument, newShot, scenesOf, storedDocument } from "./helpers/locks.js";
import { lockedShot, RecordingQueue, serviceToken } from "./helpers/render.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { KITCHEN_AND_STREET } from "./helpers/stories.js";
import { createTeam, type Team } from "./helpers/team.js";

describe("the render worker's service identity", () => {
  const queue = new RecordingQueue();
  let server: TestServer;
  let team: Team;
  let token: string;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    server = await startTestServer("sqlite", { renderQueue: queue });
    team = await createTeam(server, KITCHEN_AND_STREET);
    token = await serviceToken();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    team.close();
    await server.stop();
  });

  async function open(name: string, as: string): Promise<CollabClient> {
    const client = connect(server.url, name, as);
    clients.push(client);
    expect(await client.ready).toEqual({ synced: true });
    return client;
  }

  const mirror = (contentHash: string, progress: number): ShotRenderMirror => ({
    contentHash,
    status: progress < 100 ? "rendering" : "done",
    progress,
    artifacts: {},
    updatedAt: new Date().toISOString(),
  });

  it("reads any document of the project but cannot change a script", async () => {
    const script = team.episode.documents.script;
    const worker = await open(script, token);
    const viewer = await open(script, team.as.viewer.token!);
    expect(blockTexts(worker.doc)).toEqual(blockTexts(viewer.doc));
    appendBlock(worker.doc, "written by the worker");
    await afterEverythingSent(worker, viewer);
    expect(blockTexts(viewer.doc)).not.toContain("written by the worker");
    expect(blockTexts(await storedDocument(server, script))).not.toContain("written by the worker");
  });

  it("lets members open an episode's render document before anything was rendered, and nobody a made-up one", async () => {
    const episode = await team.as.owner.createEpisode(team.project.id, "Unrendered", KITCHEN_AND_STREET);
    const viewer = await open(renderDocumentName(team.project.id, episode.id), team.as.viewer.token!);
    expect(readEpisodeShotRenders(viewer.doc).size).toBe(0);
    const missing = connect(server.url, renderDocumentName(team.project.id, "nosuchepisode0000"), team.as.viewer.token!);
    clients.push(missing);
    expect(await missing.ready).toMatchObject({ synced: false });
  });

  it("writes the render map of a locked shot, which everyone sees, and the render index records it", async () => {
    const projectId = team.project.id;
    const shot = await lockedShot(server.url, team);
    await eventually(async () => queue.added.some((job) => job.type === "shot" && job.shotId === shot.id), "the shot's job");
    const job = queue.added.find((added): added is ShotRenderJob => added.type === "shot" && added.shotId === shot.id)!;

    const worker = await open(shot.documents.shot, token);
    const viewer = await open(shot.documents.shot, team.as.viewer.token!);
    worker.doc.transact(() => writeShotRenderMirror(worker.doc, "main", mirror(job.contentHash, 50)));
    await waitForAcknowledged(worker);
    await waitFor(() => readShotRenderMirror(viewer.doc, "main")?.progress === 50, "the viewer to see the progress");
    expect(readShotRenderMirror(await storedDocument(server, shot.documents.shot), "main")).toMatchObject({ status: "rendering", progress: 50 });
    await eventually(async () => {
      const renders = await team.as.viewer.request("GET", `/api/projects/${projectId}/shots/${shot.id}/renders`);
      return renders.body[0]?.status === "rendering" && renders.body[0]?.progress === 50;
    }, "the renders row to follow the mirror");

    // The episode's render document is the worker's to write; a member only reads it.
    const renderDoc = renderDocumentName(projectId, team.episode.id);
    const workerRender = await open(renderDoc, token);
    const directorRender = await open(renderDoc, team.as.director.token!);
    workerRender.doc.transact(() => writeEpisodeShotRender(workerRender.doc, shot.id, mirror(job.contentHash, 60)));
    await waitForAcknowledged(workerRender);
    await waitFor(() => readEpisodeShotRenders(directorRender.doc).get(shot.id)?.progress === 60, "the director to see the episode's renders");
    directorRender.doc.transact(() => writeEpisodeShotRender(directorRender.doc, shot.id, mirror(job.contentHash, 99)));
    await afterEverythingSent(directorRender, workerRender);
    expect(readEpisodeShotRenders(workerRender.doc).get(shot.id)?.progress).toBe(60);
    expect(readEpisodeShotRenders(await storedDocument(server, renderDoc)).get(shot.id)?.progress).toBe(60);
  });

  it("cannot change anything else in a shot: the update is refused, not stored and not broadcast", async () => {
    const shot = await lockedShot(server.url, team, { action: "JONAS jumps." });
    const worker = await open(shot.documents.shot, token);
    const viewer = await open(shot.documents.shot, team.as.viewer.token!);
    // Fields and render state in one update: refused as a whole.
    worker.doc.transact(() => {
      writeShotFields(worker.doc, { action: "forged by the worker" });
      writeShotRenderMirror(worker.doc, "main", mirror("00000000000000000000000000000000", 10));
    });
    await afterEverythingSent(worker, viewer);
    expect(worker.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(readShotFields(viewer.doc).action).toBe("JONAS jumps.");
    expect(readShotRenderMirror(viewer.doc, "main")).toBeNull();
    const stored = await storedDocument(server, shot.documents.shot);
    expect(readShotFields(stored).action).toBe("JONAS jumps.");
    expect(readShotRenderMirror(stored, "main")).toBeNull();
  });

  it("keeps writing render state when a shot is locked while it is connected", async () => {
    const [kitchen] = await scenesOf(team);
    const shot = await newShot(team, kitchen!.sceneId);
    const worker = await open(shot.documents.shot, token);
    const viewer = await open(shot.documents.shot, team.as.viewer.token!);
    expect((await lockDocument(new ApiClient(server.url, team.as.director.token), team.project.id, shot.documents.shot)).status).toBe(201);
    worker.doc.transact(() => writeShotRenderMirror(worker.doc, "main", mirror("11111111111111111111111111111111", 30)));
    await waitForAcknowledged(worker);
    await waitFor(() => readShotRenderMirror(viewer.doc, "main")?.progress === 30, "the viewer to see the progress");
  });

  it("is the only one who writes render state: a director's render write is refused, their other edits are not", async () => {
    const [kitchen] = await scenesOf(team);
    const shot = await newShot(team, kitchen!.sceneId);
    const director = await open(shot.documents.shot, team.as.director.token!);
    const viewer = await open(shot.documents.shot, team.as.viewer.token!);
    director.doc.transact(() => writeShotRenderMirror(director.doc, "main", mirror("22222222222222222222222222222222", 100)));
    await afterEverythingSent(director, viewer);
    expect(readShotRenderMirror(viewer.doc, "main")).toBeNull();
    expect(readShotRenderMirror(await storedDocument(server, shot.documents.shot), "main")).toBeNull();

    const editor = await open(shot.documents.shot, team.as.artist.token!);
    writeShotFields(editor.doc, { action: "an honest edit" });
    await waitForAcknowledged(editor);
    await waitFor(() => readShotFields(viewer.doc).action === "an honest edit", "the edit to reach the viewer");
  });

  it("is refused where a member's token would be, and a member's token is refused where only it may go", async () => {
    const projectId = team.project.id;
    const key = "shots/0123456789abcdef0123456789abcdef/poster.png";
    const asUser = await team.as.owner.request("PUT", `/api/projects/${projectId}/artifacts/${key}`, "png bytes", { "content-type": "image/png" });
    expect(asUser.status).toBe(403);
    const asService = await new ApiClient(server.url, token).request("PUT", `/api/projects/${projectId}/artifacts/${key}`, "png bytes", { "content-type": "image/png" });
    expect(asService.status).toBe(201);
    // The service token is not a session: it lists no projects.
    expect((await new ApiClient(server.url, token).request("GET", "/api/projects")).status).toBe(401);
  });
});
