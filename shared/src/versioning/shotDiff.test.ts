import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addStroke, removeStroke, SKETCH_ARRAY, type NewStroke } from "../story/drawing.js";
import { initShotDocument, writeShotFields } from "../story/shots.js";
import { diffShotFields, shotFieldTexts } from "./shotDiff.js";

const pen: NewStroke = { tool: "pen", points: [0.1, 0.1, 0.5, 0.5], color: "#111111", width: 3, text: "", author: "u1" };

/** A shot document and a later copy of it (the copy shares its history, as a version and "now" do). */
function shotAndLater(): { before: Y.Doc; after: Y.Doc } {
  const before = new Y.Doc();
  initShotDocument(before, { number: "4", sceneId: "scene", action: "Dana turns.", lens: "35mm" });
  addStroke(before.getArray(SKETCH_ARRAY), { ...pen, id: "s1" });
  addStroke(before.getArray(SKETCH_ARRAY), { ...pen, id: "s2" });
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
  return { before, after };
}

describe("diffShotFields", () => {
  it("lists nothing for an unchanged shot", () => {
    const { before, after } = shotAndLater();
    expect(diffShotFields(before, after)).toEqual([]);
  });

  it("lists only the changed fields, in form order, as readable text", () => {
    const { before, after } = shotAndLater();
    writeShotFields(after, {
      size: "CU",
      duration: 4.5,
      action: "Dana turns to the window.",
      dialogue: [{ character: "DANA", parenthetical: "(quietly)", text: "Rain." }],
      status: "approved",
    });
    expect(diffShotFields(before, after)).toEqual([
      { field: "size", label: "Size", before: "Medium shot (MS)", after: "Close-up (CU)" },
      { field: "duration", label: "Duration", before: "3 s", after: "4.5 s" },
      { field: "action", label: "Action", before: "Dana turns.", after: "Dana turns to the window." },
      { field: "dialogue", label: "Dialogue", before: "", after: "DANA (quietly): Rain." },
      { field: "status", label: "Review status", before: "draft", after: "approved" },
    ]);
  });

  it("counts sketch strokes, added and removed, even when the total stays the same", () => {
    const { before, after } = shotAndLater();
    removeStroke(after.getArray(SKETCH_ARRAY), "s1");
    addStroke(after.getArray(SKETCH_ARRAY), { ...pen, id: "s3" });
    expect(diffShotFields(before, after)).toEqual([{ field: "sketch", label: "Sketch", before: "2 strokes", after: "2 strokes (1 added, 1 removed)" }]);
  });

  it("tells a replaced reference image from an unchanged one", () => {
    const { before, after } = shotAndLater();
    writeShotFields(before, { referenceImage: "imageone00000001" });
    writeShotFields(after, { referenceImage: "imagetwo00000002" });
    expect(diffShotFields(before, after)).toEqual([{ field: "referenceImage", label: "Reference image", before: "An image", after: "Another image" }]);
    writeShotFields(after, { referenceImage: "" });
    expect(diffShotFields(before, after)).toEqual([{ field: "referenceImage", label: "Reference image", before: "An image", after: "None" }]);
  });
});

describe("shotFieldTexts", () => {
  it("reads every field of a shot as text, the sketch as a stroke count", () => {
    const { before } = shotAndLater();
    expect(shotFieldTexts(before).map((row) => [row.label, row.value])).toEqual([
      ["Shot number", "4"],
      ["Size", "Medium shot (MS)"],
      ["Angle", "eye level"],
      ["Movement", "static"],
      ["Lens", "35mm"],
      ["Duration", "3 s"],
      ["Action", "Dana turns."],
      ["Dialogue", ""],
      ["Characters", ""],
      ["Review status", "draft"],
      ["Reference image", "None"],
      ["Sketch", "2 strokes"],
    ]);
  });
});
