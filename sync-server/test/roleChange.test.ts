import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_REFUSALS } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { connect, waitFor, type CollabClient } from "./helpers/collab.js";
import { appendBlock, blockTexts } from "./helpers/script.js";
import { startTestServer, type TestServer } from "./helpers/server.js";


describe("changing a member's role while they are connected", () => {
  let server: TestServer;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it("turns a demoted writer read-only at once and shuts a removed member out", async () => {
    const owner = new ApiClient(server.url);
    await owner.signup(uniqueEmail("owner"));
    const project = await owner.createProject("Roles");
    const { documents } = await owner.createEpisode(project.id, "Ep");
    const writerEmail = uniqueEmail("writer");
    const writer = new ApiClient(server.url);
    const { user } = await writer.signup(writerEmail);
    await owner.addMember(project.id, writerEmail, "writer");

    const w = connect(server.url, documents.script, writer.token!);
    const o = connect(server.url, documents.script, owner.token!);
    clients.push(w, o);
    await w.ready;
    await o.ready;
    expect(w.provider.authorizedScope).toBe("read-write");

    expect((await owner.request("PATCH", `/api/projects/${project.id}/members/${user.id}`, { role: "viewer" })).status).toBe(200);
    await waitFor(() => w.provider.authorizedScope === "readonly", "the demoted writer to reconnect read-only");
    appendBlock(w.doc, "after demotion");
    appendBlock(o.doc, "owner marker");
    await waitFor(() => blockTexts(o.doc).includes("owner marker"), "the owner's own edit");
    await waitFor(() => blockTexts(w.doc).includes("owner marker"), "the owner's edit to reach the viewer");
    expect(blockTexts(o.doc)).not.toContain("after demotion");

    let refusal = "";
    w.provider.on("authenticationFailed", ({ reason }: { reason: string }) => (refusal = reason));
    expect((await owner.request("DELETE", `/api/projects/${project.id}/members/${user.id}`)).status).toBe(200);
    await waitFor(() => refusal === AUTH_REFUSALS.notMember, "the removed member to be refused");
  });
});
