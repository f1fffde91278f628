import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import { suggestionState } from "./suggestPlugin.js";
import { characterNames, cueName, headingSuggestions, parseHeading } from "./suggestSources.js";
import { blocks, caretIn, makeEditor, press, setBlocks, type } from "./testing.js";

let editor: Editor;
afterEach(() => editor?.destroy());

const script = (): Parameters<typeof setBlocks>[1] => [
  ["sceneHeading", "INT. KITCHEN - NIGHT", { sceneId: "aaaaaaaaaaaaaaaa" }],
  ["character", "JOHN (V.O.)"],
  ["dialogue", "Hello."],
  ["character", "JOANNA"],
  ["dialogue", "Hi."],
  ["character", "JOHN (CONT'D)"],
  ["dialogue", "Again."],
  ["character"],
];

describe("character names", () => {
  it("strips extensions and markers from cues", () => {
    expect(cueName("JOHN (V.O.)")).toBe("JOHN");
    expect(cueName("JOHN (CONT'D) ^")).toBe("JOHN");
    expect(cueName("@McClane")).toBe("MCCLANE");
    expect(cueName("MARY (O.S.) (CONT'D)")).toBe("MARY");
  });

  it("lists names used as cues, most used first", () => {
    editor = makeEditor();
    setBlocks(editor, script());
    expect(characterNames(editor.state.doc)).toEqual(["JOHN", "JOANNA"]);
  });
});

describe("character autocomplete", () => {
  it("suggests names while typing a cue; Down picks, Enter accepts", () => {
    editor = makeEditor();
    setBlocks(editor, script());
    caretIn(editor, 7);
    type(editor, "jo");
    expect(suggestionState(editor.state)?.items).toEqual(["JOHN", "JOANNA"]);
    expect(press(editor, "ArrowDown")).toBe(true);
    expect(suggestionState(editor.state)?.index).toBe(1);
    expect(press(editor, "Enter")).toBe(true);
    expect(blocks(editor)[7]).toMatchObject({ type: "character", text: "JOANNA" });
    expect(suggestionState(editor.state)).toBeNull();
    // Enter again, with nothing offered, moves on to dialogue as usual.
    press(editor, "Enter");
    expect(blocks(editor)[8]?.type).toBe("dialogue");
  });

  it("Tab accepts instead of changing the element type", () => {
    editor = makeEditor();
    setBlocks(editor, script());
    caretIn(editor, 7);
    type(editor, "JOH");
    expect(press(editor, "Tab")).toBe(true);
    expect(blocks(editor)[7]).toMatchObject({ type: "character", text: "JOHN" });
  });

  it("Escape closes the list until the text changes", () => {
    editor = makeEditor();
    setBlocks(editor, script());
    caretIn(editor, 7);
    type(editor, "J");
    expect(suggestionState(editor.state)).not.toBeNull();
    expect(press(editor, "Escape")).toBe(true);
    expect(suggestionState(editor.state)).toBeNull();
    press(editor, "Enter");
    expect(blocks(editor)[7]).toMatchObject({ type: "character", text: "J" });
    expect(blocks(editor)[8]?.type).toBe("dialogue");
  });

  it("offers nothing once an extension is being typed or in other elements", () => {
    editor = makeEditor();
    setBlocks(editor, script());
    caretIn(editor, 7);
    type(editor, "JOHN (");
    expect(suggestionState(editor.state)).toBeNull();
    caretIn(editor, 6);
    expect(suggestionState(editor.state)).toBeNull();
  });
});

describe("scene heading autocomplete", () => {
  it("parses prefix, location and time", () => {
    expect(parseHeading("INT. KITCHEN - NIGHT")).toEqual({ prefix: "INT.", location: "KITCHEN", time: "NIGHT" });
    expect(parseHeading("EXT. ROAD")).toEqual({ prefix: "EXT.", location: "ROAD", time: null });
    expect(parseHeading("KITCHEN")).toBeNull();
  });

  it("suggests INT./EXT., known locations and times of day", () => {
    editor = makeEditor();
    setBlocks(editor, script());
    const doc = editor.state.doc;
    expect(headingSuggestions(doc, -1, "E")?.items).toEqual(["EXT. ", "EST. "]);
    expect(headingSuggestions(doc, -1, "INT. KI")).toEqual({ start: 5, items: ["KITCHEN"] });
    expect(headingSuggestions(doc, -1, "INT. KITCHEN - N")).toEqual({ start: 15, items: ["NIGHT"] });
  });

  it("completes a heading being typed in the editor", () => {
    editor = makeEditor();
    setBlocks(editor, [...script(), ["sceneHeading", "", { sceneId: "bbbbbbbbbbbbbbbb" }]]);
    caretIn(editor, 8);
    type(editor, "ext. kit");
    expect(suggestionState(editor.state)?.kind).toBe("sceneHeading");
    press(editor, "Tab");
    type(editor, " - ");
    type(editor, "d");
    press(editor, "Enter");
    expect(blocks(editor)[8]?.text).toBe("EXT. KITCHEN - DAY");
  });
});
