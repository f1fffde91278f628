import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addStroke, initShotDocument, SKETCH_ARRAY, writeShotFields } from "@aiuteur/shared";
import { ShotDiffView } from "./ShotDiffView";
import { useTestRoot } from "../../testing/reactRoot";

const react = useTestRoot();
let host: HTMLElement | null = null;

function mount(before: Y.Doc, after: Y.Doc, afterLabel = "Now") {
  host = react.render(<ShotDiffView before={before} after={after} beforeLabel="Approved cut" afterLabel={afterLabel} />);
}

const byTestId = react.findAll;
const cells = (row: HTMLElement) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent);

/** A shot with one stroke, and a later copy of it sharing its history. */
function shotAndLater(): { before: Y.Doc; after: Y.Doc } {
  const before = new Y.Doc();
  initShotDocument(before, { number: "3", sceneId: "scene", action: "Dana at the window." });
  addStroke(before.getArray(SKETCH_ARRAY), { tool: "pen", points: [0.1, 0.1, 0.4, 0.6], color: "#111111", width: 3, text: "", author: "u1" });
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
  return { before, after };
}

describe("ShotDiffView", () => {
  it("lists every field before and after, marking the changed ones in words", () => {
    const { before, after } = shotAndLater();
    writeShotFields(after, { size: "CU", duration: 5 });
    addStroke(after.getArray(SKETCH_ARRAY), { tool: "line", points: [0, 0, 1, 1], color: "#e53935", width: 4, text: "", author: "u2" });
    mount(before, after);

    expect(byTestId("shot-diff-summary")[0]!.textContent).toBe("3 fields changed.");
    expect([...host!.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["Field", "Approved cut", "Now"]);
    const changed = byTestId("shot-diff-row").filter((row) => row.dataset.changed === "true");
    expect(changed.map(cells)).toEqual([
      ["~Size (changed)", "Medium shot (MS)", "Close-up (CU)"],
      ["~Duration (changed)", "3 s", "5 s"],
      ["~Sketch (changed)", "1 stroke", "2 strokes (1 added)"],
    ]);
    expect(changed[0]!.querySelector("del")!.textContent).toBe("Medium shot (MS)");
    expect(changed[0]!.querySelector("ins")!.textContent).toBe("Close-up (CU)");
    const action = byTestId("shot-diff-row").find((row) => row.dataset.field === "action")!;
    expect(cells(action)).toEqual(["Action", "Dana at the window.", "Dana at the window."]);
  });

  it("shows both sketches side by side as pictures described in words", () => {
    const { before, after } = shotAndLater();
    addStroke(after.getArray(SKETCH_ARRAY), { tool: "rect", points: [0.2, 0.2, 0.5, 0.5], color: "#1e88e5", width: 3, text: "", author: "u2" });
    mount(before, after);
    const sketches = byTestId("shot-diff-sketch");
    expect(sketches.map((figure) => figure.querySelector("figcaption")!.textContent)).toEqual(["Approved cut", "Now"]);
    const images = sketches.map((figure) => figure.querySelector<HTMLImageElement>("img.shot-diff-strokes")!);
    expect(images.map((image) => image.alt)).toEqual(["Sketch, Approved cut: 1 stroke", "Sketch, Now: 2 strokes"]);
    expect(decodeURIComponent(images[0]!.src)).toContain("<polyline");
    expect(decodeURIComponent(images[0]!.src)).not.toContain("<rect x=");
    expect(decodeURIComponent(images[1]!.src)).toContain("<rect x=");
  });

  it("is a single read-only column when given the same shot twice", () => {
    const { before } = shotAndLater();
    mount(before, before, "Approved cut");
    expect(byTestId("shot-diff-summary")).toHaveLength(0);
    expect(byTestId("shot-diff-sketch")).toHaveLength(1);
    const number = byTestId("shot-diff-row").find((row) => row.dataset.field === "number")!;
    expect(cells(number)).toEqual(["Shot number", "3"]);
    expect(byTestId("shot-diff-row").find((row) => row.dataset.field === "lens")!.textContent).toBe("LensNone");
    expect(byTestId("shot-diff-row").find((row) => row.dataset.field === "dialogue")!.textContent).toBe("Dialogue—");
  });
});
