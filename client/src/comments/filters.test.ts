/** The comments panel shows open, resolved or all threads, of every scene or one, with matching counts. */
import { describe, expect, it } from "vitest";
import type { Thread } from "@aiuteur/shared";
import { countThreads, filterThreads } from "./filters";

function thread(id: string, status: Thread["status"], sceneId: string): Thread {
  return {
    id,
    status,
    sceneId,
    anchor: { type: "text", start: "", end: "", quote: id },
    author: "u1",
    authorName: "Ana",
    createdAt: 0,
    messages: [],
  };
}

const threads = [thread("a", "open", "s1"), thread("b", "resolved", "s1"), thread("c", "open", "s2"), thread("d", "open", "")];
const ids = (list: Thread[]) => list.map((t) => t.id);

describe("comment filters", () => {
  it("filter by status", () => {
    expect(ids(filterThreads(threads, { status: "open", sceneId: null }))).toEqual(["a", "c", "d"]);
    expect(ids(filterThreads(threads, { status: "resolved", sceneId: null }))).toEqual(["b"]);
    expect(ids(filterThreads(threads, { status: "all", sceneId: null }))).toEqual(["a", "b", "c", "d"]);
  });

  it("filter by scene together with status", () => {
    expect(ids(filterThreads(threads, { status: "all", sceneId: "s1" }))).toEqual(["a", "b"]);
    expect(ids(filterThreads(threads, { status: "open", sceneId: "s2" }))).toEqual(["c"]);
    expect(ids(filterThreads(threads, { status: "resolved", sceneId: "s2" }))).toEqual([]);
  });

  it("count per status within the chosen scene", () => {
    expect(countThreads(threads, null)).toEqual({ open: 3, resolved: 1, all: 4 });
    expect(countThreads(threads, "s1")).toEqual({ open: 1, resolved: 1, all: 2 });
  });
});
