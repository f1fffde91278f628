import { describe, expect, it } from "vitest";
import type { Screenplay, ScreenplayBlock, TextRun } from "../screenplay/model.js";
import { BLOCK_TYPES, MARK_NAMES, type BlockType, type MarkName } from "../screenplay/nodes.js";
import { parseFountain, writeFountain } from "./index.js";

const block = (type: BlockType, text: string, attrs?: ScreenplayBlock["attrs"]): ScreenplayBlock =>
  attrs ? { type, content: text === "" ? [] : [{ text }], attrs } : { type, content: text === "" ? [] : [{ text }] };
const write = (...blocks: ScreenplayBlock[]) => writeFountain({ titlePage: [], blocks });

function withoutSceneIds(screenplay: Screenplay): Screenplay {
  return JSON.parse(JSON.stringify(screenplay, (key, value: unknown) => (key === "sceneId" ? undefined : value)));
}

/** The model survives export and re-import unchanged. */
function expectExact(blocks: ScreenplayBlock[], titlePage: Screenplay["titlePage"] = []): string {
  const text = writeFountain({ titlePage, blocks });
  expect(withoutSceneIds(parseFountain(text))).toEqual(withoutSceneIds({ titlePage, blocks }));
  return text;
}

describe("forcing elements that would be read as something else", () => {
  it("forces action that looks like a heading, cue, transition, shot, section or title key", () => {
    expect(write(block("action", "INT. HOUSE - DAY"))).toBe("!INT. HOUSE - DAY\n");
    expect(write(block("action", "BOB\nHello."))).toBe("!BOB\nHello.\n");
    expect(write(block("action", "CUT TO:"))).toBe("!CUT TO:\n");
    expect(write(block("action", "ANGLE ON BOB"))).toBe("!ANGLE ON BOB\n");
    expect(write(block("action", "He counts.\n# one\n~ two\n> three"))).toBe("He counts.\n!# one\n!~ two\n!> three\n");
    expect(write(block("action", "Notes: call Bob"))).toBe("!Notes: call Bob\n");
    expect(write(block("action", "!Bang"))).toBe("!!Bang\n");
    for (const text of ["INT. HOUSE - DAY", "BOB\nHello.", "CUT TO:", "ANGLE ON BOB", "He counts.\n# one\n~ two", "Notes: call Bob", "!Bang"]) {
      expectExact([block("action", text)]);
    }
  });

  it("forces cues that are not all caps, and a cue with no dialogue after it", () => {
    expect(write(block("character", "McCLANE"), block("dialogue", "Yippee."))).toBe("@McCLANE\nYippee.\n");
    expect(write(block("character", "BOB"))).toBe("@BOB\n");
    expectExact([block("character", "McCLANE"), block("dialogue", "Yippee.")]);
    expectExact([block("character", "BOB")]);
  });

  it("forces headings that do not start with INT/EXT, escaping a leading period", () => {
    expect(write(block("sceneHeading", "FLASHBACK"))).toBe(".FLASHBACK\n");
    expect(write(block("sceneHeading", "...LATER"))).toBe(".\\...LATER\n");
    expectExact([block("sceneHeading", "...LATER", { sceneNumber: "4" })]);
  });

  it("forces transitions that are not uppercase TO: lines", () => {
    expect(write(block("transition", "CUT TO:"))).toBe("CUT TO:\n");
    expect(write(block("transition", "Fade out."))).toBe("> Fade out.\n");
    expect(write(block("transition", "FADE <"))).toBe("> FADE \\<\n");
    expectExact([block("transition", "FADE <")]);
  });

  it("escapes dialogue lines that look like parentheticals or lyrics", () => {
    const blocks = [block("character", "BOB"), block("dialogue", "(not an aside)\n~not sung")];
    expect(writeFountain({ titlePage: [], blocks })).toBe("BOB\n\\(not an aside)\n\\~not sung\n");
    expectExact(blocks);
  });
});

