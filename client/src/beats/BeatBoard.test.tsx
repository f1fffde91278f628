import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import * as Y from "yjs";
import { addBeat, linkScene, readBeats } from "@aiuteur/shared";
import { BeatBoard } from "./BeatBoard";
import { useBeatDeletion } from "./useBeatDeletion";
import { useBeats } from "./useBeats";

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let root: Root | null = null;
let host: HTMLElement | null = null;
let undo: () => void = () => {};
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

function Board({ doc, readOnly = false }: { doc: Y.Doc; readOnly?: boolean }) {
  const beats = useBeats(doc);
  const deletion = useBeatDeletion(doc);
  undo = deletion.undo;
  if (!beats) return null;
  return <BeatBoard doc={doc} beats={beats} scenes={[]} readOnly={readOnly} onDelete={deletion.remove} />;
}

function mount(doc: Y.Doc, readOnly = false) {
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<Board doc={doc} readOnly={readOnly} />));
}

const titles = (doc: Y.Doc) => readBeats(doc).map((beat) => beat.title);
const card = (title: string) =>
  [...host!.querySelectorAll<HTMLElement>('[data-testid="beat-card"]')].find(
    (el) => el.querySelector<HTMLInputElement>('[data-testid="beat-title"]')?.value === title,
  )!;

function altKey(target: HTMLElement, key: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent("keydown", { key, altKey: true, bubbles: true, cancelable: true }));
  });
}

function threeBeats() {
  const doc = new Y.Doc();
  for (const title of ["Opening", "Catalyst", "Finale"]) addBeat(doc, { title });
  return doc;
}

describe("the beat board", () => {
  it("moves a focused card earlier and later with Alt+arrow keys", () => {
    const doc = threeBeats();
    mount(doc);
    altKey(card("Opening").querySelector('[data-testid="beat-handle"]')!, "ArrowDown");
    expect(titles(doc)).toEqual(["Catalyst", "Opening", "Finale"]);
    altKey(card("Finale").querySelector('[data-testid="beat-title"]')!, "ArrowUp");
    expect(titles(doc)).toEqual(["Catalyst", "Finale", "Opening"]);
    // The board shows the new order.
    const shown = [...host!.querySelectorAll<HTMLInputElement>('[data-testid="beat-title"]')].map((input) => input.value);
    expect(shown).toEqual(["Catalyst", "Finale", "Opening"]);
  });

  it("does not reorder for a reader", () => {
    const doc = threeBeats();
    mount(doc, true);
    altKey(card("Opening"), "ArrowDown");
    expect(titles(doc)).toEqual(["Opening", "Catalyst", "Finale"]);
    expect(host!.querySelector('[data-testid="beat-delete"]')).toBeNull();
    expect(host!.querySelector('[data-testid="beat-title"]')!.hasAttribute("readonly")).toBe(true);
  });

  it("deletes a beat and brings it back, in place and with its scenes, on undo", () => {
    const doc = threeBeats();
    const catalyst = readBeats(doc)[1]!.id;
    linkScene(doc, catalyst, "s-harbour");
    mount(doc);
    act(() => card("Catalyst").querySelector<HTMLButtonElement>('[data-testid="beat-delete"]')!.click());
    expect(titles(doc)).toEqual(["Opening", "Finale"]);
    act(() => undo());
    const restored = readBeats(doc);
    expect(restored.map((beat) => beat.title)).toEqual(["Opening", "Catalyst", "Finale"]);
    expect(restored[1]!.sceneIds).toEqual(["s-harbour"]);
  });

  it("shows a linked scene whose heading is gone as removed instead of dropping it", () => {
    const doc = threeBeats();
    linkScene(doc, readBeats(doc)[0]!.id, "deleted-scene");
    mount(doc);
    const chip = card("Opening").querySelector('[data-testid="beat-scene-chip"]')!;
    expect(chip.textContent).toContain("Scene removed");
  });
});
