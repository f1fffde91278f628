/**
 * Bad files and requests (issue 6): one real server fed malformed Fountain imports, JSON bodies of the wrong
 * shape on every body-taking route, over-long fields and path traversal in every name segment. Each must be
 * refused with a 4xx JSON error ({error:{code,message}}), never a 500 or a hang, must create nothing, and
 * the server must still answer /healthz afterwards.
 *
 * The router cannot list its routes, so BODY_ROUTES and NAMED_GET_ROUTES below were built by hand from
 * `grep -n 'router.add(' src/api/*.ts`; a new route must be added here too.
 */
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { FIELD_LIMITS, LIMITS } from "@aiuteur/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const FOUNTAIN_DIR = fileURLToPath(new URL("../../../shared/data/fountain/", import.meta.url));
const ONE_MB = "x".repeat(1024 * 1024);

interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

/** A request sent byte for byte: fetch would normalise "../" away and re-encode the body. */
function rawRequest(base: string, method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path} hung`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** The response is a client error with the server's JSON error shape. */
function expectJsonClientError(response: RawResponse, label: string): void {
  expect(response.status, `${label} → ${response.status} ${response.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${label} → ${response.status} ${response.text.slice(0, 200)}`).toBeLessThan(500);
  expect(response.contentType, label).toContain("application/json");
  const body = JSON.parse(response.text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, label).toBe("string");
  expect(typeof body.error?.message, label).toBe("string");
}

describe("bad files and requests", () => {
  let server: TestServer;
  let owner: ApiClient;
  let projectId: string;
  let episodeId: string;
  let sceneId: string;
  let memberId: string;
  let shotId: string;
  let scriptDocument: string;
  const auth = (): Record<string, string> => ({ authorization: `Bearer ${owner.token}` });

  /** Everything a bad request could have created, as the owner sees it. */
  async function snapshot(): Promise<unknown[]> {
    const paths = [
      "/api/projects",
      `/api/projects/${projectId}/episodes`,
      `/api/projects/${projectId}/members`,
      `/api/projects/${projectId}/branches`,
      `/api/projects/${projectId}/locks`,
      `/api/projects/${projectId}/documents/${encodeURIComponent(scriptDocument)}/versions`,
      `/api/projects/${projectId}/render-settings`,
    ];
    return Promise.all(
      paths.map(async (path) => {
        const result = await owner.request("GET", path);
        expect(result.status, path).toBe(200);
        return result.body;
      }),
    );
  }

  async function expectHealthy(): Promise<void> {
    expect((await owner.request("GET", "/healthz")).status).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    owner = new ApiClient(server.url);
    await owner.signup(uniqueEmail("bad-owner"));
    projectId = (await owner.createProject("Bad requests")).id;
    const episode = await owner.createEpisode(projectId, "Pilot", readFileSync(FOUNTAIN_DIR + "SceneHeading.fountain", "utf8"));
    episodeId = episode.id;
    scriptDocument = episode.documents.script;
    const scenes = await owner.request<{ id?: string; sceneId?: string }[]>("GET", `/api/projects/${projectId}/episodes/${episodeId}/scenes`);
    sceneId = scenes.body[0]?.sceneId ?? scenes.body[0]?.id ?? "";
    expect(sceneId).not.toBe("");
    const shots = await owner.request<{ id: string }[]>("POST", `/api/projects/${projectId}/episodes/${episodeId}/scenes/${encodeURIComponent(sceneId)}/shots`, {});
    expect(shots.status).toBe(201);
    shotId = shots.body[0]?.id ?? "";
    const memberEmail = uniqueEmail("bad-member");
    const member = new ApiClient(server.url);
    memberId = (await member.signup(memberEmail)).user.id;
    await owner.addMember(projectId, memberEmail, "writer");
  }, 30_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("imports truncated scripts as the text they are, and refuses binary, NUL-laden, oversized and invalid UTF-8 ones", async () => {
    const episodesPath = `/api/projects/${projectId}/episodes`;
    const episodesBefore = (await owner.request("GET", episodesPath)).body as unknown[];
    const post = (body: Buffer | string) =>
      rawRequest(server.url, "POST", episodesPath, body, { ...auth(), "content-type": "application/json" });

    // A truncated real script is still text: it may import (a short script is a script) but must never 500.
    let imported = 0;
    for (const file of readdirSync(FOUNTAIN_DIR).filter((name) => name.endsWith(".fountain"))) {
      const bytes = readFileSync(FOUNTAIN_DIR + file);
      const cut = bytes.subarray(0, Math.floor(bytes.length / 3)).toString("utf8");
      const response = await post(JSON.stringify({ title: `Cut ${file}`, fountain: cut }));
      expect([201, 400], `${file} → ${response.status} ${response.text.slice(0, 200)}`).toContain(response.status);
      if (response.status === 201) imported += 1;
      else expectJsonClientError(response, file);
    }
    const afterTruncated = (await owner.request("GET", episodesPath)).body as unknown[];
    expect(afterTruncated.length).toBe(episodesBefore.length + imported);

    // Every byte value but NUL (a NUL alone is caught below): the control characters must give it away.
    const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode(1 + ((i * 7919) % 255))).join("");
    const refusals: [string, Buffer | string][] = [
      ["binary bytes", JSON.stringify({ title: "Binary", fountain: binary })],
      ["NUL bytes", JSON.stringify({ title: "Nul", fountain: "INT. ROOM - DAY\n\nShe\u0000waits.\u0000\n" })],
      ["all NUL", JSON.stringify({ title: "Nul", fountain: "\u0000".repeat(1000) })],
      ["over the Fountain limit", JSON.stringify({ title: "Huge", fountain: "INT. ROOM - DAY\n\n" + "a".repeat(LIMITS.maxFountainBytes) })],
      [
        "invalid UTF-8",
        Buffer.concat([Buffer.from('{"title":"Bad bytes","fountain":"INT. ROOM - DAY '), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0]), Buffer.from('"}')]),
      ],
      ["fountain not a string", JSON.stringify({ title: "Number", fountain: 42 })],
      ["fountain an object", JSON.stringify({ title: "Object", fountain: { text: "INT. ROOM" } })],
    ];
    for (const [label, body] of refusals) expectJsonClientError(await post(body), label);
    expect((await owner.request("GET", episodesPath)).body).toEqual(afterTruncated);
    await expectHealthy();
  }, 30_000);

  it("refuses JSON bodies of the wrong shape on every POST, PATCH and PUT route, creating nothing", async () => {
    const p = `/api/projects/${projectId}`;
    const doc = `${p}/documents/${encodeURIComponent(scriptDocument)}`;
    const unknownId = "aaaaaaaaaaaaaaaa";
    // [method, path, whether {} is a complete request (every field optional), the field a 1 MB value goes in].
    // Merge and restore read no body (a real branch or version would be merged or restored whatever was
    // sent), so they are probed with unknown ids: the body must not turn their 404 into a 500.
    const routes: [string, string, boolean, string][] = [
      ["POST", "/api/auth/signup", false, "email"],
      ["POST", "/api/auth/login", false, "email"],
      ["POST", "/api/projects", false, "title"],
      ["POST", `${p}/episodes`, false, "title"],
      ["POST", `${p}/members`, false, "email"],
      ["PATCH", `${p}/members/${memberId}`, false, "role"],
      ["POST", `${p}/branches`, false, "name"],
      ["POST", `${p}/branches/${unknownId}/merge`, false, "name"],
      ["POST", `${p}/locks`, false, "document"],
      ["POST", `${p}/shots/${shotId}/renders/retry`, true, "contentHash"],
      ["POST", `${p}/shots/${shotId}/renders/review-copy`, true, "contentHash"],
      ["POST", `${p}/episodes/${episodeId}/animatic`, true, "transition"],
      ["PATCH", `${p}/render-settings`, true, "renderResolution"],
      ["POST", `${p}/episodes/${episodeId}/scenes/${encodeURIComponent(sceneId)}/shots`, true, "index"],
      ["POST", `${doc}/versions`, false, "label"],
      ["POST", `${doc}/versions/${unknownId}/restore`, false, "label"],
      ["POST", `${p}/assets`, false, "title"],
      ["PUT", `${p}/artifacts/shots/${"0".repeat(64)}/clip.mp4`, false, "title"],
    ];
    const wrongTypes = {
      title: 42, fountain: [1], email: { a: 1 }, password: 7, displayName: false, role: ["owner"], name: 3,
      from: {}, document: 12, label: [], contentHash: 5, index: "first", suggest: "yes",
      renderResolution: 720, renderProvider: null, renderFormat: {}, transition: 5, titleCards: "yes",
    };
    // Every field at 1 MB is over the body limit (413); one 1 MB field fits and must meet the field's own check.
    const allHuge = JSON.stringify(Object.fromEntries(Object.keys(wrongTypes).map((key) => [key, ONE_MB])));
    const variants: [string, string, boolean][] = [
      ["not JSON", "{title: 'nope'", false],
      ["a JSON array", JSON.stringify([{ title: "x" }]), false],
      ["a JSON string", JSON.stringify("title"), false],
      ["wrong field types", JSON.stringify(wrongTypes), false],
      ["missing required fields", "{}", true],
      ["every field 1 MB", allHuge, false],
    ];
    const before = await snapshot();
    for (const [method, path, emptyIsComplete, field] of routes) {
      const oneHugeField: [string, string, boolean] = [`a 1 MB ${field}`, JSON.stringify({ [field]: ONE_MB }), false];
      for (const [label, body, isEmpty] of [...variants, oneHugeField]) {
        const response = await rawRequest(server.url, method, path, body, { ...auth(), "content-type": "application/json" });
        const name = `${method} ${path} with ${label}`;
        if (isEmpty && emptyIsComplete) {
          expect(response.status, `${name} → ${response.status} ${response.text.slice(0, 200)}`).toBeLessThan(500);
        } else {
          expectJsonClientError(response, name);
        }
      }
      // The wrong media type altogether.
      expectJsonClientError(await rawRequest(server.url, method, path, "title=x", { ...auth(), "content-type": "text/plain" }), `${method} ${path} as text/plain`);
    }
    const after = await snapshot();
    // {} is a complete request to add a shot, queue an animatic or retry a render, so the shots and render
    // lists are left out; no bad body may create a project, episode, member, branch, lock or version, nor
    // change render settings.
    expect(after).toEqual(before);
    await expectHealthy();
  }, 60_000);

  it("refuses names, titles and passwords beyond FIELD_LIMITS", async () => {
    const before = await snapshot();
    const overLong: [string, string, unknown][] = [
      ["POST", "/api/projects", { title: "t".repeat(FIELD_LIMITS.title + 1) }],
      ["POST", `/api/projects/${projectId}/episodes`, { title: "t".repeat(FIELD_LIMITS.title + 1) }],
      ["POST", "/api/auth/signup", { email: uniqueEmail("long"), password: "correct horse", displayName: "d".repeat(FIELD_LIMITS.displayName + 1) }],
      ["POST", "/api/auth/signup", { email: `${"e".repeat(FIELD_LIMITS.email)}@example.test`, password: "correct horse", displayName: "Long" }],
      ["POST", "/api/auth/signup", { email: uniqueEmail("pw"), password: "p".repeat(FIELD_LIMITS.passwordMax + 1), displayName: "Pw" }],
      ["POST", "/api/auth/signup", { email: uniqueEmail("short"), password: "p".repeat(FIELD_LIMITS.passwordMin - 1), displayName: "Pw" }],
      ["POST", `/api/projects/${projectId}/members`, { email: `${"e".repeat(FIELD_LIMITS.email)}@example.test`, role: "viewer" }],
      ["POST", `/api/projects/${projectId}/branches`, { name: "b".repeat(10_000) }],
      ["POST", `/api/projects/${projectId}/documents/${encodeURIComponent(scriptDocument)}/versions`, { label: "l".repeat(10_000) }],
    ];
    for (const [method, path, body] of overLong) {
      const response = await rawRequest(server.url, method, path, JSON.stringify(body), { ...auth(), "content-type": "application/json" });
      expectJsonClientError(response, `${method} ${path} ${JSON.stringify(body).slice(0, 60)}`);
      expect(response.status, path).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
    await expectHealthy();
  }, 30_000);

  it("answers path traversal in every name segment with a 4xx JSON error and reads nothing outside", async () => {
    const before = await snapshot();
    const hostile = [
      "..",
      "..%2f..%2f..%2fetc%2fpasswd",
      "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "..%5c..%5cwindows",
      "x%00y",
      "%00",
      "%2fetc%2fpasswd",
      "%2F..%2F..%2Fetc%2Fpasswd",
      "%E0%A4%A",
      "a".repeat(4000),
    ];
    const p = `/api/projects/${projectId}`;
    const e = `${p}/episodes/${episodeId}`;
    const doc = `${p}/documents/${encodeURIComponent(scriptDocument)}`;
    // Each template has one ":x" segment to replace.
    const templates: [string, string][] = [
      ["GET", "/api/projects/:x"],
      ["GET", "/api/projects/:x/episodes"],
      ["GET", `${p}/episodes/:x`],
      ["GET", `${p}/episodes/:x/script.fountain`],
      ["GET", `${p}/episodes/:x/scenes`],
      ["GET", `${p}/episodes/:x/shots`],
      ["GET", `${p}/episodes/:x/animatic`],
      ["GET", `${p}/episodes/:x/animatic-plan`],
      ["GET", `${p}/assets/:x`],
      ["GET", `${p}/shots/:x`],
      ["GET", `${p}/shots/:x/renders`],
      ["GET", `${p}/shots/:x/render-context`],
      ["GET", `${p}/branches/:x/changes`],
      ["DELETE", `${p}/branches/:x`],
      ["DELETE", `${p}/members/:x`],
      ["DELETE", `${p}/locks/:x`],
      ["GET", `${p}/locks/:x/events`],
      ["GET", `${p}/documents/:x/versions`],
      ["GET", `${p}/documents/:x/state`],
      ["GET", `${doc}/versions/:x/state`],
      ["GET", `${p}/artifacts/shots/:x/clip.mp4`],
      ["GET", `${p}/artifacts/:x/${"0".repeat(64)}/clip.mp4`],
      ["GET", `${p}/artifacts/shots/${"0".repeat(64)}/:x`],
      ["GET", `${p}/artifacts/animatics/:x/${episodeId}/${"0".repeat(64)}/animatic.mp4`],
      ["GET", `${e}/scenes?branch=:x`],
      ["GET", `${e}/script.fountain?branch=:x`],
      ["GET", `${p}/locks?branch=:x`],
      ["GET", `${p}/episodes?branch=:x`],
    ];
    for (const [method, template] of templates) {
      for (const segment of hostile) {
        const path = template.replace(":x", segment);
        const response = await rawRequest(server.url, method, path, undefined, auth());
        expect(response.text).not.toContain("root:");
        const resolved = new URL(path, server.url);
        if (resolved.pathname + resolved.search !== path) {
          // A literal ".." segment is resolved as a browser would (WHATWG URL) before routing, so it can only
          // name another route of this API, answered exactly as that route is; never a file.
          const direct = await rawRequest(server.url, method, resolved.pathname + resolved.search, undefined, auth());
          expect({ status: response.status, text: response.text }, path).toEqual({ status: direct.status, text: direct.text });
          continue;
        }
        expectJsonClientError(response, `${method} ${path.slice(0, 160)}`);
      }
    }
    // Literal "../" before the API: the static handler must not serve files from outside its directory.
    for (const path of ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/api/../../etc/passwd"]) {
      const response = await rawRequest(server.url, "GET", path, undefined, auth());
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(response.text).not.toContain("root:");
    }
    expect(await snapshot()).toEqual(before);
    await expectHealthy();
  }, 60_000);
});
