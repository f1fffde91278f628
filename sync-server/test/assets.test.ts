import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSET_LIMITS, type AssetInfo } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { DIALECTS } from "./helpers/storage.js";
import { createTeam, type Team } from "./helpers/team.js";

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const GIF = Buffer.from("R0lGODlhAQABAAAAACw=", "base64");

describe.each(DIALECTS)("reference image assets on %s", (dialect) => {
  let server: TestServer;
  let team: Team;
  const assetsPath = () => `/api/projects/${team.project.id}/assets`;

  const upload = (client: ApiClient, body: Uint8Array, contentType: string) =>
    fetch(server.url + assetsPath(), {
      method: "POST",
      headers: { authorization: `Bearer ${client.token}`, "content-type": contentType },
      body,
    });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    team = await createTeam(server, "INT. ROOM - DAY\n");
  });
  afterAll(async () => {
    team.close();
    await server.stop();
  });

  it("stores an uploaded image and serves its bytes back to members with safe caching headers", async () => {
    const response = await upload(team.as.artist, PNG, "image/png");
    expect(response.status).toBe(201);
    const asset = (await response.json()) as AssetInfo;
    expect(asset).toEqual({ id: expect.stringMatching(/^[a-z2-7]{16}$/), contentType: "image/png", bytes: PNG.byteLength });

    const fetched = await fetch(`${server.url}${assetsPath()}/${asset.id}`, { headers: { authorization: `Bearer ${team.as.viewer.token}` } });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toBe("image/png");
    expect(fetched.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(fetched.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);

    // The stored type is what the bytes are, not what the upload claimed.
    const gif = (await (await upload(team.as.director, GIF, "image/png")).json()) as AssetInfo;
    expect(gif.contentType).toBe("image/gif");

    expect((await team.stranger.request("GET", `${assetsPath()}/${asset.id}`)).status).toBe(404);
    const other = new ApiClient(server.url);
    await other.signup(uniqueEmail("other"));
    const otherProject = await other.createProject("Other");
    expect((await other.request("GET", `/api/projects/${otherProject.id}/assets/${asset.id}`)).status).toBe(404);
    expect((await team.as.viewer.request("GET", `${assetsPath()}/zzzzzzzzzzzzzzzz`)).status).toBe(404);
  });

  it("refuses a file that is not really an image, whatever its declared type, with 415", async () => {
    const html = Buffer.from("<!doctype html><script>alert(1)</script>");
    const disguised = await upload(team.as.artist, html, "image/png");
    expect(disguised.status).toBe(415);
    expect(((await disguised.json()) as { error: { message: string } }).error.message).toMatch(/not a PNG, JPEG, WebP or GIF/);
    const declared = await upload(team.as.artist, PNG, "text/html");
    expect(declared.status).toBe(415);
    expect((await upload(team.as.artist, Buffer.alloc(0), "image/png")).status).toBe(400);
  });

  it("refuses an image over the size limit with 413, declared or streamed", async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(ASSET_LIMITS.maxBytes)]);
    const declared = await upload(team.as.artist, big, "image/png");
    expect(declared.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(PNG);
        for (let sent = 0; sent <= ASSET_LIMITS.maxBytes; sent += 1024 * 1024) controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    const streamed = await fetch(server.url + assetsPath(), {
      method: "POST",
      headers: { authorization: `Bearer ${team.as.artist.token}`, "content-type": "image/png" },
      body: stream,
      duplex: "half",
    } as RequestInit & { duplex: "half" }).catch((error: unknown) => error);
    // The server answers 413 and closes; depending on timing the client sees the answer or a reset.
    if (streamed instanceof Response) expect(streamed.status).toBe(413);
    const rows = await server.services.db.query<{ bytes: number }>("SELECT bytes FROM assets");
    expect(rows.every((row) => Number(row.bytes) <= ASSET_LIMITS.maxBytes)).toBe(true);
  });

  it("lets only roles that write the project, storyboards or shots upload", async () => {
    for (const role of ["writer", "reviewer", "viewer"] as const) {
      const refused = await upload(team.as[role], PNG, "image/png");
      expect(refused.status, role).toBe(403);
    }
    for (const role of ["owner", "director", "artist"] as const) {
      expect((await upload(team.as[role], PNG, "image/png")).status, role).toBe(201);
    }
    const stranger = await upload(team.stranger, PNG, "image/png");
    expect(stranger.status).toBe(404);
  });
});
