/**
 * Two editors on two Y.Docs that exchange updates over a simulated slow network: after concurrent
 * edits and a full exchange, both show the same script and hold the same Yjs content.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import type * as Y from "yjs";
import { SCREENPLAY_FRAGMENT, seededRandom, TAB_CYCLE } from "@aiuteur/shared";
import { scenesOf } from "./sceneNumbers.js";
import { deriveScenes } from "./scenes.js";
import { blocks, caretIn, linkedDocs, makeEditor, press, setBlocks, type } from "./testing.js";

const editors: Editor[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
});

function pair(): { one: Editor; two: Editor; a: Y.Doc; b: Y.Doc; flush(): void } {
  const link = linkedDocs();
  const one = makeEditor(link.a);
  const two = makeEditor(link.b);
  editors.push(one, two);
  return { one, two, ...link };
}

function expectConverged(one: Editor, two: Editor, a: Y.Doc, b: Y.Doc): void {
  expect(two.getJSON()).toEqual(one.getJSON());
  expect(b.getXmlFragment(SCREENPLAY_FRAGMENT).toJSON()).toEqual(a.getXmlFragment(SCREENPLAY_FRAGMENT).toJSON());
  one.state.doc.check();
  two.state.doc.check();
}

describe("two writers", () => {
  it("typing at the same time in one line keeps both writers' words", () => {
    const { one, two, a, b, flush } = pair();
    setBlocks(one, [["action", "The door opens."]]);
    flush();
    caretIn(one, 0, 4);
    caretIn(two, 0, 15);
    type(one, "red ");
    type(two, " Slowly.");
    flush();
    expectConverged(one, two, a, b);
    const text = blocks(one)[0]!.text;
    expect(text).toContain("red door");
    expect(text).toContain("Slowly.");
  });

  it("one writer splits a line while the other types in it", () => {
    const { one, two, a, b, flush } = pair();
    setBlocks(one, [["character", "JOHN"], ["dialogue", "I know. You know."]]);
    flush();
    caretIn(one, 1, 8);
    press(one, "Enter");
    caretIn(two, 1, 17);
    type(two, " Everyone knows.");
    flush();
    expectConverged(one, two, a, b);
    expect(blocks(two).map((x) => x.text).join("|")).toContain("Everyone knows.");
  });

  it("element changes and typing by both writers converge", () => {
    const { one, two, a, b, flush } = pair();
    setBlocks(one, [["action", "anna"], ["action", "Hello."]]);
    flush();
    caretIn(one, 0);
    press(one, "3", { ctrlKey: true, altKey: true });
    caretIn(two, 1);
    press(two, "Enter");
    type(two, "She leaves.");
    flush();
    expectConverged(one, two, a, b);
    expect(blocks(two)[0]?.type).toBe("character");
  });
});

/** A seeded PRNG, so a failing seed can be pinned and replayed. */
const random = seededRandom;

function randomEdit(editor: Editor, rnd: () => number): void {
  const size = editor.state.doc.content.size;
  const pos = Math.floor(rnd() * (size + 1));
  const selection = TextSelection.near(editor.state.doc.resolve(pos));
  editor.view.dispatch(editor.state.tr.setSelection(selection));
  const op = rnd();
  if (op < 0.45) type(editor, ["hi ", "JOHN", "x", "int.", "(beat)"][Math.floor(rnd() * 5)]!);
  else if (op < 0.6) press(editor, "Enter");
  else if (op < 0.7) press(editor, "Tab");
  else if (op < 0.8) editor.commands.setElement(TAB_CYCLE[Math.floor(rnd() * TAB_CYCLE.length)]!);
  else if (op < 0.83) editor.commands.updateAttributes("sceneHeading", { sceneNumber: rnd() < 0.5 ? "4A" : null });
  else if (op < 0.9) press(editor, "Backspace");
  else press(editor, "Enter", { shiftKey: true });
}

describe("random concurrent edits", () => {
  // Seeds are pinned: a failure names its seed, and the seed replays it exactly (client ids are fixed).
  // 103, 110 and 115 once caught the scene list drifting after remote block moves.
  const SEEDS = [...Array.from({ length: 30 }, (_, i) => i + 1), 103, 110, 115];
  it.each(SEEDS)("seed %i converges", (seed) => {
    const rnd = random(seed);
    const { one, two, a, b, flush } = pair();
    setBlocks(one, [
      ["sceneHeading", "INT. ROOM - DAY", { sceneId: "aaaaaaaaaaaaaaaa" }],
      ["action", "A room."],
      ["character", "JOHN"],
      ["dialogue", "Hello."],
    ]);
    flush();
    for (let round = 0; round < 30; round++) {
      randomEdit(one, rnd);
      randomEdit(two, rnd);
      if (rnd() < 0.3) flush();
      // The incrementally kept scene list never drifts from a full derivation, local or remote.
      for (const editor of [one, two]) expect(scenesOf(editor.state)).toEqual(deriveScenes(editor.state.doc));
    }
    flush();
    expectConverged(one, two, a, b);
  });
});
