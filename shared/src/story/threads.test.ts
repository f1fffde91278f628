import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  createThread,
  decodeRelativePosition,
  deleteThread,
  encodeRelativePosition,
  findMentions,
  readThreads,
  replyToThread,
  setThreadStatus,
  threadsMap,
} from "./threads.js";

function sync(...docs: Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

const ana = { id: "u-ana", name: "Ana" };
const anaMaria = { id: "u-am", name: "Ana Maria" };
const ben = { id: "u-ben", name: "Ben O'Hara" };

describe("threads", () => {
  it("creates, replies, resolves, reopens and deletes a thread", () => {
    const doc = new Y.Doc();
    const id = createThread(doc, { anchor: { type: "point", shotId: "shot1", x: 0.25, y: 0.5 }, sceneId: "s1", author: ana, body: "Too dark" });
    replyToThread(doc, id, ben, "Agreed @Ana", ["u-ana"]);
    setThreadStatus(doc, id, "resolved");
    let [thread] = readThreads(doc);
    expect(thread).toMatchObject({ id, sceneId: "s1", status: "resolved", author: "u-ana", anchor: { type: "point", x: 0.25, y: 0.5 } });
    expect(thread!.messages.map((m) => [m.authorName, m.body, m.mentions])).toEqual([
      ["Ana", "Too dark", []],
      ["Ben O'Hara", "Agreed @Ana", ["u-ana"]],
    ]);
    setThreadStatus(doc, id, "open");
    [thread] = readThreads(doc);
    expect(thread!.status).toBe("open");
    deleteThread(doc, id);
    expect(readThreads(doc)).toEqual([]);
  });

  it("ignores threads with an anchor outside the frame", () => {
    const doc = new Y.Doc();
    createThread(doc, { anchor: { type: "region", shotId: "s", x: 0.5, y: 0.5, w: 2, h: 0.1 }, author: ana, body: "x" });
    expect(threadsMap(doc).size).toBe(1);
    expect(readThreads(doc)).toEqual([]);
  });

  it("keeps concurrent replies from two people", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const id = createThread(one, { anchor: { type: "point", shotId: "s", x: 0, y: 0 }, author: ana, body: "?" });
    sync(one, two);
    replyToThread(one, id, ana, "first");
    replyToThread(two, id, ben, "second");
    sync(one, two);
    expect(readThreads(one)[0]!.messages).toHaveLength(3);
    expect(readThreads(two)).toEqual(readThreads(one));
  });
});

describe("findMentions", () => {
  const members = [ana, anaMaria, ben];
  it("finds members by @display name, longest first, ignoring case", () => {
    expect(findMentions("@ana maria can you look? cc @BEN O'HARA", members).sort()).toEqual(["u-am", "u-ben"]);
    expect(findMentions("@Ana, and @Ana Maria", members).sort()).toEqual(["u-am", "u-ana"]);
  });
  it("does not match a name that continues into a longer word", () => {
    expect(findMentions("@Anabel and @Bent", members)).toEqual([]);
    expect(findMentions("no mentions here", members)).toEqual([]);
  });
});

describe("script text anchors", () => {
  it("stay on their words when text above them changes, on every replica", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const text = one.getText("script");
    text.insert(0, "INT. KITCHEN - DAY\nAna burns the toast.");
    sync(one, two);
    const from = text.toString().indexOf("burns");
    const anchor = {
      type: "text" as const,
      start: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from)),
      end: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from + "burns".length)),
      quote: "burns",
    };
    const id = createThread(one, { anchor, author: ana, body: "Funnier verb?" });
    sync(one, two);
    // Someone else types above the anchored words.
    two.getText("script").insert(0, "COLD OPEN\n\n");
    two.getText("script").insert(two.getText("script").toString().indexOf("Ana"), "Later, ");
    sync(one, two);

    for (const doc of [one, two]) {
      const [thread] = readThreads(doc);
      expect(thread!.id).toBe(id);
      if (thread!.anchor.type !== "text") throw new Error("expected a text anchor");
      const start = Y.createAbsolutePositionFromRelativePosition(decodeRelativePosition(thread!.anchor.start)!, doc);
      const end = Y.createAbsolutePositionFromRelativePosition(decodeRelativePosition(thread!.anchor.end)!, doc);
      expect(doc.getText("script").toString().slice(start!.index, end!.index)).toBe("burns");
    }
  });

  it("rejects an anchor that is not base64", () => {
    expect(decodeRelativePosition("%%%not base64")).toBeNull();
  });
});

describe("mentions inside an e-mail address", () => {
  it("are not mentions", () => {
    const members = [{ id: "u-ana", name: "Ana" }];
    expect(findMentions("write to x@ana.com", members)).toEqual([]);
    expect(findMentions("(@Ana) please look", members)).toEqual(["u-ana"]);
  });
});
