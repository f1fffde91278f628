import { describe, expect, it } from "vitest";
import { isId } from "../ids.js";
import type { ScreenplayBlock } from "../screenplay/model.js";
import { parseFountain } from "./index.js";

/** Blocks as [type, text] pairs, the shape most element rules are about. */
function shape(text: string): Array<[string, string]> {
  return parseFountain(text).blocks.map((b) => [b.type, b.content.map((r) => r.text).join("")]);
}

function only(text: string, type: string): ScreenplayBlock {
  const blocks = parseFountain(text).blocks.filter((b) => b.type === type);
  expect(blocks).toHaveLength(1);
  return blocks[0]!;
}

describe("title page", () => {
  it("keeps keys in order and case, with indented multi-line values", () => {
    const sp = parseFountain("Title: BIG FISH\nDraft date: 1/2/2026\nContact:\n    Studio\n\tStreet 1\n\nINT. HOUSE - DAY\n");
    expect(sp.titlePage).toEqual([
      { key: "Title", value: "BIG FISH" },
      { key: "Draft date", value: "1/2/2026" },
      { key: "Contact", value: "Studio\nStreet 1" },
    ]);
    expect(shape("Title: X\n\nINT. HOUSE - DAY\n")).toEqual([["sceneHeading", "INT. HOUSE - DAY"]]);
  });

  it("is only recognised at the top, and not for script lines like FADE IN: or 10:00", () => {
    expect(parseFountain("FADE IN:\n\nINT. HOUSE - DAY\n").titlePage).toEqual([]);
    expect(parseFountain("EXT. HOUSE - 10:00 PM\n\nRain.\n").titlePage).toEqual([]);
    expect(parseFountain("Rain.\n\nTitle: late\n").titlePage).toEqual([]);
  });

  it("ends at a line that is neither a key nor indented", () => {
    const sp = parseFountain("Title: X\nNot a key.\nStill: text\n");
    expect(sp.titlePage).toEqual([{ key: "Title", value: "X" }]);
    expect(shape("Title: X\nNot a key.\nStill: text\n")).toEqual([["action", "Not a key.\nStill: text"]]);
  });
});

describe("scene headings", () => {
  it("recognises INT, EXT, EST, INT./EXT, INT/EXT and I/E, in any case, with a fresh sceneId", () => {
    const text = ["INT. A", "ext. B", "EST C", "INT./EXT. D", "INT/EXT E", "I/E F"].join("\n\n");
    const blocks = parseFountain(text).blocks;
    expect(blocks.map((b) => b.type)).toEqual(Array(6).fill("sceneHeading"));
    expect(blocks.every((b) => isId(b.attrs?.sceneId))).toBe(true);
    expect(new Set(blocks.map((b) => b.attrs?.sceneId)).size).toBe(6);
  });

  it("forces with a leading period but not with an ellipsis or '. '", () => {
    expect(shape(".FLASHBACK\n\n...later\n\n. not one")).toEqual([
      ["sceneHeading", "FLASHBACK"],
      ["action", "...later"],
      ["action", ". not one"],
    ]);
  });

  it("takes a scene number from the end", () => {
    const block = only("INT. HOUSE - DAY #12A#\n", "sceneHeading");
    expect(block.content).toEqual([{ text: "INT. HOUSE - DAY" }]);
    expect(block.attrs?.sceneNumber).toBe("12A");
    expect(only("INT. HOUSE #I-1-A# #tag\n", "sceneHeading").attrs?.sceneNumber).toBeUndefined();
  });

  it("needs a blank line before it", () => {
    expect(shape("He walks.\nINT. HOUSE - DAY")).toEqual([["action", "He walks.\nINT. HOUSE - DAY"]]);
  });
});

describe("action", () => {
  it("keeps line breaks and indentation, turning tabs into four spaces", () => {
    expect(shape("Line one.\n    indented\n\ttabbed  ")).toEqual([["action", "Line one.\n    indented\n    tabbed"]]);
  });

  it("is forced with ! even where it looks like something else", () => {
    expect(shape("!SCANNING THE AISLES\nWhere is he?")).toEqual([["action", "SCANNING THE AISLES\nWhere is he?"]]);
    expect(shape("!INT. HOUSE")).toEqual([["action", "INT. HOUSE"]]);
  });

  it("reads each extra blank line as an empty action", () => {
    expect(shape("One.\n\n\n\nTwo.")).toEqual([["action", "One."], ["action", ""], ["action", ""], ["action", "Two."]]);
    expect(shape("\n\n\nOne.\n\n\n")).toEqual([["action", "One."]]);
  });
});

