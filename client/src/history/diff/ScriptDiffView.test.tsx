import { describe, expect, it } from "vitest";
import { act } from "react";
import * as Y from "yjs";
import { textBlock, writeScreenplay, type ScreenplayBlock } from "@aiuteur/shared";
import { ScriptDiffView } from "./ScriptDiffView";
import { useTestRoot } from "../../testing/reactRoot";

const react = useTestRoot();
let host: HTMLElement | null = null;

function scriptDoc(blocks: ScreenplayBlock[]): Y.Doc {
  const doc = new Y.Doc();
  writeScreenplay(doc, { titlePage: [], blocks });
  return doc;
}

function mount(before: Y.Doc, after: Y.Doc) {
  host = react.render(<ScriptDiffView before={before} after={after} beforeLabel="Table read draft" afterLabel="Now" />);
}

const byTestId = react.findAll;
const click = (element: HTMLElement) => act(() => element.click());

/** Twelve quiet scenes with the kitchen scene in the middle: the usual shape of a draft comparison. */
function draft(kitchen: ScreenplayBlock[]): ScreenplayBlock[] {
  const blocks: ScreenplayBlock[] = [];
  for (let i = 1; i <= 12; i++) {
    blocks.push(textBlock("sceneHeading", `INT. ROOM ${i} - DAY`, { sceneId: `room${String(i).padStart(12, "0")}` }));
    blocks.push(textBlock("action", `Room ${i} is quiet.`));
    if (i === 6) blocks.push(...kitchen);
  }
  return blocks;
}

const kitchenBefore = [
  textBlock("sceneHeading", "INT. KITCHEN - NIGHT", { sceneId: "kitchen000000001" }),
  textBlock("action", "Dana pours coffee."),
  textBlock("character", "DANA"),
  textBlock("dialogue", "We leave at dawn."),
];

describe("ScriptDiffView", () => {
  it("opens the changed scene with worded marks and folds the unchanged scenes around it", () => {
    const after = [
      kitchenBefore[0]!,
      textBlock("action", "Dana pours cold coffee."),
      kitchenBefore[2]!,
      kitchenBefore[3]!,
      textBlock("character", "LEE"),
      textBlock("dialogue", "Not me."),
    ];
    mount(scriptDoc(draft(kitchenBefore)), scriptDoc(draft(after)));

    expect(host!.textContent).toContain("From Table read draft to Now");
    expect(byTestId("diff-summary")[0]!.textContent).toBe("1 scene changed, 12 unchanged.");
    expect(byTestId("diff-unchanged").map((row) => row.querySelector("button")!.textContent)).toEqual([
      "▸ 6 unchanged scenesINT. ROOM 1 - DAY … INT. ROOM 6 - DAY",
      "▸ 6 unchanged scenesINT. ROOM 7 - DAY … INT. ROOM 12 - DAY",
    ]);

    const [scene] = byTestId("diff-scene");
    expect(scene!.querySelector("h3")!.textContent).toBe("7INT. KITCHEN - NIGHT");
    expect(scene!.querySelector('[data-testid="diff-scene-badge"]')!.textContent).toBe("~ Changed");
    const marks = [...scene!.querySelectorAll<HTMLElement>('[data-testid="diff-element"]')];
    expect(marks.map((mark) => [mark.dataset.status, mark.className.match(/sp-(?!block)(\w+)/)![1], mark.textContent])).toEqual([
      ["changed", "action", "~Changed: Dana pours coffee., now: Dana pours cold coffee."],
      ["added", "character", "+Added: LEE"],
      ["added", "dialogue", "+Added: Not me."],
    ]);
    expect(marks[0]!.querySelector("del")!.textContent).toBe("Dana pours coffee.");
    expect(marks[0]!.querySelector("ins")!.textContent).toBe("Dana pours cold coffee.");
    // The symbols are decoration for sighted readers; the words are what a screen reader hears.
    expect(marks[0]!.querySelector(".script-diff-sign")!.getAttribute("aria-hidden")).toBe("true");
  });

  it("shows added and removed scenes with their badges, and the legend in words", () => {
    const before = draft(kitchenBefore);
    const after = draft([]).concat([textBlock("sceneHeading", "EXT. ROOF - DAWN", { sceneId: "roof000000000001" }), textBlock("action", "Birds.")]);
    mount(scriptDoc(before), scriptDoc(after));

    expect(byTestId("diff-summary")[0]!.textContent).toBe("1 added, 1 removed, 12 unchanged.");
    expect(byTestId("diff-scene").map((scene) => [scene.dataset.status, scene.querySelector('[data-testid="diff-scene-badge"]')!.textContent])).toEqual([
      ["removed", "− Scene removed"],
      ["added", "+ New scene"],
    ]);
    const removed = byTestId("diff-scene")[0]!;
    expect([...removed.querySelectorAll("del")].map((del) => del.textContent)).toEqual(["Dana pours coffee.", "DANA", "We leave at dawn."]);
    expect(host!.querySelector(".script-diff-legend")!.textContent).toBe("+ Added− Removed~ Changed: old new");
  });

  it("opens a run of unchanged scenes on request and hides them with the filter", () => {
    mount(scriptDoc(draft(kitchenBefore)), scriptDoc(draft(kitchenBefore.slice(0, 2))));
    const toggle = byTestId("diff-unchanged")[0]!.querySelector("button")!;
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(byTestId("diff-scene").filter((scene) => scene.dataset.status === "unchanged")).toHaveLength(6);
    expect(byTestId("diff-scene")[0]!.textContent).toContain("Room 1 is quiet.");

    click(byTestId("diff-changed-only")[0]!);
    expect(byTestId("diff-unchanged")).toHaveLength(0);
    expect(byTestId("diff-scene").map((scene) => scene.dataset.status)).toEqual(["changed"]);
  });

  it("folds a long unchanged stretch inside a changed scene and shows it on request", () => {
    const lines = Array.from({ length: 8 }, (_, i) => textBlock("action", `Beat ${i + 1}.`));
    const heading = textBlock("sceneHeading", "INT. HALL - DAY", { sceneId: "hall000000000001" });
    mount(scriptDoc([heading, ...lines]), scriptDoc([heading, ...lines, textBlock("action", "The end.")]));
    const scene = byTestId("diff-scene")[0]!;
    expect(byTestId("diff-fold").map((fold) => fold.textContent)).toEqual(["⋯ Show 6 unchanged elements"]);
    expect(scene.textContent).toContain("Beat 1.");
    expect(scene.textContent).not.toContain("Beat 4.");
    click(byTestId("diff-fold")[0]!);
    expect(scene.textContent).toContain("Beat 4.");
    expect(byTestId("diff-fold")).toHaveLength(0);
  });

  it("marks a rewritten heading inside the scene and follows edits to the newer document", () => {
    const before = scriptDoc([textBlock("sceneHeading", "INT. CAR - DAY", { sceneId: "car0000000000001" }), textBlock("action", "Rain.")]);
    const now = scriptDoc([textBlock("sceneHeading", "INT. CAR - NIGHT", { sceneId: "car0000000000001" }), textBlock("action", "Rain.")]);
    mount(before, now);
    expect(byTestId("diff-element").map((mark) => mark.textContent)).toEqual(["~Changed: INT. CAR - DAY, now: INT. CAR - NIGHT"]);

    act(() => writeScreenplay(now, { titlePage: [], blocks: [textBlock("sceneHeading", "INT. CAR - DAY", { sceneId: "car0000000000001" }), textBlock("action", "Rain.")] }));
    expect(byTestId("diff-summary")[0]!.textContent).toBe("No differences.");
  });
});
