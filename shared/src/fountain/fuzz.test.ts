/**
 * Seeded fuzz: random Fountain-like text (element shapes, markers, emphasis, notes, boneyards,
 * escapes, odd whitespace) must round-trip through the writer. A failing seed is printed; pin it in
 * PINNED_SEEDS so it is checked forever after.
 */
import { describe, expect, it } from "vitest";
import type { Screenplay } from "../screenplay/model.js";
import { seededRandom } from "../seededRandom.js";
import { parseFountain, writeFountain } from "./index.js";

/** Seeds that once failed (kept as regression tests). */
const PINNED_SEEDS: number[] = [155, 10588, 46104];
/** FOUNTAIN_FUZZ_CASES=200000 npx vitest run fuzz — for a long local hunt. */
const RANDOM_CASES = Number(process.env.FOUNTAIN_FUZZ_CASES ?? 1500);

const mulberry32 = seededRandom;

const PIECES = [
  "INT. HOUSE - DAY", "EXT. ROAD", "int./ext. car", ".FORCED", ". not", "...later", "CUT TO:", "cut to:",
  "> FADE OUT", ">CENTER<", "> spaced <", "~la la", "~", "@McBob", "@", "BOB", "BOB (V.O.)", "ALICE ^", "Bob",
  "(beat)", "(aside", "# Act", "### Deep", "=Syn", "= ", "===", "== x", "[[note]]", "[[open", "close]]", "[[a\\]]b]]",
  "/*", "*/", "/* inline */", "*it*", "**bold**", "***both***", "_u_", "a_b_c", "\\*", "\\_", "\\\\", "\\[[", "*",
  "**", "_", "^", "!", "!!", "!INT. X", "ANGLE ON X", "POV", "INSERT - NOTE", "Title: X", "Notes: y", "FADE IN:",
  "#3#", "INT. A #12B#", "  ", "   ", "\t", "\tindented", "    spaced", "plain words", "UPPER WORDS", "ÉCLAIR",
  "日本語", "😆", ":", "(", ")", "]", "[", "<", ">", "~x", "a [[b", "c]] d", "trailing  ",
];

function randomText(random: () => number): string {
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 14);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.25) lines.push("");
    else if (roll < 0.8) lines.push(pick(PIECES));
    else {
      // A line glued together from several pieces, to mix markers with inline syntax.
      const parts = 1 + Math.floor(random() * 4);
      let line = "";
      for (let p = 0; p < parts; p++) line += (random() < 0.5 ? " " : "") + pick(PIECES);
      lines.push(line);
    }
  }
  return lines.join(random() < 0.1 ? "\r\n" : "\n");
}

function withoutSceneIds(screenplay: Screenplay): Screenplay {
  return JSON.parse(JSON.stringify(screenplay, (key, value: unknown) => (key === "sceneId" ? undefined : value)));
}

function check(seed: number): void {
  const text = randomText(mulberry32(seed));
  const first = parseFountain(text);
  const written = writeFountain(first);
  const second = parseFountain(written);
  const context = `seed ${seed}\n--- input ---\n${text}\n--- written ---\n${written}`;
  expect(withoutSceneIds(second), context).toEqual(withoutSceneIds(first));
  expect(writeFountain(second), context).toBe(written);
}

describe("fuzzed Fountain round trip", () => {
  it("holds for pinned seeds", () => {
    for (const seed of PINNED_SEEDS) check(seed);
  });

  it(`holds for ${RANDOM_CASES} seeded random scripts`, () => {
    for (let seed = 1; seed <= RANDOM_CASES; seed++) check(seed);
  }, 600_000);
});