describe("characters and dialogue", () => {
  it("needs capitals and a non-blank next line; extensions stay in the cue", () => {
    expect(shape("STEEL (V.O.) (CONT'D)\nHello.")).toEqual([["character", "STEEL (V.O.) (CONT'D)"], ["dialogue", "Hello."]]);
    expect(shape("BOB (on phone)\nHi.")[0]).toEqual(["character", "BOB (on phone)"]);
    expect(shape("BOB\n\nHi.")).toEqual([["action", "BOB"], ["action", "Hi."]]);
    expect(shape("Han (O.S.)\nHi.")).toEqual([["action", "Han (O.S.)\nHi."]]);
  });

  it("forces lowercase names with @", () => {
    expect(shape("@McCLANE\nYippee.")).toEqual([["character", "McCLANE"], ["dialogue", "Yippee."]]);
  });

  it("marks the second cue of dual dialogue", () => {
    const blocks = parseFountain("BRICK\nScrew retirement.\n\nSTEEL ^\nScrew retirement.").blocks;
    expect(blocks[0]!.attrs).toBeUndefined();
    expect(blocks[2]).toEqual({ type: "character", content: [{ text: "STEEL" }], attrs: { dual: true } });
  });

  it("reads parentheticals, multi-line dialogue and the two-space empty line", () => {
    expect(shape("DEALER\n(flatly)\nTen.\nFour.\n  \nHit or stand?\n(beat)\nSir?")).toEqual([
      ["character", "DEALER"],
      ["parenthetical", "(flatly)"],
      ["dialogue", "Ten.\nFour.\n\nHit or stand?"],
      ["parenthetical", "(beat)"],
      ["dialogue", "Sir?"],
    ]);
  });
});

describe("transitions, centered text, lyrics, page breaks", () => {
  it("reads uppercase TO: lines between blank lines and forced > lines as transitions", () => {
    expect(shape("CUT TO:\n\nboop TO:\n\n> Burn to white.\n\nCUT TO:\nmore")).toEqual([
      ["transition", "CUT TO:"],
      ["action", "boop TO:"],
      ["transition", "Burn to white."],
      ["character", "CUT TO:"],
      ["dialogue", "more"],
    ]);
  });

  it("centres >text<", () => {
    const block = only(">**THE END**<", "centered");
    expect(block.content).toEqual([{ text: "THE END", marks: ["bold"] }]);
  });

  it("reads ~ lines as lyrics, also inside dialogue", () => {
    expect(shape("~Willy Wonka!\n~The amazing chocolatier!\n\nELI\n~Row your boat")).toEqual([
      ["lyrics", "Willy Wonka!\nThe amazing chocolatier!"],
      ["character", "ELI"],
      ["lyrics", "Row your boat"],
    ]);
  });

  it("reads === lines as page breaks with no content", () => {
    expect(parseFountain("A.\n\n===\n\n=====\nB.").blocks).toEqual([
      { type: "action", content: [{ text: "A." }] },
      { type: "pageBreak", content: [] },
      { type: "pageBreak", content: [] },
      { type: "action", content: [{ text: "B." }] },
    ]);
  });
});

