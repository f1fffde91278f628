import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { DIALECTS } from "./helpers/storage.js";

const FOUNTAIN = `Title: The Long Take
Author: A. Writer

INT. EDITING SUITE - NIGHT

MAYA cuts film by lamplight.

MAYA
(quietly)
One more pass.

CUT TO:
`;

describe.each(DIALECTS)("REST API on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => {
    await server.stop();
  });
  const client = () => new ApiClient(server.url);

  it("signs up, logs in and answers /api/me with the same user", async () => {
    const email = uniqueEmail("maya");
    const api = client();
    const signup = await api.signup(email, "Maya");
    expect(signup.user).toEqual({ id: expect.any(String), email, displayName: "Maya" });
    const login = await client().request("POST", "/api/auth/login", { email: email.toUpperCase(), password: "correct horse battery" });
    expect(login.status).toBe(200);
    expect(login.body.user).toEqual(signup.user);
    const me = await new ApiClient(server.url, login.body.token).request("GET", "/api/me");
    expect(me).toEqual({ status: 200, body: signup.user });
  });

  it("refuses a duplicate email, a wrong password and a bad token with stable error codes", async () => {
    const email = uniqueEmail("dup");
    await client().signup(email);
    const again = await client().request("POST", "/api/auth/signup", { email, password: "another password", displayName: "X" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("email_taken");
    const wrong = await client().request("POST", "/api/auth/login", { email, password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("invalid_credentials");
    const bad = await new ApiClient(server.url, "not.a.token").request("GET", "/api/me");
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe("unauthenticated");
  });

  it("rejects bodies of the wrong shape with a 4xx naming the problem, creating nothing", async () => {
    const cases: [unknown, string | undefined][] = [
      ["{not json", undefined],
      [[], undefined],
      [{ email: "no-at-sign", password: "long enough pw", displayName: "A" }, "email"],
      [{ email: uniqueEmail("short"), password: "short", displayName: "A" }, "password"],
      [{ email: uniqueEmail("name"), password: "long enough pw", displayName: "x".repeat(81) }, "displayName"],
      [{ email: uniqueEmail("type"), password: 12345678, displayName: "A" }, "password"],
    ];
    for (const [body, field] of cases) {
      const result = await client().request("POST", "/api/auth/signup", body);
      expect(result.status).toBe(400);
      expect(result.body.error.message).toEqual(expect.any(String));
      if (field) expect(result.body.error.details.field).toBe(field);
    }
    const wrongType = await client().request("POST", "/api/auth/signup", "email=a", { "content-type": "text/plain" });
    expect(wrongType.status).toBe(415);
  });

  it("creates projects owned by their creator and lists only the caller's projects", async () => {
    const owner = client();
    await owner.signup(uniqueEmail("owner"));
    const project = await owner.createProject("Night Shift");
    expect(project).toEqual({ id: expect.stringMatching(/^[a-z2-7]{16}$/), title: "Night Shift", role: "owner" });
    const other = client();
    await other.signup(uniqueEmail("other"));
    expect((await other.request("GET", "/api/projects")).body).toEqual([]);
    expect((await owner.request("GET", "/api/projects")).body).toEqual([project]);
    const peek = await other.request("GET", `/api/projects/${project.id}`);
    expect(peek.status).toBe(404);
  });

  it("lets owners and directors add existing users with a role, and nobody else", async () => {
    const owner = client();
    await owner.signup(uniqueEmail("own"));
    const project = await owner.createProject("Members");
    const directorEmail = uniqueEmail("dir");
    const writerEmail = uniqueEmail("wri");
    const director = client();
    await director.signup(directorEmail);
    const writer = client();
    await writer.signup(writerEmail);

    const added = await owner.request("POST", `/api/projects/${project.id}/members`, { email: directorEmail, role: "director" });
    expect(added.status).toBe(201);
    expect(added.body.role).toBe("director");
    expect((await director.request("POST", `/api/projects/${project.id}/members`, { email: writerEmail, role: "writer" })).status).toBe(201);
    const byWriter = await writer.request("POST", `/api/projects/${project.id}/members`, { email: uniqueEmail("x"), role: "viewer" });
    expect(byWriter.status).toBe(403);
    const directorMakesOwner = await director.request("PATCH", `/api/projects/${project.id}/members/${(await writer.request("GET", "/api/me")).body.id}`, { role: "owner" });
    expect(directorMakesOwner.status).toBe(403);
    const missing = await owner.request("POST", `/api/projects/${project.id}/members`, { email: uniqueEmail("ghost"), role: "viewer" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("user_not_found");
    const twice = await owner.request("POST", `/api/projects/${project.id}/members`, { email: writerEmail, role: "viewer" });
    expect(twice.status).toBe(409);
    const badRole = await owner.request("POST", `/api/projects/${project.id}/members`, { email: writerEmail, role: "producer" });
    expect(badRole.status).toBe(400);
    const members = (await writer.request("GET", `/api/projects/${project.id}/members`)).body as { role: string }[];
    expect(members.map((m) => m.role)).toEqual(["owner", "director", "writer"]);
    expect((await writer.request("GET", "/api/projects")).body).toEqual([{ id: project.id, title: "Members", role: "writer" }]);
  });

  it("imports a Fountain script into a new episode and exports it back", async () => {
    const owner = client();
    await owner.signup(uniqueEmail("imp"));
    const project = await owner.createProject("Import");
    const episode = await owner.createEpisode(project.id, "Pilot", FOUNTAIN);
    expect(episode.documents.script).toBe(`p/${project.id}/b/main/script/${episode.id}`);
    const fetched = await owner.request("GET", `/api/projects/${project.id}/episodes/${episode.id}`);
    expect(fetched.body).toEqual(episode);
    expect((await owner.request("GET", `/api/projects/${project.id}/episodes`)).body).toEqual([episode]);
    const exported = await owner.request("GET", `/api/projects/${project.id}/episodes/${episode.id}/script.fountain`);
    expect(exported.status).toBe(200);
    const text = exported.body as string;
    expect(text).toContain("Title: The Long Take");
    expect(text).toContain("INT. EDITING SUITE - NIGHT");
    expect(text).toMatch(/MAYA\n\(quietly\)\nOne more pass\./);
    expect(text).toContain("CUT TO:");
  });

  it("takes the title from the title page when none is given, and requires one otherwise", async () => {
    const owner = client();
    await owner.signup(uniqueEmail("tp"));
    const project = await owner.createProject("Titles");
    const fromPage = await owner.request("POST", `/api/projects/${project.id}/episodes`, { fountain: FOUNTAIN });
    expect(fromPage.status).toBe(201);
    expect(fromPage.body.title).toBe("The Long Take");
    const none = await owner.request("POST", `/api/projects/${project.id}/episodes`, { fountain: "INT. A ROOM - DAY\n" });
    expect(none.status).toBe(400);
  });

  it("refuses a binary or malformed upload with a clear error and creates nothing", async () => {
    const owner = client();
    await owner.signup(uniqueEmail("bin"));
    const project = await owner.createProject("Broken");
    const png = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR";
    const binary = await owner.request("POST", `/api/projects/${project.id}/episodes`, { title: "Bad", fountain: png });
    expect(binary.status).toBe(400);
    expect(binary.body.error.code).toBe("invalid_fountain");
    const notText = await owner.request("POST", `/api/projects/${project.id}/episodes`, { title: "Bad", fountain: 42 });
    expect(notText.status).toBe(400);
    const huge = await owner.request("POST", `/api/projects/${project.id}/episodes`, { title: "Big", fountain: "A".repeat(2 * 1024 * 1024 + 1) });
    expect(huge.status).toBe(413);
    expect((await owner.request("GET", `/api/projects/${project.id}/episodes`)).body).toEqual([]);
  });

  it("lets only owners, directors and writers create episodes, and hides projects from non-members", async () => {
    const owner = client();
    await owner.signup(uniqueEmail("o"));
    const project = await owner.createProject("Gate");
    const reviewerEmail = uniqueEmail("rev");
    const reviewer = client();
    await reviewer.signup(reviewerEmail);
    await owner.addMember(project.id, reviewerEmail, "reviewer");
    const byReviewer = await reviewer.request("POST", `/api/projects/${project.id}/episodes`, { title: "No" });
    expect(byReviewer.status).toBe(403);
    const stranger = client();
    await stranger.signup(uniqueEmail("str"));
    const episode = await owner.createEpisode(project.id, "Yes");
    expect((await stranger.request("GET", `/api/projects/${project.id}/episodes`)).status).toBe(404);
    expect((await stranger.request("GET", `/api/projects/${project.id}/episodes/${episode.id}/script.fountain`)).status).toBe(404);
    expect((await reviewer.request("GET", `/api/projects/${project.id}/episodes/${episode.id}/script.fountain`)).status).toBe(200);
  });

  it("answers unknown paths, malformed ids and traversal attempts with 404 JSON", async () => {
    const owner = client();
    await owner.signup(uniqueEmail("path"));
    for (const path of [
      "/api/nothing-here",
      "/api/projects/..%2F..%2Fetc%2Fpasswd",
      "/api/projects/ABC/episodes",
      "/api/projects/aaaaaaaaaaaaaaaa/episodes/..%2Fx/script.fountain",
    ]) {
      const result = await owner.request("GET", path);
      expect(result.status, path).toBe(404);
      expect(result.body.error.code).toBe("not_found");
    }
    expect((await owner.request("DELETE", "/api/projects")).status).toBe(405);
  });

  it("reports liveness and readiness", async () => {
    expect((await client().request("GET", "/healthz")).body).toEqual({ status: "ok" });
    expect((await client().request("GET", "/readyz")).body).toEqual({ status: "ready" });
  });
});
