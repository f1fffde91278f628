import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { textBlock, writeScreenplay } from "@aiuteur/shared";
import { ReadOnlyScriptView } from "./ReadOnlyScriptView";
import { useTestRoot } from "../../testing/reactRoot";

const react = useTestRoot();
let host: HTMLElement | null = null;

function mount(doc: Y.Doc) {
  host = react.render(<ReadOnlyScriptView doc={doc} />);
}

describe("ReadOnlyScriptView", () => {
  it("shows the title (without its Fountain markup) and every element in screenplay layout, with scene numbers and marks, and nothing editable", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, {
      titlePage: [{ key: "Title", value: "_**Night Shift**_" }],
      blocks: [
        textBlock("sceneHeading", "INT. DINER - NIGHT", { sceneId: "diner00000000001" }),
        { type: "action", content: [{ text: "The neon " }, { text: "flickers", marks: ["bold", "italic"] }, { text: "." }] },
        textBlock("character", "MAE"),
        textBlock("dialogue", "Coffee?"),
        textBlock("sceneHeading", "EXT. LOT - NIGHT", { sceneId: "lot0000000000001", sceneNumber: "4A" }),
      ],
    });
    mount(doc);

    const page = host!.querySelector('[data-testid="readonly-script"]')!;
    expect(page.getAttribute("aria-label")).toBe("Night Shift, read only");
    expect(page.querySelector("h3")!.textContent).toBe("Night Shift");
    const blocks = [...page.querySelectorAll<HTMLElement>(".sp-block")];
    expect(blocks.map((block) => [block.className, block.textContent, block.dataset.sceneNumber])).toEqual([
      ["sp-block sp-sceneHeading", "INT. DINER - NIGHT", "1"],
      ["sp-block sp-action", "The neon flickers.", undefined],
      ["sp-block sp-character", "MAE", undefined],
      ["sp-block sp-dialogue", "Coffee?", undefined],
      ["sp-block sp-sceneHeading", "EXT. LOT - NIGHT", "4A"],
    ]);
    expect(blocks[1]!.querySelector("strong > em")!.textContent).toBe("flickers");
    expect(page.querySelectorAll("input, textarea, [contenteditable]")).toHaveLength(0);
  });

  it("says so when the version is empty", () => {
    mount(new Y.Doc());
    expect(host!.textContent).toBe("This version of the script is empty.");
  });
});
