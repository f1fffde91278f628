/**
 * Round trip on every Fountain file of the shared corpus (read in place, never copied into the repo)
 * and on our own fixture that uses every element: parse → write → parse is the same model (apart
 * from fresh sceneIds) and writing again gives the same text.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Screenplay, ScreenplayBlock } from "../screenplay/model.js";
import { BLOCK_TYPES } from "../screenplay/nodes.js";
import { parseFountain, writeFountain } from "./index.js";

// src/fountain/ → shared/ → /work/main → /work, then shared/data/fountain.
const CORPUS_URL = new URL("../../../../shared/data/fountain/", import.meta.url);
const CORPUS_DIR = fileURLToPath(CORPUS_URL);
const FIXTURE = fileURLToPath(new URL("./fixtures/everything.fountain", import.meta.url));

function corpusFiles(): string[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith(".fountain"))
    .sort();
}

function withoutSceneIds(screenplay: Screenplay): Screenplay {
  return JSON.parse(JSON.stringify(screenplay, (key, value: unknown) => (key === "sceneId" ? undefined : value)));
}

function expectRoundTrip(text: string): Screenplay {
  const first = parseFountain(text);
  const written = writeFountain(first);
  const second = parseFountain(written);
  expect(withoutSceneIds(second)).toEqual(withoutSceneIds(first));
  expect(writeFountain(second)).toBe(written);
  return first;
}

const texts = (blocks: ScreenplayBlock[], type: string) =>
  blocks.filter((b) => b.type === type).map((b) => b.content.map((r) => r.text).join(""));

/** What each corpus file is about, checked on the parsed model. */
const EXPECTATIONS: Record<string, (sp: Screenplay) => void> = {
  "Action.fountain": (sp) => {
    expect(texts(sp.blocks, "action")).toContain("    Scott --\n    Jacob Billups\n    Palace Hotel, RM 412\n    1:00 pm tomorrow");
    expect(texts(sp.blocks, "centered")).toEqual(["CENTERED BIT", "ANOTHER CENTERED BIT"]);
  },
  "Boneyards.fountain": (sp) => {
    const boneyard = sp.blocks.find((b) => b.type === "note" && b.attrs?.boneyard);
    expect(boneyard?.content[0]?.text).toMatch(/^INT\. GARAGE - DAY\n\n[\s\S]*CUT TO:$/);
    expect(texts(sp.blocks, "sceneHeading")).toEqual(["EXT. PALATIAL MANSION - DAY"]);
  },
  "Character.fountain": (sp) => {
    const cues = texts(sp.blocks, "character");
    expect(cues).toContain("Han (O.S.)");
    expect(cues).not.toContain("Han (O. S.)");
    const dual = sp.blocks.filter((b) => b.type === "character" && b.attrs?.dual);
    expect(dual.map((b) => b.content[0]!.text)).toEqual(["BUT (Dual)", "TEST2"]);
  },
  "Dialogue.fountain": (sp) => expect(texts(sp.blocks, "dialogue")).toContain("I am\n\na little fish."),
  "Formatted.fountain": (sp) => {
    expect(sp.blocks[0]!.content.filter((r) => r.marks).map((r) => r.marks)).toEqual([["italic"], ["bold"], ["bold", "italic"], ["underline"]]);
    expect(texts(sp.blocks, "action")).toContain("He dialed *69 and then *23, and then hung up.");
  },
  "LineBreaks.fountain": (sp) => {
    expect(sp.blocks.filter((b) => b.type === "pageBreak")).toHaveLength(4);
    expect(texts(sp.blocks, "action")).toContain("SCANNING THE AISLES…\nWhere is that pit boss?");
    expect(texts(sp.blocks, "dialogue")).toContain("Ten.\nFour.\nDealer gets a seven.\n\nHit or stand sir?");
  },
  "Lyrics.fountain": (sp) => expect(texts(sp.blocks, "lyrics")).toEqual(["This a lyric", "This is a lyric", "And another lyric", "What happens here?"]),
  "Notes.fountain": (sp) => {
    expect(texts(sp.blocks, "note")).toEqual(["It was supposed to be Vietnamese, right?"]);
    const inline = sp.blocks.flatMap((b) => b.content).filter((r) => r.marks?.includes("note"));
    expect(inline.map((r) => r.text)).toEqual([
      "Or did we think of actual names for these guys?",
      "This section needs work.\nEither that, or I need coffee.\n\nDefinitely coffee.",
    ]);
  },
  "PageBreak.fountain": (sp) => {
    expect(sp.blocks.filter((b) => b.type === "pageBreak")).toHaveLength(2);
    expect(sp.blocks.find((b) => b.type === "centered")?.content).toEqual([{ text: "End of Act One", marks: ["bold"] }]);
  },
  "Parenthetical.fountain": (sp) => expect(texts(sp.blocks, "parenthetical")).toEqual(["(damn)", "(asleep)", "(slowly)", "(loudly)", "(bouncy)", "(pause)"]),
  "SceneHeading.fountain": (sp) => {
    const headings = sp.blocks.filter((b) => b.type === "sceneHeading");
    expect(headings.map((b) => [b.content[0]!.text, b.attrs?.sceneNumber])).toEqual([
      ["INT. SCEHE 1 - DAY", undefined],
      ["ext. OLYMPIA CIRCUS - NIGHT", undefined],
      ["FORCED HEADER", undefined],
      ["INT./EXT. HEADER WITH SCENENUM", "3"],
      ["EST BUCKET LIST", "A3-1"],
    ]);
    expect(texts(sp.blocks, "action")).toContain(". NOT A HEADER");
  },
  "Sections.fountain": (sp) => {
    expect(sp.blocks.filter((b) => b.type === "section").map((b) => b.attrs?.depth)).toEqual([1, 1, 2, 3, 4, 5, 6, 2, 1, 1]);
    expect(texts(sp.blocks, "synopsis")).toHaveLength(2);
    expect(sp.blocks.find((b) => b.attrs?.sceneNumber)?.attrs?.sceneNumber).toBe("1a");
  },
  "Tags.fountain": (sp) => expect(texts(sp.blocks, "sceneHeading")).toContain("INT./EXT. HEADER WITH SCENENUM #3# #tagtag"),
  "TestFDX-FD.fountain": (sp) => expect(texts(sp.blocks, "transition")).toEqual(["CUT TO:", "FADE TO BLACK"]),
  "TestFDX-FI.fountain": (sp) => expect(sp.titlePage.find((f) => f.key === "Draft date")?.value).toBe("Draft\ninformation"),
  "TitlePage.fountain": (sp) => {
    expect(sp.titlePage.map((f) => f.key)).toEqual(["Title", "Credit", "Author", "Source", "Draft date", "Contact"]);
    expect(sp.titlePage[0]!.value).toBe("_**BRICK & STEEL**_\n_**FULL RETIRED**_");
    expect(texts(sp.blocks, "action")).toEqual(["Not a title entry.\nStill: Not a title entry."]);
  },
  "Transition.fountain": (sp) => expect(texts(sp.blocks, "transition")).toEqual(["CUT TO:", "CUT TO:", "GO TO:", "FORCE Transition", "Another transition"]),
  "UTF8.fountain": (sp) => {
    expect(texts(sp.blocks, "character")).toContain("JIM😆");
    expect(sp.blocks.filter((b) => b.attrs?.sceneNumber).map((b) => b.attrs?.sceneNumber)).toEqual(["3", "😆"]);
  },
  "Writer-output.fountain": (sp) => expect(sp.titlePage).toHaveLength(6),
};

