import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  AUTH_REFUSALS,
  BRANCH_NAME_MAX,
  ERROR_CODES,
  newId,
  readShotOrder,
  SCREENPLAY_FRAGMENT,
  type BranchInfo,
  type EpisodeInfo,
  type SceneListItem,
  type ShotInfo,
  type VersionInfo,
} from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { teamForSuite } from "./helpers/fixtures.js";
import { blockTexts } from "./helpers/script.js";
import { startTestServer } from "./helpers/server.js";
import { createStorage, DIALECTS } from "./helpers/storage.js";
import { KITCHEN_AND_STREET } from "./helpers/stories.js";
import { purgeExpiredVersions } from "../src/store/namespaces.js";

interface MergeResult {
  version: string | null;
  versions: { document: string; version: string }[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Polls an asynchronous check (a database read) until it holds. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  let holds = false;
  for (let attempt = 0; attempt < 500 && !holds; attempt++) {
    holds = await check();
    if (!holds) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!holds) throw new Error(`Timed out waiting for ${what}`);
}

/** The whole screenplay as text, one block a line. */
const scriptText = (doc: Y.Doc) => blockTexts(doc).join("\n");
const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** Appends `text` to the end of the first block whose text contains `marker` (as a writer typing there). */
function typeAtEndOf(doc: Y.Doc, marker: string, text: string): void {
  const block = doc
    .getXmlFragment(SCREENPLAY_FRAGMENT)
    .toArray()
    .find((node) => node instanceof Y.XmlElement && node.toString().includes(marker)) as Y.XmlElement | undefined;
  const run = block?.toArray().find((child) => child instanceof Y.XmlText) as Y.XmlText | undefined;
  if (!run) throw new Error(`No block holds "${marker}"`);
  run.insert(run.length, text);
}

/** Types a new scene (heading with a fresh id, one action line) at the end of the script; returns its id. */
function typeNewScene(doc: Y.Doc, heading: string, action: string): string {
  const sceneId = newId();
  doc.transact(() => {
    const head = new Y.XmlElement("sceneHeading");
    head.setAttribute("sceneId", sceneId);
    head.insert(0, [new Y.XmlText(heading)]);
    const line = new Y.XmlElement("action");
    line.insert(0, [new Y.XmlText(action)]);
    const fragment = doc.getXmlFragment(SCREENPLAY_FRAGMENT);
    fragment.insert(fragment.length, [head, line]);
  });
  return sceneId;
}

describe.each(DIALECTS)("story branches on %s", (dialect) => {
  const suite = teamForSuite(dialect, KITCHEN_AND_STREET);
  const project = () => suite.team.project.id;
  const branchesPath = () => `/api/projects/${project()}/branches`;
  const episodePath = (episodeId: string, branch?: string) =>
    `/api/projects/${project()}/episodes/${episodeId}${branch ? `?branch=${branch}` : ""}`;
  const subPath = (episodeId: string, sub: string, branch?: string) =>
    `/api/projects/${project()}/episodes/${episodeId}/${sub}${branch ? `?branch=${branch}` : ""}`;
  const documentPath = (name: string) => `/api/projects/${project()}/documents/${encodeURIComponent(name)}`;

  async function fork(body: Record<string, unknown>, role: "owner" | "director" | "writer" | "artist" = "writer"): Promise<BranchInfo> {
    const result = await suite.team.as[role].request<BranchInfo>("POST", branchesPath(), body);
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    return result.body;
  }

  async function episodeOn(episodeId: string, branchId: string): Promise<EpisodeInfo> {
    const result = await suite.team.as.reviewer.request<EpisodeInfo>("GET", episodePath(episodeId, branchId));
    expect(result.status).toBe(200);
    return result.body;
  }

  async function merge(branchId: string, role: "owner" | "director" | "writer" = "writer"): Promise<MergeResult> {
    const result = await suite.team.as[role].request<MergeResult>("POST", `${branchesPath()}/${branchId}/merge`);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return result.body;
  }

  async function synced(client: CollabClient): Promise<CollabClient> {
    expect(await client.ready).toEqual({ synced: true });
    return client;
  }

  /** A fresh episode of its own, so what a test merges into main is not mixed with other tests' edits. */
  const newEpisode = (title: string) => suite.team.as.owner.createEpisode(project(), title, KITCHEN_AND_STREET);

  it("forks every document with the parent's content and names the branch's documents in episode, scene and shot calls", async () => {
    const { team } = suite;
    const episode = await newEpisode("Fork");
    const [kitchen] = (await team.as.owner.request<SceneListItem[]>("GET", subPath(episode.id, "scenes"))).body;
    const shotsPath = (branch?: string) => subPath(episode.id, `scenes/${kitchen!.sceneId}/shots`, branch);
    const mainShot = (await team.as.artist.request<ShotInfo[]>("POST", shotsPath(), {})).body[0]!;

    const branch = await fork({ name: "  Darker third act  " });
    expect(branch).toEqual({
      id: expect.stringMatching(/^[a-z2-7]{16}$/),
      name: "Darker third act",
      parentId: "main",
      fromVersion: null,
      createdBy: { id: team.userIds.writer, displayName: "Writer" },
      createdAt: expect.any(Number),
    });
    expect((await team.as.viewer.request<BranchInfo[]>("GET", branchesPath())).body).toContainEqual(branch);

    const onBranch = await episodeOn(episode.id, branch.id);
    const prefix = `p/${project()}/b/${branch.id}`;
    expect(onBranch).toEqual({
      id: episode.id,
      title: "Fork",
      documents: {
        script: `${prefix}/script/${episode.id}`,
        beats: `${prefix}/beats/${episode.id}`,
        notes: `${prefix}/notes/script/${episode.id}`,
      },
    });
    expect((await team.as.viewer.request<EpisodeInfo[]>("GET", `/api/projects/${project()}/episodes?branch=${branch.id}`)).body).toContainEqual(onBranch);
    expect((await team.as.viewer.request<EpisodeInfo>("GET", episodePath(episode.id, "main"))).body).toEqual(episode);

    const mainScript = await synced(team.open("reviewer", episode.documents.script));
    const branchScript = await synced(team.open("writer", onBranch.documents.script));
    expect(scriptText(branchScript.doc)).toBe(scriptText(mainScript.doc));
    expect(scriptText(branchScript.doc)).toContain("MARA pours coffee for two.");
    await synced(team.open("writer", onBranch.documents.beats));
    await synced(team.open("reviewer", onBranch.documents.notes));

    const scenes = (await team.as.reviewer.request<SceneListItem[]>("GET", subPath(episode.id, "scenes", branch.id))).body;
    expect(scenes.map((scene) => scene.sceneId)).toEqual([kitchen!.sceneId, expect.any(String)]);
    expect(scenes[0]!.documents).toEqual({
      storyboard: `${prefix}/storyboard/${kitchen!.sceneId}`,
      notes: `${prefix}/notes/storyboard/${kitchen!.sceneId}`,
    });
    const branchBoard = await synced(team.open("artist", scenes[0]!.documents.storyboard));
    expect(readShotOrder(branchBoard.doc)).toEqual([mainShot.id]);

    // The shot is the same shot on both timelines, each with its own documents.
    const shotOnBranch = { ...mainShot, documents: { shot: `${prefix}/shot/${mainShot.id}`, notes: `${prefix}/notes/shot/${mainShot.id}` } };
    expect((await team.as.viewer.request("GET", `/api/projects/${project()}/shots/${mainShot.id}?branch=${branch.id}`)).body).toEqual(shotOnBranch);
    expect((await team.as.viewer.request("GET", subPath(episode.id, "shots", branch.id))).body).toEqual([shotOnBranch]);
    await synced(team.open("artist", shotOnBranch.documents.shot));

    // A shot added on the branch exists there only.
    const created = await team.as.artist.request<ShotInfo[]>("POST", shotsPath(branch.id), {});
    expect(created.status).toBe(201);
    const branchShot = created.body[0]!;
    expect(branchShot.documents.shot).toBe(`${prefix}/shot/${branchShot.id}`);
    await waitFor(() => readShotOrder(branchBoard.doc).length === 2, "the branch storyboard to show the new shot");
    expect((await team.as.viewer.request<ShotInfo[]>("GET", subPath(episode.id, "shots", branch.id))).body.map((s) => s.id)).toEqual([
      mainShot.id,
      branchShot.id,
    ]);
    expect((await team.as.viewer.request<ShotInfo[]>("GET", subPath(episode.id, "shots"))).body.map((s) => s.id)).toEqual([mainShot.id]);
    expect((await team.as.viewer.request("GET", `/api/projects/${project()}/shots/${branchShot.id}`)).status).toBe(404);
    const mainBoard = await synced(team.open("artist", kitchen!.documents.storyboard));
    expect(readShotOrder(mainBoard.doc)).toEqual([mainShot.id]);

    // An episode created on the branch has documents there only.
    const branchEpisode = await team.as.writer.request<EpisodeInfo>("POST", `/api/projects/${project()}/episodes?branch=${branch.id}`, { title: "Only here" });
    expect(branchEpisode.status).toBe(201);
    expect(branchEpisode.body.documents.script).toBe(`${prefix}/script/${branchEpisode.body.id}`);
    expect((await team.as.viewer.request("GET", episodePath(branchEpisode.body.id))).status).toBe(404);
    expect((await team.as.viewer.request("GET", episodePath(branchEpisode.body.id, branch.id))).status).toBe(200);
    const exported = await team.as.viewer.request<string>("GET", subPath(episode.id, "script.fountain", branch.id));
    expect(exported.status).toBe(200);
    expect(exported.body).toContain("MARA pours coffee for two.");
  });

  it("merges concurrent edits of branch and parent so the parent holds both, once each, live; a second merge applies nothing; restoring the merge version reverses it", async () => {
    const { team } = suite;
    const episode = await newEpisode("Merge");
    const branch = await fork({ name: "Rewrite" });
    const onBranch = await episodeOn(episode.id, branch.id);

    const parentClient = await synced(team.open("director", episode.documents.script));
    const branchClient = await synced(team.open("writer", onBranch.documents.script));
    // The same scene on both sides (the kitchen), and a different scene on each.
    typeAtEndOf(branchClient.doc, "pours coffee", " BRANCH-KITCHEN.");
    typeAtEndOf(branchClient.doc, "kettle screams", " BRANCH-KETTLE.");
    typeAtEndOf(parentClient.doc, "pours coffee", " PARENT-KITCHEN.");
    typeAtEndOf(parentClient.doc, "Rain.", " PARENT-RAIN.");
    await waitForAcknowledged(branchClient);
    await waitForAcknowledged(parentClient);
    const beforeMerge = scriptText(parentClient.doc);

    const changes = await team.as.reviewer.request("GET", `${branchesPath()}/${branch.id}/changes`);
    expect(changes).toEqual({
      status: 200,
      body: [{ document: episode.documents.script, branchDocument: onBranch.documents.script, kind: "script", change: "changed" }],
    });

    const merged = await merge(branch.id);
    expect(merged.versions).toEqual([{ document: episode.documents.script, version: merged.version }]);
    await waitFor(() => scriptText(parentClient.doc).includes("BRANCH-KETTLE."), "the merge to reach the connected parent client");
    const fresh = await synced(team.open("viewer", episode.documents.script));
    for (const client of [parentClient, fresh]) {
      const text = scriptText(client.doc);
      for (const edit of ["BRANCH-KITCHEN.", "BRANCH-KETTLE.", "PARENT-KITCHEN.", "PARENT-RAIN.", "MARA pours coffee for two", "We're late."]) {
        expect(occurrences(text, edit), edit).toBe(1);
      }
    }
    // The branch itself is untouched by merging it.
    expect(scriptText(branchClient.doc)).not.toContain("PARENT-");

    // Nothing is left to merge.
    expect((await team.as.reviewer.request("GET", `${branchesPath()}/${branch.id}/changes`)).body).toEqual([]);
    expect(await merge(branch.id)).toEqual({ version: null, versions: [] });
    expect(occurrences(scriptText(parentClient.doc), "BRANCH-KITCHEN.")).toBe(1);

    const history = await team.as.reviewer.request<VersionInfo[]>("GET", `${documentPath(episode.documents.script)}/versions`);
    expect(history.body.find((version) => version.id === merged.version)).toMatchObject({
      kind: "merge",
      label: 'Before merging "Rewrite"',
      author: { id: team.userIds.writer, displayName: "Writer" },
    });
    const restored = await team.as.director.request("POST", `${documentPath(episode.documents.script)}/versions/${merged.version}/restore`);
    expect(restored.status).toBe(200);
    await waitFor(() => scriptText(parentClient.doc) === beforeMerge, "restoring the merge version to reach the connected client");
    expect(scriptText(parentClient.doc)).toContain("PARENT-RAIN.");
  });

  it("forks from a version with that version's content", async () => {
    const { team } = suite;
    const episode = await newEpisode("From a version");
    const writer = await synced(team.open("writer", episode.documents.script));
    typeAtEndOf(writer.doc, "Rain.", " APPROVED-DRAFT.");
    await waitForAcknowledged(writer);
    const saved = await team.as.writer.request<VersionInfo>("POST", `${documentPath(episode.documents.script)}/versions`, { label: "Approved draft" });
    expect(saved.status).toBe(201);
    typeAtEndOf(writer.doc, "Rain.", " LATER-EDIT.");
    await waitForAcknowledged(writer);

    const branch = await fork({ name: "From the approved draft", fromVersion: saved.body.id });
    expect(branch).toMatchObject({ parentId: "main", fromVersion: saved.body.id });
    const onBranch = await episodeOn(episode.id, branch.id);
    const copy = await synced(team.open("reviewer", onBranch.documents.script));
    expect(scriptText(copy.doc)).toContain("APPROVED-DRAFT.");
    expect(scriptText(copy.doc)).not.toContain("LATER-EDIT.");

    // Merging it back keeps the parent's later edit: the branch only adds what it has and the parent lacks.
    const editor = await synced(team.open("writer", onBranch.documents.script));
    typeAtEndOf(editor.doc, "pours coffee", " FROM-VERSION-BRANCH.");
    await waitForAcknowledged(editor);
    await merge(branch.id);
    await waitFor(() => scriptText(writer.doc).includes("FROM-VERSION-BRANCH."), "the merge to arrive");
    expect(occurrences(scriptText(writer.doc), "LATER-EDIT.")).toBe(1);
    expect(occurrences(scriptText(writer.doc), "APPROVED-DRAFT.")).toBe(1);
  });

  it("registers a scene typed on a branch in the branch's namespace and merges it, with its shots, into the parent", async () => {
    const { team, server } = suite;
    const episode = await newEpisode("New scene");
    const branch = await fork({ name: "Extra scene" });
    const onBranch = await episodeOn(episode.id, branch.id);
    const writer = await synced(team.open("writer", onBranch.documents.script));
    const sceneId = typeNewScene(writer.doc, "EXT. ROOFTOP - NIGHT", "MARA looks down at the city.");
    await waitForAcknowledged(writer);

    const branchBoard = `p/${project()}/b/${branch.id}/storyboard/${sceneId}`;
    const mainBoard = `p/${project()}/b/main/storyboard/${sceneId}`;
    await eventually(async () => (await server.services.documents.meta(branchBoard)) !== undefined, "the typed scene's storyboard to be registered on the branch");
    expect(await server.services.documents.meta(mainBoard)).toBeUndefined();
    const board = await synced(team.open("artist", branchBoard));
    expect(readShotOrder(board.doc)).toEqual([]);
    expect((await team.open("artist", mainBoard).ready)).toEqual({ synced: false, reason: AUTH_REFUSALS.noSuchDocument });

    const shots = await team.as.artist.request<ShotInfo[]>("POST", subPath(episode.id, `scenes/${sceneId}/shots`, branch.id), { suggest: true });
    expect(shots.status).toBe(201);
    expect(shots.body).toHaveLength(1);

    // The writer may not merge storyboards and shots; a director may.
    const refused = await team.as.writer.request("POST", `${branchesPath()}/${branch.id}/merge`);
    expect(refused.status).toBe(403);
    const merged = await merge(branch.id, "director");
    expect(merged.versions.map((entry) => entry.document)).toEqual([episode.documents.script]);

    const scenes = (await team.as.reviewer.request<SceneListItem[]>("GET", subPath(episode.id, "scenes"))).body;
    expect(scenes.map((scene) => scene.heading)).toContain("EXT. ROOFTOP - NIGHT");
    const parentBoard = await synced(team.open("artist", mainBoard));
    expect(readShotOrder(parentBoard.doc)).toEqual([shots.body[0]!.id]);
    const shotOnMain = await team.as.viewer.request<ShotInfo>("GET", `/api/projects/${project()}/shots/${shots.body[0]!.id}`);
    expect(shotOnMain.status).toBe(200);
    await synced(team.open("artist", shotOnMain.body.documents.shot));
  });

  it("refuses to merge into a locked parent document, naming it", async () => {
    const { team } = suite;
    const episode = await newEpisode("Locked parent");
    const branch = await fork({ name: "Against a lock" });
    const onBranch = await episodeOn(episode.id, branch.id);
    const writer = await synced(team.open("writer", onBranch.documents.script));
    typeAtEndOf(writer.doc, "Rain.", " BLOCKED-BY-LOCK.");
    await waitForAcknowledged(writer);
    const locked = await team.as.director.request("POST", `/api/projects/${project()}/locks`, { document: episode.documents.script });
    expect(locked.status).toBe(201);

    const refused = await team.as.director.request<{ error: { code: string; message: string } }>("POST", `${branchesPath()}/${branch.id}/merge`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe(ERROR_CODES.locked);
    expect(refused.body.error.message).toContain(episode.documents.script);
    const parent = await synced(team.open("viewer", episode.documents.script));
    expect(scriptText(parent.doc)).not.toContain("BLOCKED-BY-LOCK.");

    expect((await team.as.director.request("DELETE", `/api/projects/${project()}/locks/${encodeURIComponent(episode.documents.script)}`)).status).toBe(200);
    await merge(branch.id, "director");
    await waitFor(() => scriptText(parent.doc).includes("BLOCKED-BY-LOCK."), "the merge after unlocking");
  });

  it("lets only an owner delete a branch: its documents are refused afterwards and their versions kept for 30 days", async () => {
    const { team, server } = suite;
    const episode = await newEpisode("Delete");
    const branch = await fork({ name: "Doomed" });
    const onBranch = await episodeOn(episode.id, branch.id);
    const open = await synced(team.open("writer", onBranch.documents.script));
    let refusal = "";
    open.provider.on("authenticationFailed", ({ reason }: { reason: string }) => (refusal = reason));
    await server.services.versions.create({
      projectId: project(),
      documentName: onBranch.documents.script,
      kind: "manual",
      label: "Kept a while",
      authorId: team.userIds.writer,
      state: Y.encodeStateAsUpdate(open.doc),
    });

    for (const role of ["writer", "director"] as const) {
      expect((await team.as[role].request("DELETE", `${branchesPath()}/${branch.id}`)).status, role).toBe(403);
    }
    expect((await team.as.owner.request("DELETE", `${branchesPath()}/main`)).status).toBe(400);
    const before = Date.now();
    expect(await team.as.owner.request("DELETE", `${branchesPath()}/${branch.id}`)).toEqual({ status: 200, body: { deleted: branch.id } });

    await waitFor(() => refusal === AUTH_REFUSALS.noSuchDocument, "the open branch document to be closed and refused");
    expect(await team.open("owner", onBranch.documents.beats).ready).toEqual({ synced: false, reason: AUTH_REFUSALS.noSuchDocument });
    expect((await team.as.owner.request("GET", episodePath(episode.id, branch.id))).status).toBe(404);
    expect((await team.as.owner.request("GET", `${branchesPath()}/${branch.id}/changes`)).status).toBe(404);
    expect((await team.as.owner.request("DELETE", `${branchesPath()}/${branch.id}`)).status).toBe(404);
    expect((await team.as.owner.request<BranchInfo[]>("GET", branchesPath())).body.map((b) => b.id)).not.toContain(branch.id);
    // The main timeline is untouched.
    await synced(team.open("viewer", episode.documents.script));

    const kept = await server.services.db.query<{ expires_at: number | string }>(
      "SELECT expires_at FROM versions WHERE document_name = $1",
      [onBranch.documents.script],
    );
    expect(kept).toHaveLength(1);
    expect(Number(kept[0]!.expires_at)).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
    expect(Number(kept[0]!.expires_at)).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
    // Purged once the 30 days have passed, and not before.
    expect(await purgeExpiredVersions(server.services.db, before + 29 * DAY_MS)).toBe(0);
    expect(await purgeExpiredVersions(server.services.db, Date.now() + 31 * DAY_MS)).toBe(1);
    expect(await server.services.versions.list(onBranch.documents.script)).toEqual([]);
  });

  it("answers 404 for unknown branches and non-members, 403 for roles that may not, 400 for bad input", async () => {
    const { team } = suite;
    const unknown = newId();
    const { id: episodeId } = team.episode;
    for (const path of [
      episodePath(episodeId, unknown),
      episodePath(episodeId, "not-an-id"),
      `/api/projects/${project()}/episodes?branch=${unknown}`,
      subPath(episodeId, "scenes", unknown),
      subPath(episodeId, "shots", unknown),
      `${branchesPath()}/${unknown}/changes`,
    ]) {
      expect((await team.as.owner.request("GET", path)).status, path).toBe(404);
    }
    expect((await team.as.owner.request("POST", `${branchesPath()}/${unknown}/merge`)).status).toBe(404);
    expect((await team.as.owner.request("DELETE", `${branchesPath()}/${unknown}`)).status).toBe(404);

    const branch = await fork({ name: "Probed" });
    expect((await team.stranger.request("GET", branchesPath())).status).toBe(404);
    expect((await team.stranger.request("POST", branchesPath(), { name: "Mine" })).status).toBe(404);
    expect((await team.stranger.request("GET", episodePath(episodeId, branch.id))).status).toBe(404);
    expect((await team.stranger.request("POST", `${branchesPath()}/${branch.id}/merge`)).status).toBe(404);
    for (const role of ["reviewer", "viewer"] as const) {
      expect((await team.as[role].request("POST", branchesPath(), { name: "Nope" })).status, role).toBe(403);
    }
    expect(await team.open("owner", `p/${project()}/b/${unknown}/script/${episodeId}`).ready).toEqual({
      synced: false,
      reason: AUTH_REFUSALS.noSuchDocument,
    });

    for (const body of [{}, { name: "   " }, { name: "x".repeat(BRANCH_NAME_MAX + 1) }, { name: "ok", parent: unknown }, { name: "ok", fromVersion: unknown }, { name: "ok", fromVersion: 7 }]) {
      const result = await team.as.writer.request<{ error: { code: string } }>("POST", branchesPath(), body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error.code).toBe(ERROR_CODES.validation);
    }
    // A branch of a branch, then merging into a deleted parent is refused.
    const child = await fork({ name: "Child", parent: branch.id });
    expect(child.parentId).toBe(branch.id);
    expect((await team.as.owner.request("DELETE", `${branchesPath()}/${branch.id}`)).status).toBe(409);
  });
});

describe.each(DIALECTS)("expired versions on %s", (dialect) => {
  it("are purged when the server starts, and only those", async () => {
    const storage = await createStorage(dialect);
    try {
      const first = await startTestServer(dialect, { storage });
      const owner = new ApiClient(first.url);
      const { user } = await owner.signup(uniqueEmail("owner"));
      const project = await owner.createProject("Purge");
      const { documents } = await owner.createEpisode(project.id, "Ep");
      const record = (label: string) =>
        first.services.versions.create({ projectId: project.id, documentName: documents.script, kind: "manual", label, authorId: user.id, state: Y.encodeStateAsUpdate(new Y.Doc()) });
      const expired = await record("Expired");
      const current = await record("Current");
      await first.services.db.execute("UPDATE versions SET expires_at = $1 WHERE id = $2", [Date.now() - 1, expired.id]);
      await first.stop();

      const second = await startTestServer(dialect, { storage });
      try {
        expect((await second.services.versions.list(documents.script)).map((v) => v.id)).toEqual([current.id]);
      } finally {
        await second.stop();
      }
    } finally {
      await storage.cleanup();
    }
  });
});
