import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { revertUpdate } from "./revert.js";

function paragraph(text: string): Y.XmlElement {
  const el = new Y.XmlElement("action");
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}

function texts(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment("screenplay")
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((t) => t.toString()).join("") : ""));
}

describe("revertUpdate", () => {
  it("restores text, deleted blocks, map fields and removes what came after, as one forward change", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("screenplay");
    fragment.insert(0, [paragraph("First."), paragraph("Second.")]);
    doc.getMap("fields").set("size", "WS");
    const version = Y.encodeStateAsUpdate(doc);

    fragment.delete(0, 1);
    fragment.insert(1, [paragraph("Third.")]);
    ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Very ");
    doc.getMap("fields").set("size", "CU");
    doc.getArray("later").push(["added after"]);
    expect(texts(doc)).toEqual(["Very Second.", "Third."]);

    // A collaborator holds the current state and receives only the restore update.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const update = revertUpdate(Y.encodeStateAsUpdate(doc), version);
    Y.applyUpdate(doc, update);
    Y.applyUpdate(peer, update);
    for (const replica of [doc, peer]) {
      expect(texts(replica)).toEqual(["First.", "Second."]);
      expect(replica.getMap("fields").get("size")).toBe("WS");
      expect(replica.getArray("later").length).toBe(0);
    }
  });

  it("is itself undone by restoring the state before it", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "one");
    const v1 = Y.encodeStateAsUpdate(doc);
    doc.getText("t").insert(3, " two");
    const v2 = Y.encodeStateAsUpdate(doc);
    Y.applyUpdate(doc, revertUpdate(v2, v1));
    expect(doc.getText("t").toString()).toBe("one");
    Y.applyUpdate(doc, revertUpdate(Y.encodeStateAsUpdate(doc), v2));
    expect(doc.getText("t").toString()).toBe("one two");
  });

  it("is empty when nothing changed since the version", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "same");
    const state = Y.encodeStateAsUpdate(doc);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, state);
    const before = Y.encodeStateVector(peer);
    Y.applyUpdate(peer, revertUpdate(state, state));
    expect(Y.encodeStateVector(peer)).toEqual(before);
  });
});