describe("Fountain corpus", () => {
  it("is present at /work/shared/data/fountain", () => {
    expect(existsSync(CORPUS_DIR), `Fountain corpus folder missing: ${CORPUS_DIR}`).toBe(true);
    expect(corpusFiles().length, `no .fountain files in ${CORPUS_DIR}`).toBeGreaterThan(0);
  });

  for (const name of corpusFiles()) {
    it(`round-trips ${name}`, () => {
      const parsed = expectRoundTrip(readFileSync(new URL(name, CORPUS_URL), "utf8"));
      expect(parsed.blocks.length + parsed.titlePage.length).toBeGreaterThan(0);
      EXPECTATIONS[name]?.(parsed);
    });
  }
});

describe("fixture with every element", () => {
  const text = readFileSync(FIXTURE, "utf8");

  it("round-trips", () => {
    expectRoundTrip(text);
  });

  it("produces every block type", () => {
    const types = new Set(parseFountain(text).blocks.map((b) => b.type));
    expect([...BLOCK_TYPES].filter((type) => !types.has(type))).toEqual([]);
  });

  it("is written back exactly as authored (it uses the writer's own spellings)", () => {
    const written = writeFountain(parseFountain(text));
    // The only normalisations: a one-line title value moves onto the key line, "> X" gains a space.
    const expected = text.replace("Title:\n    _**THE", "Title: _**THE").replace(">SMASH", "> SMASH");
    expect(written).toBe(expected);
  });
});
