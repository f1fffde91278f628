/**
 * Section "limits": where the server degrades, for the limits docs/performance.md documents.
 * (a) Connections on one document: 5 real typers and 250 to 4,000 thin receivers (./load/thinGenerator.ts),
 *     until the server's one thread saturates; Aiuteur and stock Hocuspocus.
 * (b) Message size: one paste of 64 KiB to 3.5 MiB (the limit is 4 MiB) into a document 10 real clients
 *     hold: time until every one has it, and until the writer's update is acknowledged.
 * (c) Document size: documents of 1 to 24 MiB (the limit is 32 MiB) opened cold and warm.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as Y from "yjs";
import { SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import { waitFor } from "../test/helpers/collab.js";
import { openHocuspocus, timedOpen } from "./load/clients.js";
import { measureLoad } from "./load/index.js";
import { median } from "./load/stats.js";
import { num, spread, table } from "./report.js";
import { onServer, sampleProcess, startBenchServer, type BenchDocument, type ServerKind } from "./servers/index.js";
import type { BenchContext, BenchSection, BenchSectionRunner } from "./section.js";

const KINDS: ServerKind[] = ["aiuteur", "hocuspocus"];
const TYPERS = 5;
const RECEIVERS = [250, 1000, 2000, 4000];
const QUICK_RECEIVERS = [100, 300];
const PASTE_KIB = [64, 512, 2048, 3584];
const QUICK_PASTE_KIB = [64, 512];
const PASTE_RECEIVERS = 10;

interface ConnectionStep {
  p50: number;
  p99: number;
  max: number;
  delivered: number;
  deliveriesPerSecond: number;
  serverCpuShare: number;
  generatorCpuShare: number;
  rssMb: number;
  errors: string[];
}

async function measureConnections(kind: ServerKind, receivers: number[], context: BenchContext): Promise<ConnectionStep[][]> {
  const server = await startBenchServer(kind);
  const results: ConnectionStep[][] = receivers.map(() => []);
  const timing = context.quick ? { warmupMs: 1000, windowMs: 2000 } : { warmupMs: 2000, windowMs: 8000 };
  try {
    for (let run = 0; run < context.runs; run++) {
      for (const [index, count] of receivers.entries()) {
        const measured = await measureLoad(server.pid, {
          documents: await server.documents(1),
          clientsPerDocument: count + TYPERS,
          typersPerDocument: TYPERS,
          thinReceivers: true,
          connectConcurrency: 50,
          drainMs: 5000,
          ...timing,
        });
        const { load } = measured;
        const step: ConnectionStep = {
          p50: load.latencyMs.p50,
          p99: load.latencyMs.p99,
          max: load.latencyMs.max,
          delivered: load.expectedDeliveries > 0 ? load.deliveries / load.expectedDeliveries : Number.NaN,
          deliveriesPerSecond: (load.deliveries * 1000) / load.windowMs,
          serverCpuShare: measured.serverCpuMs / load.windowMs,
          generatorCpuShare: measured.generatorCpuMs / load.windowMs,
          rssMb: measured.serverRssBytes / 1024 / 1024,
          errors: load.errors,
        };
        results[index]!.push(step);
        context.log(
          `limits ${kind} ${count} receivers run ${run + 1}: p50 ${num(step.p50, 1)} / p99 ${num(step.p99, 1)} ms, ` +
            `${num(step.delivered * 100, 1)}% delivered, server CPU ${num(step.serverCpuShare * 100)}%, ` +
            `generator ${num(step.generatorCpuShare * 100)}%${step.errors.length ? `, errors: ${step.errors.slice(0, 2).join("; ")}` : ""}`,
        );
      }
    }
  } finally {
    await server.stop();
  }
  return results;
}

const provider = (target: BenchDocument, doc: Y.Doc) => openHocuspocus(target, doc);

/** Polls every 2 ms (waitFor polls every 10): it times deliveries. */
async function waitUntil(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

interface Paste {
  deliveredMs: number;
  acknowledgedMs: number;
  serverCpuMs: number;
}

/** Letters in random order, so the paste is as large on the wire as its length. */
function pasteText(kib: number): string {
  let text = "";
  const chunk = Array.from({ length: 1024 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  for (let i = 0; i < kib; i++) text += chunk;
  return text;
}

async function measurePastes(kind: ServerKind, sizes: number[], runs: number): Promise<Paste[][]> {
  const server = await startBenchServer(kind);
  const results: Paste[][] = sizes.map(() => []);
  try {
    for (let run = 0; run < runs; run++) {
      for (const [index, kib] of sizes.entries()) {
        const [target] = (await server.documents(1)) as [BenchDocument];
        const writerDoc = new Y.Doc();
        const writer = provider(target, writerDoc);
        const receivers = Array.from({ length: PASTE_RECEIVERS }, () => {
          const doc = new Y.Doc();
          return { doc, ...provider(target, doc) };
        });
        try {
          await Promise.all([writer.synced, ...receivers.map((r) => r.synced)]);
          const text = pasteText(kib);
          const before = sampleProcess(server.pid);
          const started = performance.now();
          const block = new Y.XmlElement("action");
          const content = new Y.XmlText();
          block.insert(0, [content]);
          writerDoc.transact(() => {
            writerDoc.getXmlFragment(SCREENPLAY_FRAGMENT).push([block]);
            content.insert(0, text);
          });
          let acknowledgedMs = Number.NaN;
          const acknowledged = waitUntil(() => writer.provider.unsyncedChanges === 0, "the paste to be acknowledged").then(
            () => (acknowledgedMs = performance.now() - started),
          );
          // A new script may already hold blocks: the paste is the last one.
          const holds = (doc: Y.Doc) => {
            const last = doc.getXmlFragment(SCREENPLAY_FRAGMENT).toArray().at(-1);
            return last instanceof Y.XmlElement && (last.get(0) as Y.XmlText | undefined)?.length === text.length;
          };
          await waitUntil(() => receivers.every((r) => holds(r.doc)), "every receiver to hold the paste");
          const deliveredMs = performance.now() - started;
          await acknowledged;
          results[index]!.push({ deliveredMs, acknowledgedMs, serverCpuMs: sampleProcess(server.pid).cpuMs - before.cpuMs });
        } finally {
          writer.provider.destroy();
          for (const r of receivers) r.provider.destroy();
        }
      }
    }
  } finally {
    await server.stop();
  }
  return results;
}

const DOCUMENT_MIB = [1, 8, 24];
const QUICK_DOCUMENT_MIB = [1, 4];
const CHUNK_KIB = 2048;

interface DocumentOpen {
  /** Connect → synced on a server started afresh on the same storage (nothing cached). */
  coldMs: number;
  /** Connect → synced again while the document is loaded. */
  warmMs: number;
  encodedMiB: number;
}

/** Writes a document of about `mib` MiB through a real provider, 2 MiB pastes at a time, and waits for the acknowledgement. */
async function writeDocument(target: BenchDocument, mib: number): Promise<void> {
  const doc = new Y.Doc();
  const writer = provider(target, doc);
  try {
    await writer.synced;
    for (let written = 0; written < mib * 1024; written += CHUNK_KIB) {
      const block = new Y.XmlElement("action");
      block.insert(0, [new Y.XmlText(pasteText(Math.min(CHUNK_KIB, mib * 1024 - written)))]);
      doc.getXmlFragment(SCREENPLAY_FRAGMENT).push([block]);
      await waitFor(() => writer.provider.unsyncedChanges === 0, "a paste to be acknowledged", 120_000);
    }
  } finally {
    writer.provider.destroy();
  }
}

async function openOnce(target: BenchDocument): Promise<{ ms: number; bytes: number }> {
  const reader = await timedOpen(target);
  reader.provider.destroy();
  return { ms: reader.ms, bytes: Y.encodeStateAsUpdate(reader.doc).byteLength };
}

async function measureDocumentSizes(kind: ServerKind, sizes: number[], tmpDir: string): Promise<DocumentOpen[]> {
  const dataDir = mkdtempSync(join(tmpDir, `limits-${kind}-`));
  try {
    let server = await startBenchServer(kind, { dataDir });
    let targets: BenchDocument[];
    try {
      targets = await server.documents(sizes.length);
      for (const [index, mib] of sizes.entries()) await writeDocument(targets[index]!, mib);
      // Stock Hocuspocus stores on a 2 s debounce (and on unload): give it the time it would have.
      await new Promise((resolve) => setTimeout(resolve, 3000));
    } finally {
      await server.stop();
    }
    server = await startBenchServer(kind, { dataDir });
    try {
      const results: DocumentOpen[] = [];
      for (const target of targets) {
        const reopened = onServer(server, target);
        const cold = await openOnce(reopened);
        // A second reader while the first has just left: the document is still loaded (unload waits for the store).
        const warm = await openOnce(reopened);
        results.push({ coldMs: cold.ms, warmMs: warm.ms, encodedMiB: cold.bytes / 1024 / 1024 });
      }
      return results;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const limits: BenchSectionRunner = {
  id: "limits",
  async run(context: BenchContext): Promise<BenchSection> {
    const receivers = context.quick ? QUICK_RECEIVERS : RECEIVERS;
    const sizes = context.quick ? QUICK_PASTE_KIB : PASTE_KIB;
    const connectionRows: string[][] = [];
    const errors: string[] = [];
    for (const kind of KINDS) {
      const results = await measureConnections(kind, receivers, context);
      receivers.forEach((count, i) => {
        const runs = results[i]!;
        const pick = (key: Exclude<keyof ConnectionStep, "errors">) => runs.map((r) => r[key]);
        const delivered = Math.min(...pick("delivered"));
        connectionRows.push([
          kind,
          num(count),
          spread(pick("p50"), 1),
          spread(pick("p99"), 1),
          spread(pick("max"), 0),
          spread(pick("deliveriesPerSecond"), 0),
          Number.isFinite(delivered) ? `${num(delivered * 100, delivered < 1 ? 1 : 0)}%` : "–",
          spread(pick("serverCpuShare").map((v) => v * 100), 0),
          spread(pick("rssMb"), 0),
          spread(pick("generatorCpuShare").map((v) => v * 100), 0),
        ]);
        errors.push(...runs.flatMap((r) => r.errors.map((e) => `${kind} ${count}: ${e}`)));
      });
    }
    const pasteRows: string[][] = [];
    for (const kind of KINDS) {
      const results = await measurePastes(kind, sizes, context.runs);
      sizes.forEach((kib, i) => {
        const runs = results[i]!;
        context.log(`limits paste ${kind} ${kib} KiB: delivered ${num(median(runs.map((r) => r.deliveredMs)))} ms`);
        pasteRows.push([
          kind,
          num(kib),
          spread(runs.map((r) => r.deliveredMs), 0),
          spread(runs.map((r) => r.acknowledgedMs), 0),
          spread(runs.map((r) => r.serverCpuMs), 0),
        ]);
      });
    }
    const documentSizes = context.quick ? QUICK_DOCUMENT_MIB : DOCUMENT_MIB;
    const documentRows: string[][] = [];
    for (const kind of KINDS) {
      const runs: DocumentOpen[][] = [];
      for (let run = 0; run < context.runs; run++) runs.push(await measureDocumentSizes(kind, documentSizes, context.tmpDir));
      documentSizes.forEach((mib, i) => {
        const each = runs.map((r) => r[i]!);
        context.log(`limits document ${kind} ${mib} MiB: cold open ${num(median(each.map((r) => r.coldMs)))} ms`);
        documentRows.push([
          kind,
          num(mib),
          num(median(each.map((r) => r.encodedMiB)), 1),
          spread(each.map((r) => r.coldMs), 0),
          spread(each.map((r) => r.warmMs), 0),
        ]);
      });
    }
    const markdown = [
      `**(a) Connections on one document.** ${TYPERS} real typers (HocuspocusProvider, 5 characters a second each, a`,
      `presence update per keystroke) and N thin receivers on one document, all from one separate load process. A thin`,
      `receiver is a raw WebSocket that authenticates and then only reads frames (it reads the first client id and clock`,
      `of each update to know which keystroke arrived, and applies nothing), so the load process stays far from`,
      `saturation while the server fans every keystroke and presence update out to N sockets. Latency is keystroke →`,
      `frame read by a receiver; each step is a fresh document. The server is started with its per-document and`,
      `per-account connection limits raised out of the way. "deliveries/s" counts keystrokes reaching a receiver;`,
      `presence frames, as many again, are not counted but are sent.`,
      "",
      table(
        ["server", "receivers", "p50 ms", "p99 ms", "max ms", "deliveries/s", "delivered", "server CPU % of one core", "server RSS MB", "load process CPU %"],
        ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
        connectionRows,
      ),
      "",
      `**(b) Message size.** One writer pastes a block of random letters (one update of about that size) into a`,
      `document that ${PASTE_RECEIVERS} other real clients hold, all in the bench process; "delivered" is paste →`,
      `every receiver holds it, "acknowledged" is paste → the server has stored it (Aiuteur) and the writer's`,
      `provider has no unacknowledged change; server CPU is the server process's CPU time for the whole exchange.`,
      `Aiuteur refuses a message over MAX_MESSAGE_BYTES (4 MiB) with close code 4413.`,
      "",
      table(["server", "paste KiB", "delivered to all ms", "acknowledged ms", "server CPU ms"], ["l", "r", "r", "r", "r"], pasteRows),
      "",
      `**(c) Document size.** A script document grown to about that size by a real provider in 2 MiB pastes of`,
      `random letters (each acknowledged), the server stopped and started again on the same storage, then opened`,
      `by a fresh client: "cold" is connect → synced with nothing cached (the server loads state and log),`,
      `"warm" a second fresh client right after, while the document is still loaded. Aiuteur refuses an update`,
      `that would take a document over MAX_DOCUMENT_BYTES (32 MiB, state plus log) with close code 4414.`,
      "",
      table(["server", "document MiB", "encoded MiB", "cold open ms", "warm open ms"], ["l", "r", "r", "r", "r"], documentRows),
      ...(errors.length > 0 ? ["", `Errors seen: ${[...new Set(errors)].slice(0, 10).join("; ")}.`] : []),
    ].join("\n");
    return {
      id: "limits",
      title: "Limits: where the server degrades",
      command: "BENCH_ONLY=limits npm run bench -w @aiuteur/sync-server",
      markdown,
    };
  },
};
