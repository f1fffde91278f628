/**
 * touchedRoots: which root types an update would change, traced through origins when the encoding leaves
 * the parent out (a map key set again, an item inserted next to another, a deletion).
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { touchedRoots } from "../src/collab/updateRoots.js";

/** A server copy and a client copy in sync; `change` runs on the client, its update is checked on the server. */
function updateOf(setup: (doc: Y.Doc) => void, change: (doc: Y.Doc) => void): { server: Y.Doc; update: Uint8Array } {
  const server = new Y.Doc();
  const client = new Y.Doc();
  setup(client);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  const before = Y.encodeStateVector(client);
  change(client);
  return { server, update: Y.encodeStateAsUpdate(client, before) };
}

const roots = (server: Y.Doc, update: Uint8Array) => {
  const result = touchedRoots(server, update);
  return { roots: [...result.roots].sort(), unknown: result.unknown };
};

describe("touchedRoots", () => {
  it("names the root of a first write and of a key written again (parent implied by its origin)", () => {
    const first = updateOf(() => undefined, (doc) => doc.getMap("render").set("main", { progress: 1 }));
    expect(roots(first.server, first.update)).toEqual({ roots: ["render"], unknown: false });
    const again = updateOf((doc) => doc.getMap("render").set("main", { progress: 1 }), (doc) => doc.getMap("render").set("main", { progress: 2 }));
    expect(roots(again.server, again.update)).toEqual({ roots: ["render"], unknown: false });
  });

  it("follows nested types and text typed after other text up to their root", () => {
    const nested = updateOf(
      (doc) => doc.getMap("fields").set("action", new Y.Text("MARA")),
      (doc) => (doc.getMap("fields").get("action") as Y.Text).insert(4, " pours"),
    );
    expect(roots(nested.server, nested.update)).toEqual({ roots: ["fields"], unknown: false });
  });

  it("names the roots of deleted items, and of every change in one update", () => {
    const both = updateOf(
      (doc) => {
        doc.getArray("sketch").push([1, 2, 3]);
        doc.getMap("render").set("main", { progress: 1 });
      },
      (doc) =>
        doc.transact(() => {
          doc.getArray("sketch").delete(0, 1);
          doc.getMap("render").set("main", { progress: 5 });
        }),
    );
    expect(roots(both.server, both.update)).toEqual({ roots: ["render", "sketch"], unknown: false });
  });

  it("reports a change whose origin the server does not have as unknown", () => {
    const client = new Y.Doc();
    client.getMap("fields").set("number", "1");
    const before = Y.encodeStateVector(client);
    client.getMap("fields").set("number", "2");
    // The server never saw the first write: the second one's parent cannot be traced.
    const result = touchedRoots(new Y.Doc(), Y.encodeStateAsUpdate(client, before));
    expect(result.unknown).toBe(true);
  });
});
