/**
 * One engine replaying one real editing trace one edit at a time, in a process of its own (so its memory
 * figure is its own): `node --expose-gc --import tsx bench/engines/replay.ts <yjs|automerge> <trace> [limit]`.
 * Prints one JSON line: replay time, encoded size, load time, heap and RSS growth, and whether the final
 * text equals the trace's endContent.
 */
import * as Automerge from "@automerge/automerge";
import * as Y from "yjs";
import { loadSequentialTrace, sequentialPatches, type TracePatch } from "../../test/helpers/traces.js";

export type EngineName = "yjs" | "automerge";
export type TraceName = "automerge-paper" | "seph-blog1";

export interface ReplayResult {
  engine: EngineName;
  trace: TraceName;
  edits: number;
  replayMs: number;
  encodedBytes: number;
  loadMs: number;
  /** JS heap plus external memory (ArrayBuffers, WebAssembly) the replayed document holds after GC. */
  memoryBytes: number;
  /** The replayed text equals the trace's endContent (only checked for a full replay). */
  matches: boolean | null;
}

interface Engine {
  apply(patch: TracePatch): void;
  text(): string;
  save(): Uint8Array;
  load(bytes: Uint8Array): unknown;
}

function yjsEngine(): Engine {
  const doc = new Y.Doc();
  const text = doc.getText("text");
  return {
    apply([position, deleteCount, insert]) {
      // One transaction per edit, as one keystroke in an editor.
      doc.transact(() => {
        if (deleteCount > 0) text.delete(position, deleteCount);
        if (insert !== "") text.insert(position, insert);
      });
    },
    text: () => text.toString(),
    save: () => Y.encodeStateAsUpdate(doc),
    load(bytes) {
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, bytes);
      return fresh.getText("text").length;
    },
  };
}

function automergeEngine(): Engine {
  let doc = Automerge.from<{ text: string }>({ text: "" });
  return {
    apply([position, deleteCount, insert]) {
      // One change per edit, the Automerge counterpart of one transaction.
      doc = Automerge.change(doc, (d) => {
        Automerge.splice(d, ["text"], position, deleteCount, insert);
      });
    },
    text: () => doc.text,
    save: () => Automerge.save(doc),
    load: (bytes) => Automerge.load<{ text: string }>(bytes).text.length,
  };
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc, so memory is measured after collection");
  gc();
  gc();
}

const held = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
};

function replay(engineName: EngineName, traceName: TraceName, limit: number): ReplayResult {
  const trace = loadSequentialTrace(traceName);
  const all = [...sequentialPatches(trace)];
  const patches = all.slice(0, limit);
  collect();
  const before = held();
  const engine = engineName === "yjs" ? yjsEngine() : automergeEngine();
  const started = performance.now();
  for (const patch of patches) engine.apply(patch);
  const replayMs = performance.now() - started;
  collect();
  const memoryBytes = held() - before;
  const encoded = engine.save();
  const loadStarted = performance.now();
  engine.load(encoded);
  const loadMs = performance.now() - loadStarted;
  const full = patches.length === all.length;
  return {
    engine: engineName,
    trace: traceName,
    edits: patches.length,
    replayMs,
    encodedBytes: encoded.byteLength,
    loadMs,
    memoryBytes,
    matches: full ? engine.text() === trace.endContent : null,
  };
}

const [engineArg, traceArg, limitArg] = process.argv.slice(2);
if (engineArg === "yjs" || engineArg === "automerge") {
  if (traceArg !== "automerge-paper" && traceArg !== "seph-blog1") throw new Error(`unknown trace ${traceArg}`);
  const result = replay(engineArg, traceArg, limitArg ? Number(limitArg) : Number.POSITIVE_INFINITY);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
