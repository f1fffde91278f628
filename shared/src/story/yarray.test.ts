import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { insertId, moveId, removeId, setText, textOf, uniqueIds } from "./yarray.js";

/** Exchanges every missing update between the docs, as two connected peers would. */
function sync(...docs: Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function listOf(ids: string[]): { doc: Y.Doc; list: Y.Array<unknown> } {
  const doc = new Y.Doc();
  const list = doc.getArray<unknown>("ids");
  list.push(ids);
  return { doc, list };
}

describe("ordered id lists", () => {
  it("reads each valid id once, first occurrence wins", () => {
    const { list } = listOf(["a", "b", "a", "", "c"]);
    list.push([42, null]);
    expect(uniqueIds(list)).toEqual(["a", "b", "c"]);
  });

  it("moves an id to an index of the order and repairs its duplicates", () => {
    const { list } = listOf(["a", "b", "c", "d", "b"]);
    moveId(list, "b", 3);
    expect(list.toArray()).toEqual(["a", "c", "d", "b"]);
    moveId(list, "d", 0);
    expect(uniqueIds(list)).toEqual(["d", "a", "c", "b"]);
    moveId(list, "a", 99);
    expect(uniqueIds(list)).toEqual(["d", "c", "b", "a"]);
  });

  it("inserts only ids that are not there yet, and removes every occurrence", () => {
    const { list } = listOf(["a", "b"]);
    insertId(list, "x", 1);
    insertId(list, "a", 0);
    insertId(list, "z");
    expect(list.toArray()).toEqual(["a", "x", "b", "z"]);
    list.push(["x"]);
    removeId(list, "x");
    expect(list.toArray()).toEqual(["a", "b", "z"]);
  });

  it("converges on one occurrence when two people move the same id at once", () => {
    const one = listOf(["a", "b", "c", "d"]);
    const two = { doc: new Y.Doc(), list: null as unknown as Y.Array<unknown> };
    Y.applyUpdate(two.doc, Y.encodeStateAsUpdate(one.doc));
    two.list = two.doc.getArray<unknown>("ids");
    moveId(one.list, "b", 0);
    moveId(two.list, "b", 3);
    sync(one.doc, two.doc);
    const order = uniqueIds(one.list);
    expect(order).toEqual(uniqueIds(two.list));
    expect(order.filter((id) => id === "b")).toHaveLength(1);
    expect([...order].sort()).toEqual(["a", "b", "c", "d"]);
    // The next move by anyone repairs the raw list too.
    moveId(one.list, "b", 1);
    sync(one.doc, two.doc);
    expect(two.list.toArray().filter((id) => id === "b")).toHaveLength(1);
  });
});

describe("setText", () => {
  it("replaces text with a minimal edit, so a concurrent insert elsewhere survives", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    one.getText("t").insert(0, "The quick fox");
    sync(one, two);
    setText(one.getText("t"), "The quick brown fox");
    two.getText("t").insert(13, " jumps");
    sync(one, two);
    expect(textOf(one.getText("t"))).toBe("The quick brown fox jumps");
    expect(two.getText("t").toString()).toBe("The quick brown fox jumps");
  });

  it("does not split an emoji when only half of its code units change", () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    text.insert(0, "mood 😀!");
    setText(text, "mood 😃!");
    expect(text.toString()).toBe("mood 😃!");
  });

  it("reads plain strings and Y.Text alike", () => {
    expect(textOf("plain")).toBe("plain");
    expect(textOf(42)).toBe("");
  });
});
