import { describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import { AwarenessBudget, isAwarenessMessage } from "./awarenessBudget.js";
import { readFrameHeader } from "./frames.js";

function frame(type: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, "project/p/script/s");
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, new Uint8Array([1, 2, 3]));
  return encoding.toUint8Array(encoder);
}

describe("AwarenessBudget", () => {
  it("passes a burst, drops beyond it, and closes a socket that keeps flooding", () => {
    let now = 0;
    const budget = new AwarenessBudget(10, 5, () => now);
    const verdicts = Array.from({ length: 11 }, () => budget.spend());
    expect(verdicts.slice(0, 5)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect(verdicts.slice(5, 10)).toEqual(["drop", "drop", "drop", "drop", "drop"]);
    expect(verdicts[10]).toBe("close");
  });

  it("refills at the steady rate, so a caret moving with every keystroke is never limited", () => {
    let now = 0;
    const budget = new AwarenessBudget(10, 5, () => now);
    // 8 messages a second for a minute: below the rate of 10.
    for (let i = 0; i < 480; i++) {
      now += 125;
      expect(budget.spend()).toBe("pass");
    }
  });
});

describe("frame headers", () => {
  it("recognises awareness and awareness queries, and nothing else", () => {
    const awareness = (type: number) => isAwarenessMessage(readFrameHeader(frame(type))!);
    expect([0, 1, 2, 3, 5, 8].map(awareness)).toEqual([false, true, false, true, false, false]);
  });

  it("finds no header in bytes that are not a Hocuspocus message", () => {
    expect(readFrameHeader(frame(0))).toEqual({ documentName: "project/p/script/s", type: 0 });
    expect(readFrameHeader(new Uint8Array([0xff, 0xff, 0xff]))).toBeNull();
    expect(readFrameHeader(new Uint8Array())).toBeNull();
    expect(readFrameHeader(frame(99))).toBeNull();
    // The empty name is read as one (authentication refuses it by name), but nothing follows the type.
    expect(readFrameHeader(new Uint8Array([0, 0]))).toBeNull();
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, "project/p/script/s");
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, new Uint8Array([1, 2, 3, 4]));
    const sync = encoding.toUint8Array(encoder);
    expect(readFrameHeader(sync)).toEqual({ documentName: "project/p/script/s", type: 0 });
    expect(readFrameHeader(sync.slice(0, sync.length - 1))).toBeNull();
  });
});
