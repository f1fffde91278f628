import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addBeat, beatsByScene, deriveScenes, linkScene, readBeats, textBlock } from "@aiuteur/shared";
import { filterSceneRows, sceneRows, sceneTotals } from "./sceneRows";

function script() {
  return deriveScenes([
    textBlock("sceneHeading", "INT. KITCHEN - NIGHT", { sceneId: "s-kitchen" }),
    textBlock("action", "Maya scrubs a pan. Leo watches."),
    textBlock("character", "MAYA"),
    textBlock("dialogue", "You're late."),
    textBlock("character", "LEO"),
    textBlock("dialogue", "The ferry was late."),
    textBlock("sceneHeading", "EXT. HARBOUR - DAY", { sceneId: "s-harbour" }),
    textBlock("action", "Gulls. A ferry docks."),
  ]);
}

describe("the scene list rows", () => {
  it("lists each scene with the beats linked to it", () => {
    const doc = new Y.Doc();
    const midpoint = addBeat(doc, { title: "Midpoint" });
    addBeat(doc, { title: "Unlinked" });
    linkScene(doc, midpoint, "s-harbour");
    const rows = sceneRows(script(), beatsByScene(readBeats(doc)));
    expect(rows.map((row) => [row.scene.sceneId, row.beats.map((beat) => beat.title)])).toEqual([
      ["s-kitchen", []],
      ["s-harbour", ["Midpoint"]],
    ]);
  });

  it("filters by heading text, character, location or beat title, every word having to match", () => {
    const doc = new Y.Doc();
    linkScene(doc, addBeat(doc, { title: "Catalyst" }), "s-harbour");
    const rows = sceneRows(script(), beatsByScene(readBeats(doc)));
    const ids = (query: string) => filterSceneRows(rows, query).map((row) => row.scene.sceneId);
    expect(ids("")).toEqual(["s-kitchen", "s-harbour"]);
    expect(ids("leo")).toEqual(["s-kitchen"]);
    expect(ids("harbour")).toEqual(["s-harbour"]);
    expect(ids("catalyst")).toEqual(["s-harbour"]);
    expect(ids("night maya")).toEqual(["s-kitchen"]);
    expect(ids("night gulls")).toEqual([]);
  });

  it("totals the scenes and their length", () => {
    const rows = sceneRows(script(), new Map());
    const totals = sceneTotals(rows);
    expect(totals.scenes).toBe(2);
    expect(totals.eighths).toBe(rows[0]!.scene.eighths + rows[1]!.scene.eighths);
  });
});
