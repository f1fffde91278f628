import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { Editor } from "@tiptap/core";
import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { BLOCK_TYPES } from "@aiuteur/shared";
import { ScreenplayEditor } from "./ScreenplayEditor.js";
import { blocks, caretBlock, press, setBlocks, stubLayout, type } from "./testing.js";

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  stubLayout();
});

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

interface Mounted {
  editor: Editor;
  find<T extends Element = HTMLElement>(testId: string): T;
  findAll(testId: string): HTMLElement[];
  rerender(props: Partial<Parameters<typeof ScreenplayEditor>[0]>): void;
}

function mount(doc = new Y.Doc(), extra: Partial<Parameters<typeof ScreenplayEditor>[0]> = {}): Mounted {
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  let editor: Editor | null = null;
  const props = {
    doc,
    provider: null,
    user: { name: "Ann", color: "#3b5bdb" },
    editable: true,
    onReady: (e: Editor) => (editor = e),
    ...extra,
  };
  act(() => root!.render(<ScreenplayEditor {...props} />));
  if (!editor) throw new Error("onReady was not called");
  const find = <T extends Element = HTMLElement>(id: string) => {
    const el = host!.querySelector<T & Element>(`[data-testid="${id}"]`);
    if (!el) throw new Error(`no ${id}`);
    return el as T;
  };
  return {
    editor,
    find,
    findAll: (id) => [...host!.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)],
    rerender: (next) => act(() => root!.render(<ScreenplayEditor {...props} {...next} />)),
  };
}

describe("ScreenplayEditor", () => {
  it("renders the page bound to the script document", () => {
    const doc = new Y.Doc();
    const { editor, find } = mount(doc);
    act(() => setBlocks(editor, [["sceneHeading", "INT. HOUSE - DAY"], ["action", "Rain."]]));
    expect(find("screenplay-page").querySelectorAll(".sp-block")).toHaveLength(2);
    expect(doc.getXmlFragment("screenplay").toArray().map((n) => (n as Y.XmlElement).nodeName)).toEqual([
      "sceneHeading",
      "action",
    ]);
  });

  it("shows the current element type and changes it from the picker", () => {
    const { editor, find } = mount();
    act(() => {
      setBlocks(editor, [["action", "JOHN"]]);
      editor.commands.setTextSelection(5);
    });
    const select = find<HTMLSelectElement>("element-type");
    expect([...select.options].map((o) => o.value)).toEqual([...BLOCK_TYPES]);
    expect(select.value).toBe("action");
    act(() => {
      select.value = "character";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(blocks(editor)[0]?.type).toBe("character");
    expect(select.value).toBe("character");
    act(() => void press(editor, "Enter"));
    expect(select.value).toBe("dialogue");
  });

  it("lists scenes in the navigator and a click puts the caret in the scene", () => {
    const { editor, findAll } = mount();
    act(() =>
      setBlocks(editor, [
        ["sceneHeading", "INT. HOUSE - DAY", { sceneId: "aaaaaaaaaaaaaaaa" }],
        ["action", "Rain."],
        ["sceneHeading", "EXT. ROAD - NIGHT", { sceneId: "bbbbbbbbbbbbbbbb", sceneNumber: "7A" }],
        ["action", "Wind."],
      ]),
    );
    const items = findAll("scene-nav-item");
    expect(items.map((i) => i.textContent)).toEqual(["1INT. HOUSE - DAY", "7AEXT. ROAD - NIGHT"]);
    act(() => items[1]!.click());
    expect(caretBlock(editor)).toBe(2);
    expect(findAll("scene-nav-item")[1]?.getAttribute("aria-current")).toBe("location");
  });

  it("toggles the shortcut help with Mod-/", () => {
    const { editor, findAll } = mount();
    expect(findAll("shortcut-help")).toHaveLength(0);
    act(() => void press(editor, "/", { ctrlKey: true }));
    const help = findAll("shortcut-help");
    expect(help).toHaveLength(1);
    expect(help[0]?.textContent).toContain("Ctrl-Alt-3");
    expect(help[0]?.textContent).toContain("Character");
    act(() => void press(editor, "/", { ctrlKey: true }));
    expect(findAll("shortcut-help")).toHaveLength(0);
  });

  it("shows character suggestions under the caret while the page has focus", () => {
    const { editor, findAll } = mount();
    act(() => {
      setBlocks(editor, [["character", "JOHN"], ["dialogue", "Hi."], ["character"]]);
      editor.view.dom.focus();
      editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    });
    act(() => type(editor, "j"));
    const list = findAll("character-suggestions");
    expect(list).toHaveLength(1);
    expect(list[0]?.textContent).toBe("JOHN");
  });

  it("is read-only for reviewers and viewers", () => {
    const { editor, find, rerender } = mount(new Y.Doc(), { editable: false });
    expect(editor.isEditable).toBe(false);
    expect(find("screenplay-page").getAttribute("contenteditable")).toBe("false");
    expect(find<HTMLSelectElement>("element-type").disabled).toBe(true);
    rerender({ editable: true });
    expect(editor.isEditable).toBe(true);
  });

  it("shares the writer's name and colour for carets when a provider is connected", () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const provider = { awareness } as unknown as HocuspocusProvider;
    const { editor, rerender } = mount(doc, { provider });
    expect(awareness.getLocalState()?.user).toEqual({ name: "Ann", color: "#3b5bdb" });
    rerender({ user: { name: "Ann B.", color: "#e03131" } });
    expect(awareness.getLocalState()?.user).toEqual({ name: "Ann B.", color: "#e03131" });
    expect(editor.extensionManager.extensions.some((e) => e.name === "collaborationCaret")).toBe(true);
    awareness.destroy();
  });
});
