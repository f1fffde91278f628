import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addBeat,
  applyBeatTemplate,
  beatText,
  beatsByScene,
  FIFTEEN_BEAT_TEMPLATE,
  linkScene,
  moveBeat,
  readBeats,
  removeBeat,
  unlinkScene,
  updateBeat,
  beatMap,
} from "./beats.js";

function sync(...docs: Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe("beat sheet", () => {
  it("adds, edits, reorders and removes beats", () => {
    const doc = new Y.Doc();
    const a = addBeat(doc, { title: "Catalyst", act: 1, color: "red" });
    const b = addBeat(doc, { title: "Midpoint", act: 2 });
    const c = addBeat(doc, { title: "Opening" }, 0);
    expect(readBeats(doc).map((beat) => beat.title)).toEqual(["Opening", "Catalyst", "Midpoint"]);
    updateBeat(doc, b, { description: "Stakes rise.", color: "purple", act: 3 });
    expect(readBeats(doc)[2]).toEqual({ id: b, title: "Midpoint", description: "Stakes rise.", act: 3, color: "purple", sceneIds: [] });
    moveBeat(doc, c, 2);
    expect(readBeats(doc).map((beat) => beat.id)).toEqual([a, b, c]);
    removeBeat(doc, a);
    expect(readBeats(doc).map((beat) => beat.id)).toEqual([b, c]);
    expect(beatMap(doc).has(a)).toBe(false);
  });

  it("ignores an invalid act or colour and repairs a malformed entry on read", () => {
    const doc = new Y.Doc();
    const id = addBeat(doc, { title: "x" });
    updateBeat(doc, id, { act: 7 as never, color: "plaid" as never });
    expect(readBeats(doc)[0]).toMatchObject({ act: 1, color: "grey" });
    (beatMap(doc).get(id) as Y.Map<unknown>).set("act", "two"); // as an old or broken client might
    expect(readBeats(doc)[0]!.act).toBe(1);
  });

  it("links scenes by id, once each, and indexes beats by scene", () => {
    const doc = new Y.Doc();
    const a = addBeat(doc, { title: "A" });
    const b = addBeat(doc, { title: "B", sceneIds: ["s2"] });
    linkScene(doc, a, "s1");
    linkScene(doc, a, "s1");
    linkScene(doc, a, "s2");
    unlinkScene(doc, b, "s2");
    const beats = readBeats(doc);
    expect(beats[0]!.sceneIds).toEqual(["s1", "s2"]);
    expect(beats[1]!.sceneIds).toEqual([]);
    expect([...beatsByScene(beats).entries()].map(([scene, list]) => [scene, list.map((x) => x.title)])).toEqual([
      ["s1", ["A"]],
      ["s2", ["A"]],
    ]);
  });

  it("starts from the fifteen-beat template after existing beats", () => {
    const doc = new Y.Doc();
    addBeat(doc, { title: "Mine" });
    const ids = applyBeatTemplate(doc);
    expect(ids).toHaveLength(15);
    const beats = readBeats(doc);
    expect(beats.map((beat) => beat.title)).toEqual(["Mine", ...FIFTEEN_BEAT_TEMPLATE.map((beat) => beat.title)]);
    expect(new Set(beats.map((beat) => beat.act))).toEqual(new Set([1, 2, 3]));
  });

  it("merges two writers typing in the same beat title at once", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const id = addBeat(one, { title: "The hero leaves" });
    sync(one, two);
    beatText(one, id, "title")!.insert(0, "Finally, ");
    updateBeat(two, id, { title: "The hero leaves home" });
    sync(one, two);
    expect(readBeats(one)[0]!.title).toBe("Finally, The hero leaves home");
    expect(readBeats(two)).toEqual(readBeats(one));
  });

  it("keeps both scene links made concurrently", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const id = addBeat(one, { title: "A" });
    sync(one, two);
    linkScene(one, id, "s1");
    linkScene(two, id, "s2");
    sync(one, two);
    expect([...readBeats(one)[0]!.sceneIds].sort()).toEqual(["s1", "s2"]);
    expect(readBeats(two)).toEqual(readBeats(one));
  });
});
