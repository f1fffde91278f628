/**
 * Render artifacts over HTTP: the worker uploads (service token only), members download with their own
 * token in a header or in `?access_token=` (a <video src>), Range requests seek, keys outside the artifact
 * grammar are refused, and an upload cut off half-way leaves nothing a key can name.
 */
import { readdir } from "node:fs/promises";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "./helpers/api.js";
import { RecordingQueue, serviceToken } from "./helpers/render.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { KITCHEN_AND_STREET } from "./helpers/stories.js";
import { createTeam, type Team } from "./helpers/team.js";

const HASH = "0123456789abcdef0123456789abcdef";
const CLIP = `shots/${HASH}/clip.mp4`;
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

/** All files under a folder, dot-files included, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

describe("artifacts", () => {
  let server: TestServer;
  let team: Team;
  let worker: ApiClient;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer("sqlite", { renderQueue: new RecordingQueue() });
    team = await createTeam(server, KITCHEN_AND_STREET);
    worker = new ApiClient(server.url, await serviceToken());
    base = `${server.url}/api/projects/${team.project.id}/artifacts`;
  });
  afterAll(async () => {
    team.close();
    await server.stop();
  });

  const put = (key: string, body: Uint8Array, token: string | null) =>
    fetch(`${base}/${key}`, { method: "PUT", body, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("stores an upload from the render worker and serves it to members with its content type", async () => {
    const stored = await put(CLIP, BYTES, worker.token);
    expect(stored.status).toBe(201);
    expect(await stored.json()).toEqual({ key: CLIP, size: BYTES.length, url: `/api/projects/${team.project.id}/artifacts/${CLIP}` });

    const viewer = await fetch(`${base}/${CLIP}`, { headers: { authorization: `Bearer ${team.as.viewer.token}` } });
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get("content-type")).toBe("video/mp4");
    expect(viewer.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await viewer.arrayBuffer())).toEqual(BYTES);

    // A <video src> cannot send a header: the token may come as a query parameter.
    const byQuery = await fetch(`${base}/${CLIP}?access_token=${team.as.viewer.token}`);
    expect(byQuery.status).toBe(200);
    expect(Buffer.from(await byQuery.arrayBuffer())).toEqual(BYTES);

    const head = await fetch(`${base}/${CLIP}`, { method: "HEAD", headers: { authorization: `Bearer ${worker.token}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(BYTES.length));
  });

  it("answers a Range request with 206 and the bytes asked for, and 416 past the end", async () => {
    const auth = { authorization: `Bearer ${team.as.viewer.token}` };
    const middle = await fetch(`${base}/${CLIP}`, { headers: { ...auth, range: "bytes=100-199" } });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe(`bytes 100-199/${BYTES.length}`);
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(BYTES.subarray(100, 200));

    const tail = await fetch(`${base}/${CLIP}`, { headers: { ...auth, range: "bytes=-10" } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(BYTES.subarray(BYTES.length - 10));

    const open = await fetch(`${base}/${CLIP}`, { headers: { ...auth, range: "bytes=990-" } });
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer())).toEqual(BYTES.subarray(990));

    const beyond = await fetch(`${base}/${CLIP}`, { headers: { ...auth, range: `bytes=${BYTES.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${BYTES.length}`);
  });

  it("refuses members' uploads, strangers' downloads and requests without a token", async () => {
    expect((await put(`shots/${HASH}/poster.png`, BYTES, team.as.owner.token)).status).toBe(403);
    expect((await put(`shots/${HASH}/poster.png`, BYTES, null)).status).toBe(401);
    expect((await fetch(`${base}/${CLIP}`, { headers: { authorization: `Bearer ${team.stranger.token}` } })).status).toBe(404);
    expect((await fetch(`${base}/${CLIP}`)).status).toBe(401);
    expect((await fetch(`${base}/${CLIP}?access_token=not-a-token`)).status).toBe(401);
  });

  it("answers 404 for a key with nothing stored", async () => {
    const missing = await fetch(`${base}/shots/${HASH}/clip.webm`, { headers: { authorization: `Bearer ${team.as.viewer.token}` } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("refuses keys outside the artifact grammar with 400", async () => {
    for (const key of [
      `shots/${HASH}/evil.sh`,
      `shots/not-a-hash/clip.mp4`,
      `other/${HASH}/clip.mp4`,
      `shots/${HASH}%2F..%2F..%2Fjwt-secret/clip.mp4`,
      `animatics/main/%2E%2E/${HASH}/animatic.mp4`,
    ]) {
      expect((await put(key, BYTES, worker.token)).status, key).toBe(400);
      expect((await fetch(`${base}/${key}`, { headers: { authorization: `Bearer ${team.as.viewer.token}` } })).status, key).toBe(400);
    }
  });

  it("leaves nothing visible when an upload is cut off half-way", async () => {
    const key = `shots/${"f".repeat(32)}/clip.mp4`;
    const url = new URL(`${base}/${key}`);
    await new Promise<void>((resolve) => {
      const upload = request(url, { method: "PUT", headers: { authorization: `Bearer ${worker.token}`, "content-length": "100000" } });
      upload.on("error", () => resolve());
      upload.on("close", () => resolve());
      upload.write(BYTES, () => setTimeout(() => upload.destroy(), 100));
    });
    // The server notices the closed socket and removes its temporary file.
    const folder = `${server.services.config.artifactDir}/${team.project.id}/shots/${"f".repeat(32)}`;
    const deadline = Date.now() + 5000;
    while ((await filesUnder(folder)).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await filesUnder(folder)).toEqual([]);
    const after = await fetch(`${base}/${key}`, { headers: { authorization: `Bearer ${team.as.viewer.token}` } });
    expect(after.status).toBe(404);
  });
});
