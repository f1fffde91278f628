import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { MemoryRouter } from "react-router";
import * as Y from "yjs";
import { addShotToStoryboard, initShotDocument, readShotFields, readShotOrder } from "@aiuteur/shared";
import type { PooledDocument } from "./documentPool";
import { ShotFieldsForm } from "./ShotFieldsForm";
import { ShotGrid } from "./ShotGrid";

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

function mount(element: React.ReactNode) {
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<MemoryRouter>{element}</MemoryRouter>));
}

function shotDoc(number = "1", duration = 3): Y.Doc {
  const doc = new Y.Doc();
  initShotDocument(doc, { number, sceneId: "scene", duration });
  return doc;
}

/** Types into a controlled input the way React listens for it. */
function type(input: HTMLInputElement, value: string) {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

const field = <T extends HTMLElement>(testId: string) => host!.querySelector<T>(`[data-testid="${testId}"]`)!;

describe("shot quick edit", () => {
  it("shows why a duration is invalid and writes nothing until it is valid", () => {
    const doc = shotDoc();
    mount(<ShotFieldsForm doc={doc} editable projectId="p" compact />);
    type(field<HTMLInputElement>("shot-duration"), "abc");
    expect(field("shot-duration-problem").textContent).toBe("Duration must be a number of seconds, such as 2.5.");
    expect(field("shot-duration").getAttribute("aria-invalid")).toBe("true");
    expect(readShotFields(doc).duration).toBe(3);

    type(field<HTMLInputElement>("shot-duration"), "0.1");
    expect(field("shot-duration-problem").textContent).toMatch(/at least 0.5 seconds/);
    expect(readShotFields(doc).duration).toBe(3);

    type(field<HTMLInputElement>("shot-duration"), "4,5");
    expect(host!.querySelector('[data-testid="shot-duration-problem"]')).toBeNull();
    expect(readShotFields(doc).duration).toBe(4.5);
  });

  it("writes a size picked from the list, and follows a collaborator's change", () => {
    const doc = shotDoc();
    mount(<ShotFieldsForm doc={doc} editable projectId="p" compact />);
    const size = field<HTMLSelectElement>("shot-size");
    act(() => {
      size.value = "ECU";
      size.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(readShotFields(doc).size).toBe("ECU");
    act(() => doc.getMap("fields").set("movement", "crane"));
    expect(field<HTMLSelectElement>("shot-movement").value).toBe("crane");
  });

  it("cannot change anything for a read-only user", () => {
    const doc = shotDoc();
    mount(<ShotFieldsForm doc={doc} editable={false} projectId="p" compact />);
    expect(field<HTMLSelectElement>("shot-size").disabled).toBe(true);
    expect(field<HTMLInputElement>("shot-duration").readOnly).toBe(true);
  });
});

describe("storyboard grid", () => {
  function board(ids: string[]) {
    const storyboard = new Y.Doc();
    const docs = new Map<string, PooledDocument>();
    ids.forEach((id, i) => {
      addShotToStoryboard(storyboard, id);
      docs.set(`p/projprojprojproj/b/main/shot/${id}`, { doc: shotDoc(String(i + 1), 2 + i) } as PooledDocument);
    });
    return { storyboard, docs };
  }
  const ids = ["shotaaaaaaaaaaaa", "shotbbbbbbbbbbbb", "shotcccccccccccc"];

  it("shows the panels in storyboard order and moves a focused panel with Alt+ArrowRight", () => {
    const { storyboard, docs } = board(ids);
    const render = () => (
      <ShotGrid projectId="projprojprojproj" episodeId="e" storyboard={storyboard} order={readShotOrder(storyboard)} docs={docs} arrangeable editable={false} label="Shots" />
    );
    mount(render());
    const numbers = () => [...host!.querySelectorAll<HTMLElement>('[data-testid="shot-panel"]')].map((el) => el.dataset.shotNumber);
    expect(numbers()).toEqual(["1", "2", "3"]);

    const first = host!.querySelector<HTMLElement>('[data-testid="shot-panel"]')!;
    act(() => {
      first.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", altKey: true, bubbles: true, cancelable: true }));
    });
    expect(readShotOrder(storyboard)).toEqual([ids[1], ids[0], ids[2]]);
    act(() => root!.render(<MemoryRouter>{render()}</MemoryRouter>));
    expect(numbers()).toEqual(["2", "1", "3"]);
  });

  it("offers no reordering to a read-only user", () => {
    const { storyboard, docs } = board(ids);
    mount(<ShotGrid projectId="projprojprojproj" episodeId="e" storyboard={storyboard} order={readShotOrder(storyboard)} docs={docs} arrangeable={false} editable={false} label="Shots" />);
    expect(host!.querySelector('[data-testid="shot-handle"]')).toBeNull();
    const first = host!.querySelector<HTMLElement>('[data-testid="shot-panel"]')!;
    act(() => {
      first.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", altKey: true, bubbles: true, cancelable: true }));
    });
    expect(readShotOrder(storyboard)).toEqual(ids);
  });
});

describe("shot page fields", () => {
  it("validates the shot number, writes the action as it is typed, and adds characters as chips", () => {
    const doc = shotDoc("3");
    mount(<ShotFieldsForm doc={doc} editable projectId="p" />);
    type(field<HTMLInputElement>("shot-number"), "3-b");
    expect(field("shot-number-problem").textContent).toMatch(/^A shot number is a number with optional letters/);
    expect(readShotFields(doc).number).toBe("3");
    type(field<HTMLInputElement>("shot-number"), "3b");
    expect(readShotFields(doc).number).toBe("3B");

    const action = field<HTMLTextAreaElement>("shot-action");
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
      setter.call(action, "Maya turns.");
      action.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(readShotFields(doc).action).toBe("Maya turns.");

    type(field<HTMLInputElement>("shot-character-input"), "maya");
    act(() => field<HTMLInputElement>("shot-character-input").form!.requestSubmit());
    expect(readShotFields(doc).characters).toEqual(["MAYA"]);
    type(field<HTMLInputElement>("shot-character-input"), "Maya");
    act(() => field<HTMLInputElement>("shot-character-input").form!.requestSubmit());
    expect(host!.textContent).toContain("MAYA is already in the shot.");
    expect(readShotFields(doc).characters).toEqual(["MAYA"]);
  });
});
