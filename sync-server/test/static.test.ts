import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/server.js";

/** A raw GET, so paths like /../ reach the server exactly as written (fetch would normalise them). */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; type: string; cache: string; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"] ?? ""),
          cache: String(res.headers["cache-control"] ?? ""),
          body,
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serving the built client", () => {
  let server: TestServer;
  let clientDir: string;
  beforeAll(async () => {
    clientDir = mkdtempSync(join(tmpdir(), "aiuteur-client-"));
    mkdirSync(join(clientDir, "assets"));
    writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>Aiuteur</title>");
    writeFileSync(join(clientDir, "assets", "app-1234.js"), "console.log(1)");
    writeFileSync(join(clientDir, "sw.js"), "self.addEventListener('fetch', () => {})");
    server = await startTestServer("sqlite", { env: { CLIENT_DIR: clientDir } });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it("answers app routes with index.html so a reload on any page works", async () => {
    for (const path of ["/", "/login", "/projects/abc/episodes/def"]) {
      const res = await rawGet(server.url, path);
      expect(res.status, path).toBe(200);
      expect(res.body).toContain("<title>Aiuteur</title>");
      expect(res.cache).toBe("no-cache");
    }
  });

  it("caches hashed assets for good, but revalidates the service worker", async () => {
    const asset = await rawGet(server.url, "/assets/app-1234.js");
    expect(asset.type).toContain("text/javascript");
    expect(asset.cache).toContain("immutable");
    const sw = await rawGet(server.url, "/sw.js");
    expect(sw.body).toContain("addEventListener");
    expect(sw.cache).toBe("no-cache");
  });

  it("answers a missing asset with 404 rather than HTML, and never leaves the client folder", async () => {
    expect((await rawGet(server.url, "/assets/app-old.js")).status).toBe(404);
    expect((await rawGet(server.url, "/favicon.ico")).status).toBe(404);
    for (const path of ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fetc%2fpasswd"]) {
      const res = await rawGet(server.url, path);
      expect(res.body, path).not.toContain("root:");
    }
  });

  it("never answers API paths with the app", async () => {
    const res = await rawGet(server.url, "/api/unknown");
    expect(res.status).toBe(404);
    expect(res.type).toContain("application/json");
  });
});