describe("inline markup", () => {
  it("escapes literal * _ [[ and /* and keeps other text as typed", () => {
    const text = "5 * 3, snake_case, [[not a note]], a/*b, C:\\Users";
    expect(write(block("action", text))).toBe("5 \\* 3, snake\\_case, \\[[not a note\\]], a/\\*b, C:\\Users\n");
    expectExact([block("action", text)]);
  });

  it("writes emphasis back, including nesting and marks that overlap", () => {
    const runs: TextRun[] = [
      { text: "a", marks: ["bold"] },
      { text: "b", marks: ["bold", "italic"] },
      { text: "c", marks: ["italic", "underline"] },
      { text: " plain " },
      { text: "u", marks: ["underline"] },
    ];
    const text = expectExact([{ type: "action", content: runs }]);
    expect(text).toContain("_u_");
  });

  it("keeps notes inside text and across lines", () => {
    const runs: TextRun[] = [{ text: "He waits." }, { text: "Longer?\n\nAsk.", marks: ["note"] }, { text: " Goes." }];
    expect(writeFountain({ titlePage: [], blocks: [{ type: "action", content: runs }] })).toBe("He waits.[[Longer?\n  \nAsk.]] Goes.\n");
    expectExact([{ type: "action", content: runs }]);
  });

  it("moves spaces out of the edges of emphasis, which Markdown cannot express", () => {
    const text = write({ type: "action", content: [{ text: "Hello ", marks: ["bold"] }, { text: "world" }] });
    expect(text).toBe("**Hello** world\n");
  });
});

describe("every element", () => {
  it("round-trips a script with every block type and attribute", () => {
    const text = expectExact(
      [
        block("section", "Act", { depth: 2 }),
        block("synopsis", "Things happen."),
        block("sceneHeading", "INT. HOUSE - DAY", { sceneNumber: "12A" }),
        block("action", "Rain."),
        block("shot", "CLOSE ON THE DOOR"),
        block("character", "BOB"),
        block("parenthetical", "(quietly)"),
        block("dialogue", "Hi.\n\nAnyone?"),
        block("lyrics", "La la"),
        block("character", "ALICE", { dual: true }),
        block("dialogue", "Hi."),
        block("transition", "CUT TO:"),
        block("centered", "THE END"),
        block("note", "Fix this."),
        block("note", "INT. OLD - DAY\n\nGone.", { boneyard: true }),
        block("pageBreak", ""),
        block("lyrics", "Solo"),
      ],
      [{ key: "Title", value: "A\nB" }, { key: "Draft date", value: "today" }],
    );
    expect(text).toContain("## Act\n\n= Things happen.\n\nINT. HOUSE - DAY #12A#");
    expect(text).toContain("ALICE ^\nHi.");
    expect(text).toContain("/*\nINT. OLD - DAY\n\nGone.\n*/");
  });

  it("writes empty action blocks as blank lines, and at the edges as a lone !", () => {
    const blocks = [block("action", ""), block("action", "A."), block("action", ""), block("action", ""), block("action", "B."), block("action", "")];
    expect(writeFountain({ titlePage: [], blocks })).toBe("!\n\nA.\n\n\n\nB.\n\n!\n");
    expectExact(blocks);
  });

  it("writes an empty screenplay as an empty file", () => {
    expect(writeFountain({ titlePage: [], blocks: [] })).toBe("");
  });
});

describe("models from the editor that Fountain cannot hold exactly", () => {
  it("exports shots in capitals, and shots without a camera term as action", () => {
    expect(write(block("shot", "angle on the door"))).toBe("ANGLE ON THE DOOR\n");
    expect(write(block("shot", "THE DOOR"))).toBe("THE DOOR\n");
    expect(parseFountain(write(block("shot", "THE DOOR"))).blocks[0]!.type).toBe("action");
  });

  it("writes dialogue with no cue before it as action", () => {
    expect(parseFountain(write(block("dialogue", "Orphan line."))).blocks).toEqual([block("action", "Orphan line.")]);
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("fuzzed editor models", () => {
  it("always export, and the first re-import is stable", () => {
    const words = ["INT. ", "bob", "BOB", " ", "\n", "*", "_", "[[", "]]", "/*", "\\", "(x)", "~", "#1#", "^", "!", "@", "TO:", "é"];
    for (let seed = 1; seed <= 300; seed++) {
      const random = mulberry32(seed);
      const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      const blocks: ScreenplayBlock[] = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
        const content: TextRun[] = Array.from({ length: Math.floor(random() * 4) }, () => ({
          text: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(words)).join(""),
          marks: MARK_NAMES.filter(() => random() < 0.25) as MarkName[],
        }));
        return { type: pick(BLOCK_TYPES), content, attrs: { dual: random() < 0.3, depth: 1 + Math.floor(random() * 3) } };
      });
      const once = parseFountain(writeFountain({ titlePage: [], blocks }));
      const twice = parseFountain(writeFountain(once));
      expect(withoutSceneIds(twice), `seed ${seed}`).toEqual(withoutSceneIds(once));
    }
  });
});
