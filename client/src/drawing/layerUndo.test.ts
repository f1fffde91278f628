import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SKETCH_ARRAY, readStrokes, type NewStroke } from "@aiuteur/shared";
import { createLayerUndo } from "./layerUndo";

const stroke = (author: string, x: number): NewStroke => ({
  tool: "pen",
  points: [x, 0.1, x + 0.1, 0.2],
  color: "#111111",
  width: 3,
  text: "",
  author,
});

/** Two replicas wired together, as two browsers on one shot would be. */
function pair() {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  mine.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(theirs, update, "remote");
  });
  theirs.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(mine, update, "remote");
  });
  return { mine, theirs };
}

describe("layer undo", () => {
  it("undoes only my own strokes, never a collaborator's", () => {
    const { mine, theirs } = pair();
    const myUndo = createLayerUndo(mine.getArray(SKETCH_ARRAY), {});
    const theirUndo = createLayerUndo(theirs.getArray(SKETCH_ARRAY), {});
    myUndo.add(stroke("me", 0.1));
    theirUndo.add(stroke("you", 0.5));
    myUndo.add(stroke("me", 0.3));

    myUndo.undo();
    myUndo.undo();
    myUndo.undo(); // nothing of mine left: must not touch theirs
    expect(readStrokes(mine.getArray(SKETCH_ARRAY)).map((s) => s.author)).toEqual(["you"]);
    expect(readStrokes(theirs.getArray(SKETCH_ARRAY)).map((s) => s.author)).toEqual(["you"]);
    expect(myUndo.canUndo()).toBe(false);

    myUndo.redo();
    expect(readStrokes(theirs.getArray(SKETCH_ARRAY)).map((s) => s.author).sort()).toEqual(["me", "you"]);
  });

  it("keeps each stroke its own step, even when drawn in quick succession", () => {
    const doc = new Y.Doc();
    const undo = createLayerUndo(doc.getArray(SKETCH_ARRAY), {});
    undo.add(stroke("me", 0.1));
    undo.add(stroke("me", 0.2));
    undo.undo();
    expect(readStrokes(doc.getArray(SKETCH_ARRAY))).toHaveLength(1);
  });

  it("restores a stroke I deleted with the select tool", () => {
    const doc = new Y.Doc();
    const undo = createLayerUndo(doc.getArray(SKETCH_ARRAY), {});
    const id = undo.add(stroke("me", 0.1));
    undo.remove(id);
    expect(readStrokes(doc.getArray(SKETCH_ARRAY))).toHaveLength(0);
    undo.undo();
    expect(readStrokes(doc.getArray(SKETCH_ARRAY)).map((s) => s.id)).toEqual([id]);
  });
});
