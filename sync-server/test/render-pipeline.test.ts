/**
 * The render pipeline end to end, with nothing stubbed but an external AI service: a real server on port 0,
 * a director locks a shot, the worker (in-process without Redis; `node render-worker/dist/main.js` on the
 * real Redis) renders it through the sync path, and a member sees the result in the shot document and can
 * fetch the files with their own token.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  isArtifactKey,
  readAnimaticMirror,
  readShotRenderMirror,
  readShotReviewMirror,
  addStroke,
  ANNOTATIONS_ARRAY,
  renderDocumentName,
  RENDER_ATTEMPTS,
  type AnimaticInfo,
  type ShotInfo,
  type ShotRenderInfo,
  type ShotRenderMirror,
} from "@aiuteur/shared";
import { probeVideo, RENDER_QUEUE_NAME } from "@aiuteur/render-worker";
import { ApiClient } from "./helpers/api.js";
import { connect, waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { eventually, newShot, scenesOf } from "./helpers/locks.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { createStorage, TEST_REDIS_URL, type TestStorage } from "./helpers/storage.js";
import { KITCHEN_AND_STREET } from "./helpers/stories.js";
import { createTeam, type Team } from "./helpers/team.js";
import { lockedShot } from "./helpers/render.js";

/** The secret startTestServer gives every test server; a worker process needs the same one. */
const JWT_SECRET = "test-secret-test-secret-test-secret-0123";
const WORKER_MAIN = fileURLToPath(new URL("../../render-worker/dist/main.js", import.meta.url));
const RENDER_TIMEOUT_MS = 120_000;

