/**
 * Section "durability": what the acknowledged-update log costs. (a) DocumentStore.append — the write the
 * server awaits before it applies and acknowledges each client update — timed alone on SQLite and on
 * PostgreSQL with realistic keystroke updates; (b) the 50-client × 5-typer fan-out with the log on (the
 * product) and off (bench-only build, servers/aiuteurNoLog.ts).
 */
import { join } from "node:path";
import * as Y from "yjs";
import { SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import { openDatabase } from "../src/db/open.js";
import { DocumentStore } from "../src/store/documents.js";
import { createStorage, type Dialect } from "../test/helpers/storage.js";
import { loadSequentialTrace } from "../test/helpers/traces.js";
import { FANOUT_ALIGN, FANOUT_HEADER, fanoutRow, fanoutTiming, measureFanout } from "./fanout.js";
import { median, summarize } from "./load/stats.js";
import { num, spread, table } from "./report.js";
import type { BenchContext, BenchSection, BenchSectionRunner } from "./section.js";

/** Appends at the start of each run that are not counted (connection set-up, statement caches, JIT). */
const WARMUP_APPENDS = 100;

/**
 * The first `count` edits of the automerge-paper trace (a real person writing a paper, one keystroke or
 * deletion per edit) typed into an action block of a script document, one Y update per edit, as an editor
 * sends them.
 */
function keystrokeUpdates(count: number): Uint8Array[] {
  const trace = loadSequentialTrace("automerge-paper");
  const doc = new Y.Doc();
  const block = new Y.XmlElement("action");
  const text = new Y.XmlText();
  block.insert(0, [text]);
  doc.getXmlFragment(SCREENPLAY_FRAGMENT).push([block]);
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  updates.length = 0;
  outer: for (const txn of trace.txns) {
    for (const [position, deleteCount, insert] of txn.patches) {
      if (updates.length >= count) break outer;
      doc.transact(() => {
        if (deleteCount > 0) text.delete(position, deleteCount);
        if (insert.length > 0) text.insert(position, insert);
      });
    }
  }
  doc.destroy();
  return updates;
}

interface AppendFigures {
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
}

async function timeAppends(dialect: Dialect, updates: Uint8Array[], context: BenchContext): Promise<AppendFigures[]> {
  const storage = await createStorage(dialect);
  const results: AppendFigures[] = [];
  try {
    const db = await openDatabase(
      { databaseUrl: storage.databaseUrl, dataDir: join(storage.dataDir, "db") },
      (error) => context.log(`durability ${dialect}: ${error.message}`),
    );
    try {
      const store = new DocumentStore(db);
      for (let run = 0; run < context.runs; run++) {
        const name = `bench-append-${run}`;
        const durations: number[] = [];
        const started = performance.now();
        for (const [index, update] of updates.entries()) {
          const before = performance.now();
          await store.append(name, update);
          if (index >= WARMUP_APPENDS) durations.push(performance.now() - before);
        }
        const elapsed = performance.now() - started;
        const summary = summarize(durations);
        results.push({ p50: summary.p50, p99: summary.p99, max: summary.max, perSecond: (updates.length * 1000) / elapsed });
        context.log(`durability append ${dialect} run ${run + 1}: p50 ${num(summary.p50, 3)} ms, p99 ${num(summary.p99, 3)} ms`);
      }
    } finally {
      await db.close();
    }
  } finally {
    await storage.cleanup();
  }
  return results;
}

export const durability: BenchSectionRunner = {
  id: "durability",
  async run(context: BenchContext): Promise<BenchSection> {
    const count = context.quick ? 400 : 3000;
    const updates = keystrokeUpdates(count);
    const sizes = updates.map((u) => u.byteLength);
    const appendRows: string[][] = [];
    for (const dialect of ["sqlite", "postgres"] as const) {
      const runs = await timeAppends(dialect, updates, context);
      appendRows.push([
        dialect === "sqlite" ? "SQLite (file in a temp dir)" : "PostgreSQL 127.0.0.1:5432 (fresh schema)",
        spread(runs.map((r) => r.p50), 3),
        spread(runs.map((r) => r.p99), 3),
        spread(runs.map((r) => r.max), 1),
        spread(runs.map((r) => r.perSecond), 0),
      ]);
    }

    const fanoutCase = [{ clients: 50, typers: 5 }];
    const on = (await measureFanout("aiuteur", fanoutCase, context))[0]!;
    const off = (await measureFanout("aiuteur-nolog", fanoutCase, context))[0]!;
    const timing = fanoutTiming(context);
    const overhead = (key: "p50" | "p99" | "cpuMsPerUpdate") =>
      median(on.map((r) => r[key])) - median(off.map((r) => r[key]));

    const markdown = [
      `**(a) One append.** \`DocumentStore.append\` (sync-server/src/store/documents.ts, one INSERT into ` +
        `\`document_updates\`, committed) is what the persistence extension awaits in \`beforeSync\` before a ` +
        `client update is applied and acknowledged. Timed here alone, one append after another as the server ` +
        `awaits them, for ${num(count)} real keystroke updates (the first ${num(count)} edits of the automerge-paper ` +
        `editing trace typed into an action block of a script document; update size median ${num(median(sizes))} B, ` +
        `max ${num(Math.max(...sizes))} B), the first ${WARMUP_APPENDS} not counted; one fresh database per dialect.`,
      "",
      table(["storage", "p50 ms", "p99 ms", "max ms", "appends/s (sequential)"], ["l", "r", "r", "r", "r"], appendRows),
      "",
      `**(b) Fan-out with the log on and off**, 50 clients × 5 typers, the fan-out method above ` +
        `(${num(timing.windowMs / 1000)} s windows). "aiuteur-nolog" is the same built server ` +
        `(sync-server/bench/servers/aiuteurNoLog.ts) with \`DocumentStore.append\` replaced by a function that ` +
        `returns at once: no update is written before it is acknowledged; everything else (authentication, ` +
        `permissions, limits, locks, versioning, the debounced compaction that stores the whole state) is unchanged. ` +
        `The ratio column here is aiuteur ÷ aiuteur-nolog.`,
      "",
      table(FANOUT_HEADER, FANOUT_ALIGN, [fanoutRow("aiuteur", on, null), fanoutRow("aiuteur-nolog", off, on)]),
      "",
      `The log adds ${num(overhead("p50"), 2)} ms at p50, ${num(overhead("p99"), 2)} ms at p99 and ` +
        `${num(overhead("cpuMsPerUpdate"), 4)} server CPU ms per delivered update (medians; a negative figure ` +
        `means the difference is below run-to-run noise).`,
    ].join("\n");
    return {
      id: "durability",
      title: "Durability cost: the acknowledged-update log",
      command: "BENCH_ONLY=durability npm run bench -w @aiuteur/sync-server",
      markdown,
    };
  },
};
