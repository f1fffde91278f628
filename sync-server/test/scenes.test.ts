import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  createThread,
  decodeRelativePosition,
  encodeRelativePosition,
  newId,
  readThreads,
  SCREENPLAY_FRAGMENT,
  type SceneListItem,
  type ShotInfo,
} from "@aiuteur/shared";
import { waitFor, waitForAcknowledged } from "./helpers/collab.js";
import { DIALECTS } from "./helpers/storage.js";
import { teamForSuite } from "./helpers/fixtures.js";
import { KITCHEN_AND_STREET } from "./helpers/stories.js";

function blocks(doc: Y.Doc): Y.XmlElement[] {
  return doc.getXmlFragment(SCREENPLAY_FRAGMENT).toArray() as Y.XmlElement[];
}

function blockTextOf(element: Y.XmlElement): Y.XmlText {
  return element.toArray()[0] as Y.XmlText;
}

function heading(text: string, sceneId = newId()): Y.XmlElement {
  const element = new Y.XmlElement("sceneHeading");
  element.setAttribute("sceneId", sceneId);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

describe.each(DIALECTS)("scenes derived from the live script on %s", (dialect) => {
  const suite = teamForSuite(dialect, KITCHEN_AND_STREET);
  const scenesPath = () => `/api/projects/${suite.team.project.id}/episodes/${suite.team.episode.id}/scenes`;
  const listScenes = async () => {
    const result = await suite.team.as.reviewer.request<SceneListItem[]>("GET", scenesPath());
    expect(result.status).toBe(200);
    return result.body;
  };

  it("lists every scene with its number, heading parts, length, characters and documents", async () => {
    const scenes = await listScenes();
    expect(scenes.map(({ number, heading, intExt, location, timeOfDay }) => ({ number, heading, intExt, location, timeOfDay }))).toEqual([
      { number: "1", heading: "INT. KITCHEN - NIGHT", intExt: "INT", location: "KITCHEN", timeOfDay: "NIGHT" },
      { number: "2", heading: "EXT. STREET - DAY", intExt: "EXT", location: "STREET", timeOfDay: "DAY" },
    ]);
    expect(scenes[0]!.characters).toEqual(["MARA", "JONAS"]);
    expect(scenes[1]!.characters).toEqual(["JONAS"]);
    expect(scenes.every((scene) => scene.eighths >= 1)).toBe(true);
    const first = scenes[0]!;
    expect(first.documents.storyboard).toBe(`p/${suite.team.project.id}/b/main/storyboard/${first.sceneId}`);
    expect(first.documents.notes).toBe(`p/${suite.team.project.id}/b/main/notes/storyboard/${first.sceneId}`);
    // Listed scenes can be opened: their documents were registered.
    const board = suite.team.open("artist", first.documents.storyboard);
    expect(await board.ready).toEqual({ synced: true });
    const notes = suite.team.open("reviewer", first.documents.notes);
    expect(await notes.ready).toEqual({ synced: true });
  });

  it("keeps a scene's id and number through heading edits and follows pasted and deleted headings", async () => {
    const before = await listScenes();
    const writer = suite.team.open("writer", suite.team.episode.documents.script);
    await writer.ready;
    const [kitchen, street] = before.map((scene) => scene.sceneId);

    // Edit the first heading's text: same id, same number, new heading.
    const firstHeading = blocks(writer.doc)[0]!;
    blockTextOf(firstHeading).insert("INT. KITCHEN".length, " (LATER)");
    // Paste a heading with a fresh id between the two scenes.
    const pastedId = newId();
    const fragment = writer.doc.getXmlFragment(SCREENPLAY_FRAGMENT);
    const streetIndex = blocks(writer.doc).findIndex((b) => b.getAttribute("sceneId") === street);
    fragment.insert(streetIndex, [heading("INT. CAR - NIGHT", pastedId)]);
    await waitForAcknowledged(writer);

    const edited = await listScenes();
    expect(edited.map((s) => [s.sceneId, s.number, s.heading])).toEqual([
      [kitchen, "1", "INT. KITCHEN (LATER) - NIGHT"],
      [pastedId, "2", "INT. CAR - NIGHT"],
      [street, "3", "EXT. STREET - DAY"],
    ]);

    // Delete the pasted heading: the scene leaves the list, the others renumber and keep their ids.
    fragment.delete(blocks(writer.doc).findIndex((b) => b.getAttribute("sceneId") === pastedId), 1);
    await waitForAcknowledged(writer);
    expect((await listScenes()).map((s) => [s.sceneId, s.number])).toEqual([
      [kitchen, "1"],
      [street, "2"],
    ]);
  });

  it("registers a typed scene's storyboard at once, so another client opens it without asking for the list", async () => {
    const writer = suite.team.open("writer", suite.team.episode.documents.script);
    await writer.ready;
    const sceneId = newId();
    const fragment = writer.doc.getXmlFragment(SCREENPLAY_FRAGMENT);
    fragment.insert(fragment.length, [heading("EXT. ROOF - DAWN", sceneId)]);
    await waitForAcknowledged(writer);
    const name = `p/${suite.team.project.id}/b/main/storyboard/${sceneId}`;
    // Registration follows the change asynchronously; nobody asked for the scene list.
    const deadline = Date.now() + 5000;
    while (!(await suite.server.services.documents.meta(name)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const director = suite.team.open("director", name);
    expect(await director.ready).toEqual({ synced: true });
  });

  it("ignores hand-written heading ids that are not real ids: no list entry, no document", async () => {
    const writer = suite.team.open("writer", suite.team.episode.documents.script);
    await writer.ready;
    const fragment = writer.doc.getXmlFragment(SCREENPLAY_FRAGMENT);
    fragment.insert(fragment.length, [heading("INT. VAULT - NIGHT", "../../project"), heading("INT. ATTIC - DAY", "AAAAAAAAAAAAAAAA")]);
    await waitForAcknowledged(writer);
    const scenes = await listScenes();
    expect(scenes.some((s) => s.heading.includes("VAULT") || s.heading.includes("ATTIC"))).toBe(false);
    const rows = await suite.server.services.db.query<{ name: string }>("SELECT name FROM documents WHERE name LIKE $1", ["%storyboard/%"]);
    expect(rows.every((row) => /storyboard\/[a-z2-7]{16}$/.test(row.name))).toBe(true);
    fragment.delete(fragment.length - 2, 2);
    await waitForAcknowledged(writer);
  });

  it("orphans a deleted scene's shots instead of deleting them, and still adds shots to it", async () => {
    const writer = suite.team.open("writer", suite.team.episode.documents.script);
    await writer.ready;
    const sceneId = newId();
    const fragment = writer.doc.getXmlFragment(SCREENPLAY_FRAGMENT);
    fragment.insert(fragment.length, [heading("INT. CELLAR - NIGHT", sceneId)]);
    await waitForAcknowledged(writer);
    const shotsPath = `${scenesPath()}/${sceneId}/shots`;
    const created = await suite.team.as.director.request<ShotInfo[]>("POST", shotsPath, {});
    expect(created.status).toBe(201);
    const shotId = created.body[0]!.id;

    fragment.delete(blocks(writer.doc).findIndex((b) => b.getAttribute("sceneId") === sceneId), 1);
    await waitForAcknowledged(writer);
    expect((await listScenes()).some((s) => s.sceneId === sceneId)).toBe(false);

    const episodeShots = await suite.team.as.viewer.request<ShotInfo[]>("GET", `/api/projects/${suite.team.project.id}/episodes/${suite.team.episode.id}/shots`);
    expect(episodeShots.status).toBe(200);
    expect(episodeShots.body).toContainEqual(expect.objectContaining({ id: shotId, sceneId, episodeId: suite.team.episode.id }));

    const again = await suite.team.as.artist.request<ShotInfo[]>("POST", shotsPath, {});
    expect(again.status).toBe(201);
    expect(again.body).toHaveLength(1);
    const suggested = await suite.team.as.artist.request<ShotInfo[]>("POST", shotsPath, { suggest: true });
    expect(suggested).toEqual({ status: 201, body: [] });
    const board = suite.team.open("artist", `p/${suite.team.project.id}/b/main/storyboard/${sceneId}`);
    await board.ready;
    expect(board.doc.getArray("shots").toArray()).toEqual([shotId, again.body[0]!.id]);
  });

  it("keeps a script comment on its words after text and blocks are inserted above it", async () => {
    const reviewerScript = suite.team.open("reviewer", suite.team.episode.documents.script);
    const reviewerNotes = suite.team.open("reviewer", suite.team.episode.documents.notes);
    expect(await reviewerScript.ready).toEqual({ synced: true });
    expect(await reviewerNotes.ready).toEqual({ synced: true });
    const action = blocks(reviewerScript.doc).find((b) => b.nodeName === "action" && b.toString().includes("pours coffee"))!;
    const text = blockTextOf(action);
    const at = text.toString().indexOf("pours coffee");
    const start = Y.createRelativePositionFromTypeIndex(text, at);
    const end = Y.createRelativePositionFromTypeIndex(text, at + "pours coffee".length);
    createThread(reviewerNotes.doc, {
      anchor: { type: "text", start: encodeRelativePosition(start), end: encodeRelativePosition(end), quote: "pours coffee" },
      author: { id: suite.team.userIds.reviewer, name: "Reviewer" },
      body: "Is it coffee or tea?",
    });
    await waitForAcknowledged(reviewerNotes);

    const writer = suite.team.open("writer", suite.team.episode.documents.script);
    await writer.ready;
    const writerAction = blocks(writer.doc).find((b) => b.toString().includes("pours coffee"))!;
    blockTextOf(writerAction).insert(0, "Slowly, ");
    const fragment = writer.doc.getXmlFragment(SCREENPLAY_FRAGMENT);
    const above = new Y.XmlElement("action");
    above.insert(0, [new Y.XmlText("A clock ticks.")]);
    fragment.insert(0, [heading("INT. HALL - NIGHT"), above]);
    await waitForAcknowledged(writer);

    // A third person, opening both documents fresh, finds the comment on the same words.
    const directorScript = suite.team.open("director", suite.team.episode.documents.script);
    const directorNotes = suite.team.open("director", suite.team.episode.documents.notes);
    await directorScript.ready;
    await directorNotes.ready;
    await waitFor(() => readThreads(directorNotes.doc).length === 1, "the thread to arrive");
    const anchor = readThreads(directorNotes.doc)[0]!.anchor;
    if (anchor.type !== "text") throw new Error("expected a text anchor");
    const from = Y.createAbsolutePositionFromRelativePosition(decodeRelativePosition(anchor.start)!, directorScript.doc)!;
    const to = Y.createAbsolutePositionFromRelativePosition(decodeRelativePosition(anchor.end)!, directorScript.doc)!;
    expect(from.type).toBe(to.type);
    const words = (from.type as Y.XmlText).toString().slice(from.index, to.index);
    expect(words).toBe("pours coffee");
    expect((from.type as Y.XmlText).toString()).toBe("Slowly, MARA pours coffee for two.");
  });
});
