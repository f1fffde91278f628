import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addStroke, readStrokes, removeStroke, SKETCH_ARRAY, strokesToSvg, type NewStroke, type Stroke } from "./drawing.js";

function sync(...docs: Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

const pen = (author: string, points = [0.1, 0.1, 0.5, 0.5]): NewStroke => ({ tool: "pen", points, color: "#e53935", width: 4, text: "", author });

describe("strokes", () => {
  it("stores each stroke as its own entry and reads it back", () => {
    const doc = new Y.Doc();
    const list = doc.getArray<unknown>(SKETCH_ARRAY);
    const id = addStroke(list, { ...pen("ana"), points: [0.123456, 0.5, 1, 0.25] });
    const [stroke] = readStrokes(list);
    expect(stroke).toMatchObject({ id, tool: "pen", points: [0.1235, 0.5, 1, 0.25], color: "#e53935", width: 4, author: "ana" });
    removeStroke(list, id);
    expect(readStrokes(list)).toEqual([]);
  });

  it("skips malformed entries and clamps absurd values", () => {
    const doc = new Y.Doc();
    const list = doc.getArray<unknown>(SKETCH_ARRAY);
    const bad = new Y.Map<unknown>();
    bad.set("id", "x");
    bad.set("tool", "laser");
    bad.set("points", [0, 0]);
    list.push([bad, "not a map"]);
    addStroke(list, { ...pen("ana"), points: [5, -3, 0.5, 0.5], width: 1000, color: "red" });
    const strokes = readStrokes(list);
    expect(strokes).toHaveLength(1);
    expect(strokes[0]).toMatchObject({ points: [2, -1, 0.5, 0.5], width: 80, color: "#111111" });
  });

  it("keeps every stroke when three people draw at once", () => {
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    docs.forEach((doc, i) => {
      for (let n = 0; n < 5; n++) addStroke(doc.getArray<unknown>(SKETCH_ARRAY), pen(`user${i}`, [i / 3, n / 5, 0.9, 0.9]));
    });
    sync(...docs);
    sync(...docs);
    const [first, ...others] = docs.map((doc) => readStrokes(doc.getArray<unknown>(SKETCH_ARRAY)));
    expect(first).toHaveLength(15);
    for (const other of others) expect(other).toEqual(first);
    expect(new Set(first!.map((s) => s.author))).toEqual(new Set(["user0", "user1", "user2"]));
  });

  it("undoes only the local person's strokes", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const mine = Symbol("mine");
    const list = one.getArray<unknown>(SKETCH_ARRAY);
    const undo = new Y.UndoManager(list, { trackedOrigins: new Set([mine]) });
    addStroke(list, pen("ana"), mine);
    addStroke(two.getArray<unknown>(SKETCH_ARRAY), pen("ben"));
    sync(one, two);
    undo.undo();
    expect(readStrokes(list).map((s) => s.author)).toEqual(["ben"]);
  });
});

describe("strokesToSvg", () => {
  const stroke = (over: Partial<Stroke>): Stroke => ({ id: "s", tool: "pen", points: [0, 0, 1, 1], color: "#1e88e5", width: 10, text: "", author: "", createdAt: 0, ...over });

  it("draws each tool in frame pixels", () => {
    const svg = strokesToSvg(
      [
        stroke({ tool: "pen", points: [0, 0, 0.5, 0.5, 1, 1] }),
        stroke({ tool: "rect", points: [0.75, 0.5, 0.25, 0.25] }),
        stroke({ tool: "ellipse", points: [0, 0, 0.5, 1] }),
        stroke({ tool: "arrow", points: [0.1, 0.1, 0.9, 0.1] }),
        stroke({ tool: "cameraMove", points: [0.1, 0.9, 0.9, 0.9] }),
        stroke({ tool: "text", points: [0.5, 0.5], text: "<Dolly> & \"go\"" }),
      ],
      320,
      180,
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 320 180"/);
    expect(svg).toContain('<polyline points="0,0 160,90 320,180"');
    expect(svg).toContain('<rect x="80" y="45" width="160" height="45"');
    expect(svg).toContain('<ellipse cx="80" cy="90" rx="80" ry="90"');
    expect(svg.match(/<polygon /g)).toHaveLength(2);
    expect(svg).toContain("stroke-dasharray");
    expect(svg).toContain("&#60;Dolly&#62; &#38; &#34;go&#34;");
    expect(svg).toContain('stroke-width="3.2"'); // 10 thousandths of 320 px
  });

  it("masks what was drawn before an eraser stroke, not after", () => {
    const svg = strokesToSvg([stroke({ id: "a" }), stroke({ tool: "eraser", points: [0.5, 0, 0.5, 1] }), stroke({ tool: "line" })], 160, 90, "none");
    expect(svg).toMatch(/<mask id="e0">/);
    expect(svg).toMatch(/<g mask="url\(#e0\)"><polyline [^>]*\/><\/g><line /);
    expect(svg).not.toContain('fill="#ffffff"');
  });
});