describe("sections, synopses, notes, boneyard", () => {
  it("reads # depth and = synopses", () => {
    const blocks = parseFountain("# Act\n\n### Scene\n= What happens.").blocks;
    expect(blocks).toEqual([
      { type: "section", content: [{ text: "Act" }], attrs: { depth: 1 } },
      { type: "section", content: [{ text: "Scene" }], attrs: { depth: 3 } },
      { type: "synopsis", content: [{ text: "What happens." }] },
    ]);
  });

  it("makes a paragraph that is only a note a note block, and inline notes note runs", () => {
    expect(parseFountain("[[Fix this\nscene.]]").blocks).toEqual([{ type: "note", content: [{ text: "Fix this\nscene." }] }]);
    expect(parseFountain("He waits.[[Too long?]] Then goes.").blocks[0]!.content).toEqual([
      { text: "He waits." },
      { text: "Too long?", marks: ["note"] },
      { text: " Then goes." },
    ]);
  });

  it("lets notes span lines (with two-space lines) but not blank lines", () => {
    const content = parseFountain("A.[[one\n  \ntwo]] B.").blocks[0]!.content;
    expect(content[1]).toEqual({ text: "one\n\ntwo", marks: ["note"] });
    expect(shape("A.[[one\n\ntwo]] B.")).toEqual([["action", "A.[[one"], ["action", "two]] B."]]);
  });

  it("keeps a boneyard as a note block with boneyard set, and runs an unclosed one to the end", () => {
    const blocks = parseFountain("A.\n/*\nINT. CUT - DAY\n\nGone.\n*/\nB.\n\n/* never closed\n\nC.").blocks;
    expect(blocks).toEqual([
      { type: "action", content: [{ text: "A." }] },
      { type: "note", content: [{ text: "INT. CUT - DAY\n\nGone." }], attrs: { boneyard: true } },
      { type: "action", content: [{ text: "B." }] },
      { type: "note", content: [{ text: "never closed\n\nC." }], attrs: { boneyard: true } },
    ]);
  });

  it("turns a boneyard inside a line into a verbatim inline note", () => {
    expect(parseFountain("Keep /* *cut* [x] */ this.").blocks[0]!.content).toEqual([
      { text: "Keep " },
      { text: " *cut* [x] ", marks: ["note"] },
      { text: " this." },
    ]);
  });
});

describe("emphasis", () => {
  it("reads italic, bold, bold italic, underline and nesting", () => {
    expect(parseFountain("*i* **b** ***bi*** _u_ _**ub**_").blocks[0]!.content).toEqual([
      { text: "i", marks: ["italic"] },
      { text: " " },
      { text: "b", marks: ["bold"] },
      { text: " " },
      { text: "bi", marks: ["bold", "italic"] },
      { text: " " },
      { text: "u", marks: ["underline"] },
      { text: " " },
      { text: "ub", marks: ["bold", "underline"] },
    ]);
  });

  it("leaves stray, spaced or escaped delimiters literal, and _ inside words alone", () => {
    const text = (s: string) => parseFountain(s).blocks[0]!.content;
    expect(text("dialed *69 and then *23, then")).toEqual([{ text: "dialed *69 and then *23, then" }]);
    expect(text("**\\*9765\\***")).toEqual([{ text: "*9765*", marks: ["bold"] }]);
    expect(text("my_file_name and _a _")).toEqual([{ text: "my_file_name and _a _" }]);
  });

  it("does not carry emphasis over a line break", () => {
    expect(parseFountain("*one\ntwo*").blocks[0]!.content).toEqual([{ text: "*one\ntwo*" }]);
  });
});

describe("shots (convention)", () => {
  it("reads a lone capitals line starting with a camera term as a shot", () => {
    expect(shape("ANGLE ON THE DOOR\n\nCLOSE-UP: HER HAND\n\nPOV\n\nINSERTS ARE NOT\n\nAngle on the door")).toEqual([
      ["shot", "ANGLE ON THE DOOR"],
      ["shot", "CLOSE-UP: HER HAND"],
      ["shot", "POV"],
      ["action", "INSERTS ARE NOT"],
      ["action", "Angle on the door"],
    ]);
  });
});

describe("forgiving input", () => {
  it("parses an empty file, CRLF line ends and a byte-order mark", () => {
    expect(parseFountain("")).toEqual({ titlePage: [], blocks: [] });
    expect(shape("\uFEFFINT. A\r\n\r\nB.\r\n")).toEqual([["sceneHeading", "INT. A"], ["action", "B."]]);
  });

  it("never throws on unclosed notes, boneyards or emphasis", () => {
    for (const text of ["[[open note", "/* open boneyard", "**bold", "_under", "[[a]] ]] [[", "*/ stray closer", "\\"]) {
      expect(() => parseFountain(text)).not.toThrow();
      expect(parseFountain(text).blocks.length).toBeGreaterThan(0);
    }
  });
});
