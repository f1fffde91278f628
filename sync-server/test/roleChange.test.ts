import { describe, expect, it } from "vitest";
import { AUTH_REFUSALS } from "@aiuteur/shared";
import { waitFor } from "./helpers/collab.js";
import { ownerAndWriter, serverForSuite } from "./helpers/fixtures.js";
import { appendBlock, blockTexts } from "./helpers/script.js";

describe("changing a member's role while they are connected", () => {
  const suite = serverForSuite();

  it("turns a demoted writer read-only at once and shuts a removed member out", async () => {
    const { owner, writer, writerId, project } = await ownerAndWriter(suite.server, "Roles");
    const { documents } = await owner.createEpisode(project.id, "Ep");

    const w = suite.connect(documents.script, writer.token!);
    const o = suite.connect(documents.script, owner.token!);
    await w.ready;
    await o.ready;
    expect(w.provider.authorizedScope).toBe("read-write");

    expect((await owner.request("PATCH", `/api/projects/${project.id}/members/${writerId}`, { role: "viewer" })).status).toBe(200);
    await waitFor(() => w.provider.authorizedScope === "readonly", "the demoted writer to reconnect read-only");
    appendBlock(w.doc, "after demotion");
    appendBlock(o.doc, "owner marker");
    await waitFor(() => blockTexts(o.doc).includes("owner marker"), "the owner's own edit");
    await waitFor(() => blockTexts(w.doc).includes("owner marker"), "the owner's edit to reach the viewer");
    expect(blockTexts(o.doc)).not.toContain("after demotion");

    let refusal = "";
    w.provider.on("authenticationFailed", ({ reason }: { reason: string }) => (refusal = reason));
    expect((await owner.request("DELETE", `/api/projects/${project.id}/members/${writerId}`)).status).toBe(200);
    await waitFor(() => refusal === AUTH_REFUSALS.notMember, "the removed member to be refused");
  });
});