const scratch = mkdtempSync(join(tmpdir(), "aiuteur-render-pipeline-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A member's live copy of the shot document, as the shot page holds it. */
async function watchShot(base: string, team: Team, shot: ShotInfo): Promise<CollabClient> {
  const viewer = connect(base, shot.documents.shot, team.as.viewer.token!);
  expect(await viewer.ready).toEqual({ synced: true });
  return viewer;
}

async function waitForMirror(viewer: CollabClient, check: (mirror: ShotRenderMirror | null) => boolean, what: string): Promise<ShotRenderMirror> {
  await waitFor(() => check(readShotRenderMirror(viewer.doc, "main")), what, RENDER_TIMEOUT_MS);
  return readShotRenderMirror(viewer.doc, "main")!;
}

/** Fetches an artifact URL the way the browser does (the member's own token) and probes the clip. */
async function expectPlayableClip(base: string, token: string, mirror: ShotRenderMirror, durationSeconds: number): Promise<void> {
  for (const url of [mirror.artifacts.mp4, mirror.artifacts.poster, mirror.artifacts.thumbnail]) {
    expect(url).toMatch(/^\/api\/projects\/[a-z2-7]{16}\/artifacts\/shots\/[0-9a-f]{16,64}\//);
    const response = await fetch(base + url, { method: "HEAD", headers: { authorization: `Bearer ${token}` } });
    expect(response.status, url).toBe(200);
  }
  const response = await fetch(base + mirror.artifacts.mp4!, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("video/mp4");
  const file = join(scratch, `${mirror.contentHash}-${Date.now()}.mp4`);
  await writeFile(file, new Uint8Array(await response.arrayBuffer()));
  const info = await probeVideo(file);
  expect(info).toMatchObject({ width: 1280, height: 720, fps: 24, codec: "h264" });
  expect(info.durationSeconds).toBeCloseTo(durationSeconds, 1);
}

async function rendersOf(base: string, token: string, projectId: string, shotId: string): Promise<ShotRenderInfo[]> {
  const result = await new ApiClient(base, token).request<ShotRenderInfo[]>("GET", `/api/projects/${projectId}/shots/${shotId}/renders?branch=main`);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body;
}

/**
 * Every file under the artifact folder as "<projectId> <key>": only finished artifacts may be visible there
 * (the server keeps each project's files in a folder of its own).
 */
async function artifactFiles(storage: TestStorage): Promise<{ projectId: string; key: string }[]> {
  const root = join(storage.dataDir, "artifacts");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const [projectId = "", ...key] = relative(root, join(entry.parentPath, entry.name)).split(sep);
      return { projectId, key: key.join("/") };
    });
}

const REVOKED_KEY = "sk-revoked";

/**
 * An OpenAI-compatible images API that fails the way an overloaded one does (documented error body), and
 * refuses a revoked key with 401 as the real one does.
 */
async function failingImagesApi(): Promise<{ url: string; requests: () => number; requestsMentioning(text: string): number; close(): Promise<void> }> {
  let count = 0;
  const bodies: string[] = [];
  const server: Server = createServer((request, response) => {
    count += 1;
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => bodies.push(body));
    if (request.headers.authorization === `Bearer ${REVOKED_KEY}`) {
      response.writeHead(401, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { message: "Incorrect API key provided: sk-revo****.", type: "invalid_request_error", param: null, code: "invalid_api_key" } }));
      return;
    }
    response.writeHead(500, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    requests: () => count,
    // Which shot a request was for: its prompt carries the shot's action.
    requestsMentioning: (text) => bodies.filter((body) => body.includes(text)).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("the render pipeline with the in-process worker (no Redis)", () => {
  let server: TestServer;
  let team: Team;
  let images: Awaited<ReturnType<typeof failingImagesApi>>;
  const saved = { url: process.env.OPENAI_IMAGES_URL, key: process.env.OPENAI_API_KEY };

  beforeAll(async () => {
    images = await failingImagesApi();
    // Provider settings come from the environment (never from documents); the in-process worker reads this one.
    process.env.OPENAI_IMAGES_URL = images.url;
    process.env.OPENAI_API_KEY = "sk-test-double";
    server = await startTestServer("sqlite", { env: { RENDER_WORKERS: "inline" } });
    team = await createTeam(server, KITCHEN_AND_STREET);
  });

  afterAll(async () => {
    team?.close();
    await server?.stop();
    await images?.close();
    for (const [name, value] of [["OPENAI_IMAGES_URL", saved.url], ["OPENAI_API_KEY", saved.key]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("renders a locked shot into a 720p 24 fps clip that every member sees in the shot document", { timeout: RENDER_TIMEOUT_MS + 30_000 }, async () => {
    const shot = await lockedShot(server.url, team, { duration: 2 });
    const viewer = await watchShot(server.url, team, shot);
    try {
      const done = await waitForMirror(viewer, (mirror) => mirror?.status === "done", "the render to be done in the viewer's copy");
      expect(done).toMatchObject({ status: "done", progress: 100, provider: "builtin" });
      await expectPlayableClip(server.url, team.as.viewer.token!, done, 2);
      const renders = await rendersOf(server.url, team.as.viewer.token!, team.project.id, shot.id);
      expect(renders[0]).toMatchObject({ contentHash: done.contentHash, status: "done", progress: 100 });
      expect(renders[0]!.artifacts.mp4).toBe(done.artifacts.mp4);
      const files = await artifactFiles(server.storage);
      expect(files).toEqual(expect.arrayContaining([{ projectId: team.project.id, key: `shots/${done.contentHash}/clip.mp4` }]));
      for (const file of files) expect(isArtifactKey(file.key), file.key).toBe(true);
    } finally {
      viewer.destroy();
    }
  });

  it("assembles the episode animatic from the finished clips, with exports listing the shots", { timeout: RENDER_TIMEOUT_MS + 30_000 }, async () => {
    const projectId = team.project.id;
    const episodeId = team.episode.id;
    const shot = await lockedShot(server.url, team, { duration: 1 });
    const viewer = await watchShot(server.url, team, shot);
    await waitForMirror(viewer, (mirror) => mirror?.status === "done", "the second shot's render");
    viewer.destroy();

    const queued = await team.as.director.request("POST", `/api/projects/${projectId}/episodes/${episodeId}/animatic?branch=main`, { transition: "cut" });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const render = connect(server.url, renderDocumentName(projectId, episodeId), team.as.viewer.token!);
    try {
      expect(await render.ready).toEqual({ synced: true });
      await waitFor(() => readAnimaticMirror(render.doc)?.status === "done", "the animatic to be done", RENDER_TIMEOUT_MS);
      const animatic = readAnimaticMirror(render.doc)!;
      // Every locked shot with a finished render, in storyboard order: the 2 s shot, then the 1 s one.
      expect(animatic.timeline.map((entry) => [entry.start, entry.duration])).toEqual([[0, 2], [2, 1]]);
      const token = team.as.viewer.token!;
      const mp4 = await fetch(server.url + animatic.artifacts.mp4!, { headers: { authorization: `Bearer ${token}` } });
      expect(mp4.status).toBe(200);
      const file = join(scratch, `animatic-${Date.now()}.mp4`);
      await writeFile(file, new Uint8Array(await mp4.arrayBuffer()));
      const info = await probeVideo(file);
      expect(info).toMatchObject({ width: 1280, height: 720, fps: 24 });
      expect(info.durationSeconds).toBeCloseTo(3, 1);
      const edl = await (await fetch(server.url + animatic.artifacts.edl!, { headers: { authorization: `Bearer ${token}` } })).text();
      expect(edl.split("\n").filter((line) => /^\d{3}\s/.test(line))).toHaveLength(2);
      const otio = JSON.parse(await (await fetch(server.url + animatic.artifacts.otio!, { headers: { authorization: `Bearer ${token}` } })).text()) as { OTIO_SCHEMA: string };
      expect(otio.OTIO_SCHEMA).toMatch(/^Timeline\./);
      const animaticRoute = `/api/projects/${projectId}/episodes/${episodeId}/animatic?branch=main`;
      await eventually(async () => (await team.as.viewer.request<AnimaticInfo>("GET", animaticRoute)).body.status === "done", "GET animatic to show done");
      expect((await team.as.viewer.request<AnimaticInfo>("GET", animaticRoute)).body.artifacts).toEqual(animatic.artifacts);
    } finally {
      render.destroy();
    }
  });

  it("shows a failing provider's reason after its last attempt, and renders again when retried", { timeout: RENDER_TIMEOUT_MS + 30_000 }, async () => {
    const settings = await team.as.owner.request("PATCH", `/api/projects/${team.project.id}/render-settings`, { renderProvider: "openai-images" });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    const shot = await lockedShot(server.url, team, { duration: 1 });
    const viewer = await watchShot(server.url, team, shot);
    try {
      const failed = await waitForMirror(viewer, (mirror) => mirror?.status === "failed", "the render to fail");
      expect(failed.error).toContain("The server had an error while processing your request.");
      expect(failed.attempts).toBe(RENDER_ATTEMPTS);
      expect(images.requests()).toBe(RENDER_ATTEMPTS);
      await eventually(async () => (await rendersOf(server.url, team.as.viewer.token!, team.project.id, shot.id))[0]?.status === "failed", "GET renders to show the failure");
      const [listed] = await rendersOf(server.url, team.as.viewer.token!, team.project.id, shot.id);
      expect(listed).toMatchObject({ status: "failed", attempts: RENDER_ATTEMPTS, provider: "openai-images" });
      expect(listed!.error).toContain("The server had an error while processing your request.");

      // Retrying from the UI queues the same content again: the provider is asked again.
      const retried = await team.as.director.request("POST", `/api/projects/${team.project.id}/shots/${shot.id}/renders/retry?branch=main`);
      expect([200, 202], JSON.stringify(retried.body)).toContain(retried.status);
      await eventually(async () => images.requests() > RENDER_ATTEMPTS, "the retried job to call the provider again", 30_000);
    } finally {
      viewer.destroy();
      await team.as.owner.request("PATCH", `/api/projects/${team.project.id}/render-settings`, { renderProvider: "builtin" });
    }
  });

  it("makes a review copy with the reviewers' annotations burned in, beside the clean render", { timeout: RENDER_TIMEOUT_MS * 2 }, async () => {
    const shot = await lockedShot(server.url, team, { duration: 1, action: "MARA reads the note." });
    const viewer = await watchShot(server.url, team, shot);
    const reviewer = connect(server.url, shot.documents.notes, team.as.reviewer.token!);
    try {
      const clean = await waitForMirror(viewer, (mirror) => mirror?.status === "done", "the clean render");
      expect(await reviewer.ready).toEqual({ synced: true });
      reviewer.doc.transact(() =>
        addStroke(reviewer.doc.getArray(ANNOTATIONS_ARRAY), { tool: "pen", points: [0.1, 0.8, 0.9, 0.2], color: "#e53935", width: 8, text: "", author: team.userIds.reviewer }),
      );
      await waitForAcknowledged(reviewer);

      // A viewer may not annotate, so may not ask; a reviewer may.
      const refused = await team.as.viewer.request("POST", `/api/projects/${team.project.id}/shots/${shot.id}/renders/review-copy?branch=main`);
      expect(refused.status).toBe(403);
      const asked = await team.as.reviewer.request("POST", `/api/projects/${team.project.id}/shots/${shot.id}/renders/review-copy?branch=main`);
      expect(asked.status, JSON.stringify(asked.body)).toBe(202);

      await waitFor(() => readShotReviewMirror(viewer.doc, "main")?.status === "done", "the review copy", RENDER_TIMEOUT_MS);
      const review = readShotReviewMirror(viewer.doc, "main")!;
      expect(review.contentHash).not.toBe(clean.contentHash);
      await expectPlayableClip(server.url, team.as.viewer.token!, review, 1);
      const poster = async (mirror: ShotRenderMirror) =>
        Buffer.from(await (await fetch(server.url + mirror.artifacts.poster!, { headers: { authorization: `Bearer ${team.as.viewer.token}` } })).arrayBuffer());
      expect((await poster(review)).equals(await poster(clean))).toBe(false);
      // The clean render is untouched, and the renders list only knows clean renders.
      expect(readShotRenderMirror(viewer.doc, "main")).toMatchObject({ contentHash: clean.contentHash, status: "done" });
      expect((await rendersOf(server.url, team.as.viewer.token!, team.project.id, shot.id)).map((r) => r.contentHash)).toEqual([clean.contentHash]);
    } finally {
      reviewer.destroy();
      viewer.destroy();
    }
  });

  it("refuses a review copy of a shot that is not locked", async () => {
    const [kitchen] = await scenesOf(team);
    const shot = await newShot(team, kitchen!.sceneId);
    const asked = await team.as.reviewer.request("POST", `/api/projects/${team.project.id}/shots/${shot.id}/renders/review-copy?branch=main`);
    expect(asked.status).toBe(409);
    expect(JSON.stringify(asked.body)).toContain("lock it first");
  });

  it("fails at once, without retries, when the provider refuses the request itself", { timeout: RENDER_TIMEOUT_MS + 30_000 }, async () => {
    await team.as.owner.request("PATCH", `/api/projects/${team.project.id}/render-settings`, { renderProvider: "openai-images" });
    process.env.OPENAI_API_KEY = REVOKED_KEY;
    const shot = await lockedShot(server.url, team, { duration: 1, action: "JONAS reads the letter." });
    const viewer = await watchShot(server.url, team, shot);
    try {
      const failed = await waitForMirror(viewer, (mirror) => mirror?.status === "failed", "the render to fail");
      expect(failed.error).toContain("Incorrect API key provided");
      expect(failed.attempts).toBe(1);
      // Counted by prompt: the provider change also re-renders the shots earlier tests locked.
      expect(images.requestsMentioning("JONAS reads the letter.")).toBe(1);
    } finally {
      viewer.destroy();
      process.env.OPENAI_API_KEY = "sk-test-double";
      await team.as.owner.request("PATCH", `/api/projects/${team.project.id}/render-settings`, { renderProvider: "builtin" });
    }
  });
});

/** `node render-worker/dist/main.js` against a server, as docker-compose runs it. */
interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  kill9(): Promise<void>;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

function startWorkerProcess(serverUrl: string, workDir: string): WorkerProcess {
  const child = spawn(process.execPath, [WORKER_MAIN], {
    env: { PATH: process.env.PATH ?? "", REDIS_URL: TEST_REDIS_URL, SERVER_URL: serverUrl, JWT_SECRET, RENDER_WORK_DIR: workDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output: () => output,
    async kill9() {
      if (running()) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (running()) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** The shot's job as BullMQ holds it, if any. */
async function queuedJobFor(admin: Queue, shotId: string): Promise<boolean> {
  const jobs = await admin.getJobs(["waiting", "delayed", "active", "prioritized"]);
  return jobs.some((job) => (job.data as { shotId?: string }).shotId === shotId);
}

describe("the render pipeline on Redis with worker processes", () => {
  let storage: TestStorage;
  let server: TestServer;
  let team: Team;
  let admin: Queue;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // This file is the only user of the real queue name on the test Redis: start from an empty queue.
    admin = new Queue(RENDER_QUEUE_NAME, { connection: { url: TEST_REDIS_URL } });
    await admin.obliterate({ force: true });
    storage = await createStorage("postgres");
    server = await startTestServer("postgres", { storage, redisUrl: TEST_REDIS_URL, env: { RENDER_WORKERS: "none" } });
    team = await createTeam(server, KITCHEN_AND_STREET);
  });

  afterAll(async () => {
    for (const worker of workers) await worker.kill9();
    team?.close();
    await server?.stop();
    await storage?.cleanup();
    await admin?.obliterate({ force: true });
    await admin?.close();
  });

  const worker = () => {
    const started = startWorkerProcess(server.url, mkdtempSync(join(scratch, "work-")));
    workers.push(started);
    return started;
  };

  it("renders a locked shot in a worker process", { timeout: RENDER_TIMEOUT_MS + 30_000 }, async () => {
    const process1 = worker();
    const shot = await lockedShot(server.url, team, { duration: 2 });
    const viewer = await watchShot(server.url, team, shot);
    try {
      const done = await waitForMirror(viewer, (mirror) => mirror?.status === "done", `the render to be done\n${process1.output()}`);
      await expectPlayableClip(server.url, team.as.viewer.token!, done, 2);
      // An idle worker stops cleanly on SIGTERM (docker stop).
      expect(await process1.stop(), process1.output()).toBe(0);
      expect(process1.output()).toContain('"message":"render worker stopped"');
    } finally {
      viewer.destroy();
      await process1.kill9();
    }
  });

  it("finishes a render whose worker was killed mid-job, leaving no partial file", { timeout: 240_000 }, async () => {
    const first = worker();
    const shot = await lockedShot(server.url, team, { duration: 8, movement: "dolly in" });
    const viewer = await watchShot(server.url, team, shot);
    try {
      await waitForMirror(viewer, (mirror) => mirror?.status === "rendering" && mirror.progress > 0, `progress from the first worker\n${first.output()}`);
      await first.kill9();
      expect(readShotRenderMirror(viewer.doc, "main")?.status).not.toBe("done");
      // BullMQ hands the job on once the killed worker's lock lapses (its stalled check).
      const second = worker();
      const done = await waitForMirror(viewer, (mirror) => mirror?.status === "done", `the render to finish on the second worker\n${second.output()}`);
      await expectPlayableClip(server.url, team.as.viewer.token!, done, 8);
      const files = await artifactFiles(storage);
      expect(files.map((file) => file.key)).toEqual(expect.arrayContaining([`shots/${done.contentHash}/clip.mp4`]));
      for (const file of files) expect(isArtifactKey(file.key), `${file.key} is not a finished artifact`).toBe(true);
      await second.stop();
    } finally {
      viewer.destroy();
    }
  });

  it("finishes every render of a busy queue when one of two workers is killed mid-job", { timeout: 300_000 }, async () => {
    const [first, second] = [worker(), worker()];
    const shots = [];
    // Distinct actions, so no two clips share a content hash and every shot is really rendered.
    for (let i = 0; i < 4; i++) shots.push(await lockedShot(server.url, team, { duration: 4, movement: "dolly in", action: `Busy queue, shot ${i + 1}: MARA pours coffee.` }));
    const viewers = await Promise.all(shots.map((shot) => watchShot(server.url, team, shot)));
    const mirrors = () => viewers.map((viewer) => readShotRenderMirror(viewer.doc, "main"));
    try {
      await waitFor(
        () => mirrors().some((mirror) => mirror?.status === "rendering" && mirror.progress > 0),
        `a render under way\n${first.output()}\n${second.output()}`,
        RENDER_TIMEOUT_MS,
      );
      await first.kill9();
      // The survivor works through the queue; a replacement takes the killed worker's job once its lock lapses.
      const replacement = worker();
      await waitFor(
        () => mirrors().every((mirror) => mirror?.status === "done"),
        `every render to finish\n${second.output()}\n${replacement.output()}`,
        240_000,
      );
      expect(new Set(mirrors().map((mirror) => mirror!.contentHash)).size).toBe(4);
      for (const mirror of mirrors()) await expectPlayableClip(server.url, team.as.viewer.token!, mirror!, 4);
      const files = await artifactFiles(storage);
      for (const mirror of mirrors()) expect(files.map((file) => file.key)).toContain(`shots/${mirror!.contentHash}/clip.mp4`);
      for (const file of files) expect(isArtifactKey(file.key), `${file.key} is not a finished artifact`).toBe(true);
      await second.stop();
      await replacement.stop();
    } finally {
      for (const viewer of viewers) viewer.destroy();
    }
  });

  it("re-creates a job lost from Redis when the server starts again", { timeout: RENDER_TIMEOUT_MS + 60_000 }, async () => {
    // No worker runs: the job waits in Redis, and is then lost with the whole queue.
    const shot = await lockedShot(server.url, team, { duration: 1 });
    await eventually(() => queuedJobFor(admin, shot.id), "the shot's job to be queued");
    await admin.obliterate({ force: true });
    expect(await queuedJobFor(admin, shot.id)).toBe(false);

    await server.stop();
    server = await startTestServer("postgres", { storage, redisUrl: TEST_REDIS_URL, env: { RENDER_WORKERS: "none" } });
    await eventually(() => queuedJobFor(admin, shot.id), "the reconciler to queue the job again", 30_000);

    const process3 = worker();
    const viewer = await watchShot(server.url, team, shot);
    try {
      const done = await waitForMirror(viewer, (mirror) => mirror?.status === "done", `the re-created job to finish\n${process3.output()}`);
      await expectPlayableClip(server.url, team.as.viewer.token!, done, 1);
    } finally {
      viewer.destroy();
      await process3.stop();
    }
  });
});
