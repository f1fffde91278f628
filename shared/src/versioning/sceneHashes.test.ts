import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { textBlock, type ScreenplayBlock } from "../screenplay/model.js";
import { writeScreenplay } from "../screenplay/ydoc.js";
import { sceneTextHashes, sceneTextHashesOfBlocks, textHash } from "./sceneHashes.js";

function script(blocks: ScreenplayBlock[]): Y.Doc {
  const doc = new Y.Doc();
  writeScreenplay(doc, { titlePage: [], blocks });
  return doc;
}

const heading = (text: string, sceneId: string) => textBlock("sceneHeading", text, { sceneId });

const BLOCKS: ScreenplayBlock[] = [
  textBlock("action", "Before any scene."),
  heading("INT. KITCHEN - NIGHT", "kitchenkitchenaa"),
  textBlock("action", "MARA pours coffee."),
  textBlock("character", "MARA"),
  textBlock("dialogue", "We're late."),
  heading("EXT. STREET - DAY", "streetstreetstre"),
  textBlock("action", "Rain."),
];

describe("scene text hashes", () => {
  it("gives every scene with an id a hash, in script order, the same from a document and from its blocks", () => {
    const hashes = sceneTextHashes(script(BLOCKS));
    expect([...hashes.keys()]).toEqual(["kitchenkitchenaa", "streetstreetstre"]);
    expect(hashes).toEqual(sceneTextHashesOfBlocks(BLOCKS));
    expect(new Set(hashes.values()).size).toBe(2);
  });

  it("changes only the hash of the scene whose text changed", () => {
    const before = sceneTextHashesOfBlocks(BLOCKS);
    const edited = BLOCKS.map((block) =>
      block.type === "dialogue" ? textBlock("dialogue", "We're very late.") : block,
    );
    const after = sceneTextHashesOfBlocks(edited);
    expect(after.get("kitchenkitchenaa")).not.toBe(before.get("kitchenkitchenaa"));
    expect(after.get("streetstreetstre")).toBe(before.get("streetstreetstre"));
  });

  it("counts the heading, a block's type and an added block as changes, and text outside scenes as none", () => {
    const before = sceneTextHashesOfBlocks(BLOCKS);
    const variants: ScreenplayBlock[][] = [
      BLOCKS.map((b) => (b.type === "sceneHeading" && b.attrs?.sceneId === "kitchenkitchenaa" ? heading("INT. KITCHEN - DAY", "kitchenkitchenaa") : b)),
      BLOCKS.map((b, i) => (i === 2 ? textBlock("shot", "MARA pours coffee.") : b)),
      [...BLOCKS.slice(0, 5), textBlock("action", "The kettle screams."), ...BLOCKS.slice(5)],
    ];
    for (const blocks of variants) {
      const after = sceneTextHashesOfBlocks(blocks);
      expect(after.get("kitchenkitchenaa")).not.toBe(before.get("kitchenkitchenaa"));
      expect(after.get("streetstreetstre")).toBe(before.get("streetstreetstre"));
    }
    const prologue = sceneTextHashesOfBlocks([textBlock("action", "Another prologue."), ...BLOCKS.slice(1)]);
    expect(prologue).toEqual(before);
  });

  it("ignores formatting and leaves headings without their own id out", () => {
    const bold: ScreenplayBlock = { type: "action", content: [{ text: "MARA pours ", marks: ["bold"] }, { text: "coffee." }] };
    expect(sceneTextHashesOfBlocks(BLOCKS.map((b, i) => (i === 2 ? bold : b)))).toEqual(sceneTextHashesOfBlocks(BLOCKS));
    const duplicated = sceneTextHashesOfBlocks([...BLOCKS, heading("INT. COPY - DAY", "kitchenkitchenaa"), textBlock("action", "Pasted.")]);
    expect([...duplicated.keys()]).toEqual(["kitchenkitchenaa", "streetstreetstre"]);
    expect(sceneTextHashesOfBlocks([textBlock("sceneHeading", "INT. NOWHERE - DAY")]).size).toBe(0);
  });

  it("is a stable function of the text", () => {
    expect(textHash("")).toBe("0-811c9dc5");
    expect(textHash("a")).toBe("1-e40c292c");
    expect(textHash("kitchen")).toBe(textHash("kitchen"));
    expect(textHash("kitchen")).not.toBe(textHash("Kitchen"));
  });
});
