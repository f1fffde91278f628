/**
 * Yjs against Automerge 3 on the same real traces, one edit at a time, so the choice of engine is a measured
 * one. Each replay runs in a fresh process (engines/replay.ts) for a clean memory figure.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { EngineName, ReplayResult, TraceName } from "./engines/replay.js";
import { median } from "./load/stats.js";
import { num, ratio, spread, table } from "./report.js";
import type { BenchContext, BenchSection, BenchSectionRunner } from "./section.js";

const REPLAY = fileURLToPath(new URL("./engines/replay.ts", import.meta.url));
const TRACES: TraceName[] = ["automerge-paper", "seph-blog1"];
const ENGINES: EngineName[] = ["yjs", "automerge"];
/** BENCH_QUICK replays only the start of each trace. */
const QUICK_EDITS = 5000;

function replayOnce(engine: EngineName, trace: TraceName, limit: number | null): Promise<ReplayResult> {
  return new Promise((resolve, reject) => {
    const args = ["--expose-gc", "--import", "tsx", REPLAY, engine, trace, ...(limit === null ? [] : [String(limit)])];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`${engine} on ${trace} exited with ${code}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(out.trim().split("\n").at(-1)!) as ReplayResult);
    });
  });
}

const mb = (bytes: number) => bytes / (1024 * 1024);

export const crdtEngine: BenchSectionRunner = {
  id: "crdt-engine",
  async run(context: BenchContext): Promise<BenchSection> {
    const rows: string[][] = [];
    for (const trace of TRACES) {
      const results = new Map<EngineName, ReplayResult[]>();
      for (const engine of ENGINES) {
        const runs: ReplayResult[] = [];
        for (let run = 0; run < context.runs; run++) {
          context.log(`crdt-engine: ${engine} replaying ${trace} (run ${run + 1}/${context.runs})`);
          const result = await replayOnce(engine, trace, context.quick ? QUICK_EDITS : null);
          if (result.matches === false) throw new Error(`${engine} replaying ${trace} did not reach the trace's endContent`);
          runs.push(result);
        }
        results.set(engine, runs);
      }
      const yjs = results.get("yjs")!;
      for (const engine of ENGINES) {
        const runs = results.get(engine)!;
        const pick = (f: (r: ReplayResult) => number) => runs.map(f);
        const versus = (f: (r: ReplayResult) => number) => (engine === "yjs" ? "—" : ratio(median(pick(f)), median(yjs.map(f))));
        rows.push([
          trace,
          engine,
          num(runs[0]!.edits),
          spread(pick((r) => r.replayMs / 1000), 2),
          num((runs[0]!.edits / median(pick((r) => r.replayMs))) * 1000),
          num(median(pick((r) => r.encodedBytes)) / 1024, 0),
          spread(pick((r) => r.loadMs), 1),
          spread(pick((r) => mb(r.memoryBytes)), 1),
          `${versus((r) => r.replayMs)} / ${versus((r) => r.encodedBytes)} / ${versus((r) => r.loadMs)} / ${versus((r) => r.memoryBytes)}`,
        ]);
      }
    }
    const markdown = [
      `Each engine replays the trace's patches one at a time (one Yjs transaction or one Automerge change per`,
      `edit) into a text, in a fresh \`node --expose-gc\` process per run; the final text is checked against the`,
      `trace's endContent. Encoded size: \`Y.encodeStateAsUpdate\` / \`Automerge.save\`; load: applying that into a`,
      `fresh document; memory: JS heap plus external memory (Automerge's WebAssembly) held after GC. Yjs 13,`,
      `@automerge/automerge 3. Figures are medians of ${context.runs} runs with (min–max).`,
      "",
      table(
        ["trace", "engine", "edits", "replay s", "edits/s", "encoded KiB", "load ms", "memory MiB", "÷ yjs: replay / size / load / memory"],
        ["l", "l", "r", "r", "r", "r", "r", "r", "l"],
        rows,
      ),
      "",
      "How to read it: a ratio above ×1 means Automerge costs more than Yjs for that figure (a larger file, a",
      "longer replay or load, more memory); below ×1, less.",
    ].join("\n");
    return {
      id: "crdt-engine",
      title: "CRDT engine: Yjs against Automerge on real traces",
      command: "BENCH_ONLY=crdt-engine npm run bench -w @aiuteur/sync-server",
      markdown,
    };
  },
};
