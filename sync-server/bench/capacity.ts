/**
 * Capacity: idle connections spread over many documents, up to 5,000, from a separate load process; the
 * server's RSS per connection and per open document. Aiuteur and stock Hocuspocus + SQLite.
 */
import { measureLoad } from "./load/index.js";
import { median } from "./load/stats.js";
import { num, spread, table } from "./report.js";
import { sampleProcess, startBenchServer, type ServerKind } from "./servers/index.js";
import type { BenchContext, BenchSection, BenchSectionRunner } from "./section.js";

const KINDS: ServerKind[] = ["aiuteur", "hocuspocus"];

interface Step {
  documents: number;
  clientsPerDocument: number;
}

/** Same connections over 50 and over 500 documents tell the cost of an open document apart from a connection's. */
const STEPS: Step[] = [
  { documents: 50, clientsPerDocument: 20 },
  { documents: 500, clientsPerDocument: 2 },
  { documents: 500, clientsPerDocument: 5 },
  { documents: 500, clientsPerDocument: 10 },
];
const QUICK_STEPS: Step[] = [
  { documents: 10, clientsPerDocument: 10 },
  { documents: 50, clientsPerDocument: 2 },
];

const MIB = 1024 * 1024;

interface StepResult {
  connections: number;
  connected: number;
  rssMiB: number;
}

async function measureKind(kind: ServerKind, steps: Step[], log: (m: string) => void): Promise<{ baselineMiB: number; steps: StepResult[] }> {
  const server = await startBenchServer(kind);
  try {
    const most = Math.max(...steps.map((step) => step.documents));
    const documents = await server.documents(most);
    const baselineMiB = sampleProcess(server.pid).rssBytes / MIB;
    const results: StepResult[] = [];
    for (const step of steps) {
      const connections = step.documents * step.clientsPerDocument;
      log(`capacity: ${kind}, ${connections} idle connections over ${step.documents} documents`);
      const measured = await measureLoad(server.pid, {
        documents: documents.slice(0, step.documents),
        clientsPerDocument: step.clientsPerDocument,
        typersPerDocument: 0,
        warmupMs: 1000,
        windowMs: 2000,
        connectConcurrency: 50,
      });
      results.push({ connections, connected: measured.load.connected, rssMiB: measured.serverRssBytes / MIB });
    }
    return { baselineMiB, steps: results };
  } finally {
    await server.stop();
  }
}

export const capacity: BenchSectionRunner = {
  id: "capacity",
  async run(context: BenchContext): Promise<BenchSection> {
    const steps = context.quick ? QUICK_STEPS : STEPS;
    const rows: string[][] = [];
    const summary: string[][] = [];
    for (const kind of KINDS) {
      const runs: Array<Awaited<ReturnType<typeof measureKind>>> = [];
      for (let run = 0; run < context.runs; run++) runs.push(await measureKind(kind, steps, context.log));
      steps.forEach((step, i) => {
        const results = runs.map((r) => r.steps[i]!);
        const grown = runs.map((r) => r.steps[i]!.rssMiB - r.baselineMiB);
        rows.push([
          kind,
          num(step.documents),
          num(results[0]!.connections),
          num(Math.min(...results.map((r) => r.connected))),
          spread(results.map((r) => r.rssMiB), 0),
          spread(grown.map((g) => (g * 1024) / results[0]!.connections), 1),
        ]);
      });
      // Per open document: the same connections over 500 rather than 50 documents (steps 0 and 1 both hold 1,000).
      const perDocument = context.quick
        ? Number.NaN
        : median(runs.map((r) => ((r.steps[1]!.rssMiB - r.steps[0]!.rssMiB) * 1024) / (STEPS[1]!.documents - STEPS[0]!.documents)));
      const last = runs.map((r) => r.steps.at(-1)!);
      const perConnection = median(runs.map((r, i) => ((last[i]!.rssMiB - r.steps[1]!.rssMiB) * 1024) / (last[i]!.connections - r.steps[1]!.connections)));
      summary.push([kind, num(median(runs.map((r) => r.baselineMiB)), 0), num(perConnection, 1), num(perDocument, 1)]);
    }
    const markdown = [
      `Idle clients (HocuspocusProvider, synced, no typing) from one separate load process, connected 50 at a`,
      `time, spread evenly over the documents; the server's peak RSS over a 2 s window once all are synced. Each`,
      `step is a fresh load process, so documents are opened again. The per-connection figure is the RSS growth`,
      `from 1,000 to ${num(steps.at(-1)!.documents * steps.at(-1)!.clientsPerDocument)} connections over the same 500`,
      `documents; the per-document figure compares 1,000 connections over 500 documents with 1,000 over 50.`,
      "",
      table(["server", "documents", "connections", "synced (worst run)", "server RSS MiB", "KiB per connection (RSS growth from start ÷ connections)"], ["l", "r", "r", "r", "r", "r"], rows),
      "",
      table(["server", "RSS at start MiB", "KiB per added connection", "KiB per open document"], ["l", "r", "r", "r"], summary),
    ].join("\n");
    return {
      id: "capacity",
      title: "Capacity: idle connections over 500 documents, up to 5,000",
      command: "BENCH_ONLY=capacity npm run bench -w @aiuteur/sync-server",
      markdown,
    };
  },
};
