import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { shotDocumentName, storyboardDocumentName } from "@aiuteur/shared";
import { DocumentPool } from "./documentPool";

// The socket stays closed (connect: false): these tests are about sharing and lifetime, not the network.
const pools: DocumentPool[] = [];
function pool(localCopy = false, maxDocumentsPerSocket?: number) {
  const p = new DocumentPool({
    url: "ws://127.0.0.1:9/collab",
    token: () => "token",
    connect: false,
    localCopy,
    presence: { id: "u1", name: "Ann", color: "#123456" },
    ...(maxDocumentsPerSocket ? { maxDocumentsPerSocket } : {}),
  });
  pools.push(p);
  return p;
}
afterEach(() => {
  for (const p of pools.splice(0)) p.destroy();
});

const shotA = shotDocumentName("proj2proj2proj2p", "shotashotashota2");
const shotB = shotDocumentName("proj2proj2proj2p", "shotbshotbshotb2");
const board = storyboardDocumentName("proj2proj2proj2p", "scenescenescene2");

describe("document pool", () => {
  it("gives every user of a document the same Y.Doc and keeps it until the last one lets go", () => {
    const p = pool();
    const first = p.acquire(shotA);
    const second = p.acquire(shotA);
    expect(second.doc).toBe(first.doc);
    expect(p.size).toBe(1);

    p.release(first);
    expect(p.has(shotA)).toBe(true);
    expect(first.destroyed).toBe(false);

    p.release(second);
    expect(p.has(shotA)).toBe(false);
    expect(second.destroyed).toBe(true);
  });

  it("puts every document's provider on one shared socket, and detaches it when the document closes", () => {
    const p = pool();
    const a = p.acquire(shotA);
    const b = p.acquire(shotB);
    const s = p.acquire(board);
    expect(p.websockets).toHaveLength(1);
    const socket = p.websockets[0]!.websocket;
    expect(a.provider!.configuration.websocketProvider).toBe(socket);
    expect(b.provider!.configuration.websocketProvider).toBe(socket);
    expect(s.provider!.configuration.websocketProvider).toBe(socket);
    expect([...socket.configuration.providerMap.keys()].sort()).toEqual([shotA, shotB, board].sort());

    p.release(a);
    expect([...socket.configuration.providerMap.keys()].sort()).toEqual([shotB, board].sort());
  });

  it("keeps presence on storyboards, and awareness on only one shot per socket (the keep-alive)", () => {
    const p = pool();
    const storyboard = p.acquire(board).provider!.awareness!;
    expect(storyboard.getLocalState()?.presence).toEqual({ id: "u1", name: "Ann", color: "#123456" });
    expect(p.acquire(shotA).provider!.awareness).toBeNull();
    expect(p.acquire(shotB).provider!.awareness).toBeNull();
  });

  it("spreads many documents over a few sockets, so no socket has more pending authentications than the server allows", () => {
    const p = pool(false, 4);
    const shots = Array.from({ length: 10 }, (_, i) => p.acquire(shotDocumentName("proj2proj2proj2p", `shot${"abcdefghij"[i]}shotashota2`)));
    expect(p.websockets.map((s) => s.documents)).toEqual([4, 4, 2]);
    // A socket carrying only shots still has one provider with awareness, so an idle socket is not reconnected.
    expect(p.websockets.map((s) => s.withAwareness)).toEqual([1, 1, 1]);
    expect(shots.filter((entry) => entry.provider!.awareness !== null)).toHaveLength(3);

    for (const entry of shots.slice(4, 8)) p.release(entry);
    expect(p.websockets.map((s) => s.documents)).toEqual([4, 2]);
    // A new document fills the free places first.
    p.acquire(board);
    expect(p.websockets.map((s) => s.documents)).toEqual([4, 2].map((n, i) => (i === 1 ? n + 1 : n)));
  });

  it("opens a fresh document after one was released, and ignores a second release", () => {
    const p = pool();
    const first = p.acquire(shotA);
    first.doc.getMap("fields").set("number", "1");
    p.release(first);
    p.release(first);
    const again = p.acquire(shotA);
    expect(again.doc).not.toBe(first.doc);
    expect(again.refs).toBe(1);
  });

  it("can be used again after it was destroyed (React re-mounts a page's pool)", () => {
    const p = pool();
    const before = p.acquire(shotA);
    p.destroy();
    expect(before.destroyed).toBe(true);
    p.release(before); // a late release from an unmounting panel is harmless
    const after = p.acquire(shotA);
    expect(after.destroyed).toBe(false);
    expect(p.websockets).toHaveLength(1);
  });

  it("keeps an IndexedDB copy of every document, so a storyboard reopens with what this device had", async () => {
    const writer = pool(true);
    const entry = writer.acquire(board);
    await new Promise((resolve) => setTimeout(resolve, 50));
    entry.doc.getArray("shots").push(["shot1", "shot2"]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    writer.destroy();

    const reader = pool(true);
    const reopened = reader.acquire(board);
    await new Promise<void>((resolve) => {
      const check = () => (reopened.ready ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(reopened.doc.getArray("shots").toArray()).toEqual(["shot1", "shot2"]);
  });
});
