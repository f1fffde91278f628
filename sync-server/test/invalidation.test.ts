import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readLockMirror, SCREENPLAY_FRAGMENT, type LockInfo } from "@aiuteur/shared";
import { waitFor, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { teamForSuite } from "./helpers/fixtures.js";
import { eventually, listLocks, lockDocument, lockEvents, newShot, scenesOf, unlockDocument } from "./helpers/locks.js";
import { DIALECTS } from "./helpers/storage.js";
import { KITCHEN_AND_STREET } from "./helpers/stories.js";

/** Types `text` at the start of the first block of the script that contains `containing`. */
function typeInto(client: CollabClient, containing: string, text: string): void {
  const block = client.doc
    .getXmlFragment(SCREENPLAY_FRAGMENT)
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.toString().includes(containing));
  if (!block) throw new Error(`No block contains ${containing}`);
  (block.get(0) as Y.XmlText).insert(0, text);
}

describe.each(DIALECTS)("invalidation of locked shots when their scene changes on %s", (dialect) => {
  const suite = teamForSuite(dialect, KITCHEN_AND_STREET);

  it("invalidates the locked shots of a scene edited after its script was unlocked, and only those", async () => {
    const { team } = suite;
    const projectId = team.project.id;
    const script = team.episode.documents.script;
    const [kitchen, street] = await scenesOf(team);
    const kitchenShot = await newShot(team, kitchen!.sceneId);
    const streetShot = await newShot(team, street!.sceneId);
    const lockOf = async (document: string): Promise<LockInfo | undefined> =>
      (await listLocks(team.as.viewer, projectId)).find((lock) => lock.document === document);

    expect((await lockDocument(team.as.director, projectId, script)).status).toBe(201);
    expect((await lockDocument(team.as.director, projectId, kitchenShot.documents.shot)).status).toBe(201);
    expect((await lockDocument(team.as.director, projectId, streetShot.documents.shot)).status).toBe(201);
    const kitchenCanvas = team.open("artist", kitchenShot.documents.shot);
    await kitchenCanvas.ready;
    expect((await unlockDocument(team.as.owner, projectId, script)).status).toBe(200);

    const writer = team.open("writer", script);
    await writer.ready;
    typeInto(writer, "Rain.", "Heavy ");
    await waitForAcknowledged(writer);
    await eventually(async () => (await lockOf(streetShot.documents.shot))?.status === "invalidated", "the street shot to be invalidated");
    expect(await lockOf(streetShot.documents.shot)).toMatchObject({ reason: "Scene 2 changed in the script" });
    // The kitchen did not change: its shot is still approved.
    expect(await lockOf(kitchenShot.documents.shot)).toMatchObject({ status: "locked" });
    expect(readLockMirror(kitchenCanvas.doc, "main").status).toBe("locked");

    typeInto(writer, "pours coffee", "Slowly, ");
    await waitForAcknowledged(writer);
    await eventually(async () => (await lockOf(kitchenShot.documents.shot))?.status === "invalidated", "the kitchen shot to be invalidated");
    expect(await lockOf(kitchenShot.documents.shot)).toMatchObject({
      status: "invalidated",
      reason: "Scene 1 changed in the script",
      lockedBy: { id: team.userIds.director },
    });
    await waitFor(() => readLockMirror(kitchenCanvas.doc, "main").status === "invalidated", "the invalidation to show on the canvas");
    expect(readLockMirror(kitchenCanvas.doc, "main")).toMatchObject({ reason: "Scene 1 changed in the script" });
    const [invalidated] = await lockEvents(team.as.reviewer, projectId, kitchenShot.documents.shot);
    expect(invalidated).toMatchObject({
      action: "invalidated",
      by: { id: team.userIds.writer, displayName: "Writer" },
      reason: "Scene 1 changed in the script",
      at: expect.any(Number),
    });

    // Still read-only until a director approves it again.
    const late = team.open("artist", kitchenShot.documents.shot);
    await late.ready;
    expect(late.provider.authorizedScope).toBe("readonly");

    expect((await lockDocument(team.as.director, projectId, script)).status).toBe(201);
    const reapproved = await lockDocument(team.as.director, projectId, kitchenShot.documents.shot);
    expect(reapproved.status).toBe(201);
    expect(reapproved.body).toMatchObject({ status: "locked" });
    expect(reapproved.body.reason).toBeUndefined();
    await waitFor(() => readLockMirror(kitchenCanvas.doc, "main").status === "locked", "the re-approval to show on the canvas");
    expect((await lockEvents(team.as.reviewer, projectId, kitchenShot.documents.shot)).map((e) => e.action)).toEqual([
      "reapproved",
      "invalidated",
      "locked",
    ]);
  });

  it("compares with the baselines of the script's latest lock", async () => {
    const { team } = suite;
    const projectId = team.project.id;
    const episode = await team.as.owner.createEpisode(projectId, "Baselines", KITCHEN_AND_STREET);
    const [kitchen, street] = await scenesOf(team, episode.id);
    const kitchenShot = await newShot(team, kitchen!.sceneId, episode.id);
    const streetShot = await newShot(team, street!.sceneId, episode.id);
    const statusOf = async (document: string) =>
      (await listLocks(team.as.viewer, projectId, "?branch=main")).find((lock) => lock.document === document)?.status;

    // First approval, then the street scene is rewritten while unlocked.
    expect((await lockDocument(team.as.director, projectId, episode.documents.script)).status).toBe(201);
    expect((await unlockDocument(team.as.director, projectId, episode.documents.script)).status).toBe(200);
    const writer = team.open("writer", episode.documents.script);
    await writer.ready;
    typeInto(writer, "Rain.", "Heavy ");
    await waitForAcknowledged(writer);

    // Approved again with the rewrite: the new text is the baseline now.
    expect((await lockDocument(team.as.director, projectId, episode.documents.script)).status).toBe(201);
    expect((await lockDocument(team.as.director, projectId, streetShot.documents.shot)).status).toBe(201);
    expect((await lockDocument(team.as.director, projectId, kitchenShot.documents.shot)).status).toBe(201);
    expect((await unlockDocument(team.as.director, projectId, episode.documents.script)).status).toBe(200);
    typeInto(writer, "pours coffee", "Quietly, ");
    await waitForAcknowledged(writer);
    await eventually(async () => (await statusOf(kitchenShot.documents.shot)) === "invalidated", "the kitchen shot to be invalidated");
    expect(await statusOf(streetShot.documents.shot)).toBe("locked");
  });
});
