import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { setTitlePageField, titlePageValue } from "./titlePage.js";
import { readScreenplay, writeScreenplay } from "./ydoc.js";

const fields = (doc: Y.Doc) => readScreenplay(doc).titlePage;

describe("editing the title page", () => {
  it("adds fields in title-page order, replaces them in place, and removes them when emptied", () => {
    const doc = new Y.Doc();
    setTitlePageField(doc, "Author", "A. Writer");
    setTitlePageField(doc, "Title", "  The Long Take ");
    setTitlePageField(doc, "Contact", "agent@example.com\r\n555-0100");
    setTitlePageField(doc, "Credit", "Written by");
    expect(fields(doc).map((f) => f.key)).toEqual(["Title", "Credit", "Author", "Contact"]);
    expect(titlePageValue(fields(doc), "title")).toBe("The Long Take");
    expect(titlePageValue(fields(doc), "Contact")).toBe("agent@example.com\n555-0100");
    setTitlePageField(doc, "title", "The Longer Take");
    expect(fields(doc)[0]).toEqual({ key: "title", value: "The Longer Take" });
    setTitlePageField(doc, "Credit", "");
    expect(fields(doc).map((f) => f.key)).toEqual(["title", "Author", "Contact"]);
  });

  it("keeps fields it does not know, such as those imported from Fountain", () => {
    const doc = new Y.Doc();
    writeScreenplay(doc, { titlePage: [{ key: "Title", value: "X" }, { key: "Notes", value: "Draft for table read" }], blocks: [] });
    setTitlePageField(doc, "Author", "B");
    expect(fields(doc)).toEqual([
      { key: "Title", value: "X" },
      { key: "Author", value: "B" },
      { key: "Notes", value: "Draft for table read" },
    ]);
  });

  it("converges when two writers save the same field at once, and the next save folds the copies", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setTitlePageField(a, "Title", "Start");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setTitlePageField(a, "Title", "From A");
    setTitlePageField(b, "Title", "From B");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(fields(a)).toEqual(fields(b));
    expect(["From A", "From B"]).toContain(titlePageValue(fields(a), "Title"));
    setTitlePageField(a, "Title", "Agreed");
    expect(fields(a)).toEqual([{ key: "Title", value: "Agreed" }]);
  });
});
