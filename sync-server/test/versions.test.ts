import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ERROR_CODES, VERSION_LABEL_MAX, type EpisodeInfo, type VersionInfo } from "@aiuteur/shared";
import type { ApiClient } from "./helpers/api.js";
import { connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { teamForSuite } from "./helpers/fixtures.js";
import { eventually, lockDocument, storedDocument, unlockDocument } from "./helpers/locks.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { createStorage, DIALECTS, TEST_REDIS_URL, type TestStorage } from "./helpers/storage.js";
import { KITCHEN_AND_STREET } from "./helpers/stories.js";
import { createTeam, type Team } from "./helpers/team.js";

const AUTO_INTERVAL_MS = 100;

function documentPath(team: Team, document: string): string {
  return `/api/projects/${team.project.id}/documents/${encodeURIComponent(document)}`;
}

function saveVersion(client: ApiClient, team: Team, document: string, label: unknown) {
  return client.request<VersionInfo & { error: { code: string; message: string } }>("POST", `${documentPath(team, document)}/versions`, { label });
}

function restore(client: ApiClient, team: Team, document: string, versionId: string) {
  return client.request("POST", `${documentPath(team, document)}/versions/${versionId}/restore`);
}

async function listVersions(client: ApiClient, team: Team, document: string): Promise<VersionInfo[]> {
  const result = await client.request<VersionInfo[]>("GET", `${documentPath(team, document)}/versions`);
  if (result.status !== 200) throw new Error(`GET versions failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** A binary state answer, rebuilt into a document. */
async function fetchState(client: ApiClient, path: string): Promise<{ status: number; type: string | null; doc: Y.Doc }> {
  const response = await fetch(client.baseUrl + path, { headers: { authorization: `Bearer ${client.token}` } });
  const doc = new Y.Doc();
  if (response.status === 200) Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
  else await response.arrayBuffer();
  return { status: response.status, type: response.headers.get("content-type"), doc };
}

async function synced(client: CollabClient): Promise<CollabClient> {
  expect(await client.ready).toEqual({ synced: true });
  return client;
}

/** Non-decreasing gaps of at least one interval between a document's autosaves, oldest first. */
function autosaveGaps(versions: VersionInfo[]): number[] {
  const times = versions.filter((v) => v.kind === "auto").map((v) => v.createdAt).sort((a, b) => a - b);
  return times.slice(1).map((time, i) => time - times[i]!);
}

describe.each(DIALECTS)("versions on %s", (dialect) => {
  const suite = teamForSuite(dialect, KITCHEN_AND_STREET);
  let episodes = 0;
  const newEpisode = (): Promise<EpisodeInfo> => {
    episodes += 1;
    return suite.team.as.owner.createEpisode(suite.team.project.id, `Episode ${episodes}`, KITCHEN_AND_STREET);
  };

  it("saves labelled versions, lists them newest first with author and time, and serves states that rebuild them", async () => {
    const { team } = suite;
    const script = (await newEpisode()).documents.script;
    const writer = await synced(team.open("writer", script));
    appendBlock(writer.doc, "FIRST DRAFT LINE.");
    await waitForAcknowledged(writer);

    const before = Date.now();
    const first = await saveVersion(team.as.writer, team, script, "  First draft  ");
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      label: "First draft",
      kind: "manual",
      author: { id: team.userIds.writer, displayName: "Writer" },
      createdAt: expect.any(Number),
    });
    expect(first.body.createdAt).toBeGreaterThanOrEqual(before);
    expect(first.body.createdAt).toBeLessThanOrEqual(Date.now());

    appendBlock(writer.doc, "SECOND DRAFT LINE.");
    await waitForAcknowledged(writer);
    const second = await saveVersion(team.as.director, team, script, "Second draft");
    expect(second.status).toBe(201);

    // Any member who may read the script sees the list, newest first.
    const listed = await listVersions(team.as.viewer, team, script);
    expect(listed).toEqual([second.body, first.body]);
    expect(listed[0]!.author).toEqual({ id: team.userIds.director, displayName: "Director" });

    const firstState = await fetchState(team.as.viewer, `${documentPath(team, script)}/versions/${first.body.id}/state`);
    expect(firstState.status).toBe(200);
    expect(firstState.type).toBe("application/octet-stream");
    expect(blockTexts(firstState.doc)).toContain("FIRST DRAFT LINE.");
    expect(blockTexts(firstState.doc)).not.toContain("SECOND DRAFT LINE.");
    const secondState = await fetchState(team.as.viewer, `${documentPath(team, script)}/versions/${second.body.id}/state`);
    expect(blockTexts(secondState.doc)).toEqual(blockTexts(writer.doc));

    appendBlock(writer.doc, "UNSAVED LINE.");
    await waitForAcknowledged(writer);
    const current = await fetchState(team.as.reviewer, `${documentPath(team, script)}/state`);
    expect(current.status).toBe(200);
    expect(blockTexts(current.doc)).toEqual(blockTexts(writer.doc));
    expect(blockTexts(current.doc)).toContain("UNSAVED LINE.");
  });

  it("restores a version live for every connected client, and restoring the version recorded before undoes it", async () => {
    const { team, server } = suite;
    const script = (await newEpisode()).documents.script;
    const writer = await synced(team.open("writer", script));
    const director = await synced(team.open("director", script));
    appendBlock(writer.doc, "KEPT LINE.");
    await waitForAcknowledged(writer);
    const draft = await saveVersion(team.as.writer, team, script, "Draft one");
    expect(draft.status).toBe(201);
    const draftState = await fetchState(team.as.writer, `${documentPath(team, script)}/versions/${draft.body.id}/state`);
    const draftTexts = blockTexts(draftState.doc);

    appendBlock(director.doc, "LATER LINE.");
    await waitForAcknowledged(director);
    await waitFor(() => blockTexts(writer.doc).includes("LATER LINE."), "the director's line to reach the writer");
    const newer = blockTexts(director.doc);

    const restored = await restore(team.as.writer, team, script, draft.body.id);
    expect(restored).toEqual({ status: 200, body: { restored: draft.body.id, before: expect.any(String) } });
    const beforeId = (restored.body as { before: string }).before;
    for (const client of [writer, director]) {
      await waitFor(() => !blockTexts(client.doc).includes("LATER LINE."), "the restore to reach a connected client");
      expect(blockTexts(client.doc)).toEqual(draftTexts);
    }
    // What storage holds (what a reload reads) and what a newly opened provider gets are the version too.
    expect(blockTexts(await storedDocument(server, script))).toEqual(draftTexts);
    expect(blockTexts((await synced(team.open("viewer", script))).doc)).toEqual(draftTexts);

    const [latest] = await listVersions(team.as.viewer, team, script);
    expect(latest).toMatchObject({
      id: beforeId,
      kind: "restore",
      label: 'Before restoring "Draft one"',
      author: { id: team.userIds.writer, displayName: "Writer" },
    });
    const beforeState = await fetchState(team.as.viewer, `${documentPath(team, script)}/versions/${beforeId}/state`);
    expect(blockTexts(beforeState.doc)).toEqual(newer);

    // Undo: the newer content comes back, live.
    expect((await restore(team.as.director, team, script, beforeId)).status).toBe(200);
    for (const client of [writer, director]) {
      await waitFor(() => blockTexts(client.doc).includes("LATER LINE."), "the undo to reach a connected client");
      expect(blockTexts(client.doc)).toEqual(newer);
    }
    expect(blockTexts(await storedDocument(server, script))).toEqual(newer);
  });

  it("keeps labels of restores of restores within the limit", async () => {
    const { team } = suite;
    const script = (await newEpisode()).documents.script;
    const longLabel = "L".repeat(VERSION_LABEL_MAX);
    const saved = await saveVersion(team.as.writer, team, script, longLabel);
    expect(saved.body.label).toBe(longLabel);
    expect((await restore(team.as.writer, team, script, saved.body.id)).status).toBe(200);
    const [before] = await listVersions(team.as.writer, team, script);
    expect(before!.kind).toBe("restore");
    expect(before!.label.length).toBeLessThanOrEqual(VERSION_LABEL_MAX);
    expect(before!.label).toMatch(/^Before restoring "L+…"$/);
  });

  it("refuses to restore a locked document with 409, while saving a version of it still works", async () => {
    const { team } = suite;
    const projectId = team.project.id;
    const script = (await newEpisode()).documents.script;
    const writer = await synced(team.open("writer", script));
    const saved = await saveVersion(team.as.writer, team, script, "Before the lock");
    appendBlock(writer.doc, "APPROVED LINE.");
    await waitForAcknowledged(writer);
    expect((await lockDocument(team.as.director, projectId, script)).status).toBe(201);

    const refused = await restore(team.as.owner, team, script, saved.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: {
        code: ERROR_CODES.locked,
        message: "This document is locked by Director: an owner or a director must unlock it before a version can be restored.",
      },
    });
    expect(blockTexts(writer.doc)).toContain("APPROVED LINE.");
    expect((await saveVersion(team.as.writer, team, script, "Approved")).status).toBe(201);

    expect((await unlockDocument(team.as.director, projectId, script)).status).toBe(200);
    expect((await restore(team.as.owner, team, script, saved.body.id)).status).toBe(200);
    await waitFor(() => !blockTexts(writer.doc).includes("APPROVED LINE."), "the restore after unlocking");
  });

  it("answers 403 to roles that may not write the document, 404 to strangers and unknown ids, 400 to bad labels", async () => {
    const { team } = suite;
    const episode = await newEpisode();
    const script = episode.documents.script;
    const saved = await saveVersion(team.as.writer, team, script, "Draft");
    expect(saved.status).toBe(201);

    for (const role of ["artist", "reviewer", "viewer"] as const) {
      const save = await saveVersion(team.as[role], team, script, "Mine");
      expect(save.status, role).toBe(403);
      expect(save.body.error.code).toBe(ERROR_CODES.forbidden);
      expect((await restore(team.as[role], team, script, saved.body.id)).status, role).toBe(403);
    }
    // Notes are written by every role but viewers: a reviewer saves versions of notes.
    const notes = `p/${team.project.id}/b/main/notes/script/${episode.id}`;
    expect((await saveVersion(team.as.reviewer, team, notes, "Notes so far")).status).toBe(201);
    expect((await saveVersion(team.as.viewer, team, notes, "Notes so far")).status).toBe(403);

    // Strangers learn nothing.
    expect((await saveVersion(team.stranger, team, script, "Mine")).status).toBe(404);
    expect((await team.stranger.request("GET", `${documentPath(team, script)}/versions`)).status).toBe(404);
    expect((await fetchState(team.stranger, `${documentPath(team, script)}/state`)).status).toBe(404);
    expect((await restore(team.stranger, team, script, saved.body.id)).status).toBe(404);

    // Unknown versions, unknown documents, documents of another project.
    const unknownVersion = "0".repeat(saved.body.id.length);
    expect((await restore(team.as.owner, team, script, unknownVersion)).status).toBe(404);
    expect((await fetchState(team.as.owner, `${documentPath(team, script)}/versions/${unknownVersion}/state`)).status).toBe(404);
    expect((await fetchState(team.as.owner, `${documentPath(team, script)}/versions/not-an-id/state`)).status).toBe(404);
    const other = await team.as.owner.createProject("Another");
    const elsewhere = await team.as.owner.createEpisode(other.id, "Elsewhere", KITCHEN_AND_STREET);
    const otherSaved = await saveVersion(team.as.owner, { ...team, project: other }, elsewhere.documents.script, "Theirs");
    expect(otherSaved.status).toBe(201);
    for (const document of [elsewhere.documents.script, `p/${team.project.id}/b/main/script/${elsewhere.id}`, "not a document"]) {
      expect((await saveVersion(team.as.owner, team, document, "Nope")).status, document).toBe(404);
      expect((await team.as.owner.request("GET", `${documentPath(team, document)}/versions`)).status, document).toBe(404);
    }
    // A version of another document is not one of this document's.
    expect((await restore(team.as.owner, team, script, otherSaved.body.id)).status).toBe(404);

    for (const label of [undefined, "", "   ", "x".repeat(VERSION_LABEL_MAX + 1), 7]) {
      const result = await saveVersion(team.as.writer, team, script, label);
      expect(result.status, JSON.stringify(label)).toBe(400);
      expect(result.body.error.code).toBe(ERROR_CODES.validation);
    }
    expect((await listVersions(team.as.owner, team, script)).map((v) => v.id)).toEqual([saved.body.id]);
  });
});

describe.each(DIALECTS)("autosaves on %s", (dialect) => {
  let server: TestServer;
  let team: Team;
  beforeAll(async () => {
    server = await startTestServer(dialect, { env: { AUTO_VERSION_INTERVAL_MS: String(AUTO_INTERVAL_MS) } });
    team = await createTeam(server, KITCHEN_AND_STREET);
  });
  afterAll(async () => {
    team.close();
    await server.stop();
  });

  it("records an autosave of a document being edited, at most one per interval", async () => {
    const script = team.episode.documents.script;
    const writer = await synced(team.open("writer", script));
    appendBlock(writer.doc, "AUTOSAVED LINE.");
    await eventually(async () => (await listVersions(team.as.viewer, team, script)).some((v) => v.kind === "auto"), "a first autosave");
    const [auto] = (await listVersions(team.as.viewer, team, script)).filter((v) => v.kind === "auto");
    expect(auto).toMatchObject({ label: "Autosave", author: null });
    const state = await fetchState(team.as.viewer, `${documentPath(team, script)}/versions/${auto!.id}/state`);
    expect(blockTexts(state.doc)).toContain("AUTOSAVED LINE.");

    // Typing on and on: autosaves keep coming, never closer together than the interval.
    let line = 0;
    const typing = setInterval(() => appendBlock(writer.doc, `typed ${(line += 1)}`), 5);
    try {
      await eventually(async () => autosaveGaps(await listVersions(team.as.viewer, team, script)).length >= 3, "more autosaves");
    } finally {
      clearInterval(typing);
    }
    for (const gap of autosaveGaps(await listVersions(team.as.viewer, team, script))) expect(gap).toBeGreaterThanOrEqual(AUTO_INTERVAL_MS);
  });

  it("versions notes too, but not the project document", async () => {
    const notes = `p/${team.project.id}/b/main/notes/script/${team.episode.id}`;
    const reviewer = await synced(team.open("reviewer", notes));
    reviewer.doc.getMap("notes-test").set("said", "hello");
    await eventually(async () => (await listVersions(team.as.viewer, team, notes)).some((v) => v.kind === "auto"), "an autosave of the notes");
    const project = `p/${team.project.id}/project`;
    const listed = await team.as.owner.request("GET", `${documentPath(team, project)}/versions`);
    expect(listed.status).toBe(400);
  });
});

describe("autosaves across instances", () => {
  let storage: TestStorage;
  let servers: TestServer[] = [];
  let team: Team;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    storage = await createStorage("postgres");
    const env = { AUTO_VERSION_INTERVAL_MS: String(AUTO_INTERVAL_MS) };
    servers = [
      await startTestServer("postgres", { storage, redisUrl: TEST_REDIS_URL, env }),
      await startTestServer("postgres", { storage, redisUrl: TEST_REDIS_URL, env }),
    ];
    team = await createTeam(servers[0]!, KITCHEN_AND_STREET);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    team.close();
    for (const server of servers) await server.stop();
    await storage.cleanup();
  });

  it("records at most one autosave per interval between instances editing the same document", async () => {
    const script = team.episode.documents.script;
    const here = await synced(team.open("writer", script));
    const there = connect(servers[1]!.url, script, team.as.director.token!);
    clients.push(there);
    await synced(there);

    let line = 0;
    const typing = setInterval(() => {
      line += 1;
      appendBlock(line % 2 === 0 ? here.doc : there.doc, `typed ${line}`);
    }, 5);
    try {
      await eventually(async () => autosaveGaps(await listVersions(team.as.viewer, team, script)).length >= 4, "autosaves from both instances");
    } finally {
      clearInterval(typing);
    }
    for (const gap of autosaveGaps(await listVersions(team.as.viewer, team, script))) expect(gap).toBeGreaterThanOrEqual(AUTO_INTERVAL_MS);
  });
});
