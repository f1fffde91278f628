/**
 * Cold open: a script document built from a quarter of a million real edits (the automerge-paper trace
 * typed into one action block, one transaction per edit), stored through the server, the server restarted
 * so nothing is cached, then opened by a fresh client. Aiuteur and stock Hocuspocus + SQLite.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import { waitFor } from "../test/helpers/collab.js";
import { loadSequentialTrace, sequentialPatches } from "../test/helpers/traces.js";
import { timedOpen } from "./load/clients.js";
import { median } from "./load/stats.js";
import { num, ratio, spread, table } from "./report.js";
import { onServer, startBenchServer, type BenchDocument, type ServerKind } from "./servers/index.js";
import type { BenchContext, BenchSection, BenchSectionRunner } from "./section.js";

const KINDS: ServerKind[] = ["aiuteur", "hocuspocus"];
const QUICK_EDITS = 20_000;

/** The trace typed into one action block of a script, as the editor holds it. */
function buildScript(limit: number | null): { update: Uint8Array; edits: number } {
  const trace = loadSequentialTrace("automerge-paper");
  const doc = new Y.Doc();
  const block = new Y.XmlElement("action");
  const text = new Y.XmlText();
  block.insert(0, [text]);
  doc.getXmlFragment(SCREENPLAY_FRAGMENT).insert(0, [block]);
  let edits = 0;
  for (const [position, deleteCount, insert] of sequentialPatches(trace)) {
    if (limit !== null && edits >= limit) break;
    doc.transact(() => {
      if (deleteCount > 0) text.delete(position, deleteCount);
      if (insert !== "") text.insert(position, insert);
    });
    edits += 1;
  }
  if (limit === null && text.toString() !== trace.endContent) throw new Error("the replayed script does not match the trace's endContent");
  return { update: Y.encodeStateAsUpdate(doc), edits };
}

interface ColdOpen {
  syncMs: number;
  smallSyncMs: number;
  encodedBytes: number;
}

async function coldOpenOnce(kind: ServerKind, update: Uint8Array, log: (m: string) => void): Promise<ColdOpen> {
  const dataDir = mkdtempSync(join(tmpdir(), `aiuteur-cold-${kind}-`));
  try {
    let server = await startBenchServer(kind, { dataDir });
    let big: BenchDocument;
    let small: BenchDocument;
    try {
      [big, small] = (await server.documents(2)) as [BenchDocument, BenchDocument];
      const writer = await timedOpen(big);
      Y.applyUpdate(writer.doc, update);
      await waitFor(() => writer.provider.unsyncedChanges === 0, "the big update to be acknowledged", 60_000);
      const other = await timedOpen(small);
      other.doc.getXmlFragment(SCREENPLAY_FRAGMENT).insert(0, [new Y.XmlElement("action")]);
      await waitFor(() => other.provider.unsyncedChanges === 0, "the small update to be acknowledged", 60_000);
      writer.provider.destroy();
      other.provider.destroy();
      // Stock Hocuspocus stores on a 2 s debounce (and on destroy); give it the time it would have.
      await new Promise((resolve) => setTimeout(resolve, 2500));
    } finally {
      await server.stop();
    }
    log(`cold-open: ${kind} restarted with nothing cached`);
    server = await startBenchServer(kind, { dataDir });
    try {
      const smallOpen = await timedOpen(onServer(server, small));
      smallOpen.provider.destroy();
      const bigOpen = await timedOpen(onServer(server, big));
      const encodedBytes = Y.encodeStateAsUpdate(bigOpen.doc).byteLength;
      bigOpen.provider.destroy();
      if (encodedBytes < update.byteLength * 0.9) throw new Error(`${kind}: the reopened document lacks content (${encodedBytes} bytes)`);
      return { syncMs: bigOpen.ms, smallSyncMs: smallOpen.ms, encodedBytes };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const coldOpen: BenchSectionRunner = {
  id: "cold-open",
  async run(context: BenchContext): Promise<BenchSection> {
    const built = performance.now();
    const { update, edits } = buildScript(context.quick ? QUICK_EDITS : null);
    const buildMs = performance.now() - built;
    const results = new Map<ServerKind, ColdOpen[]>();
    for (const kind of KINDS) {
      const runs: ColdOpen[] = [];
      for (let run = 0; run < context.runs; run++) runs.push(await coldOpenOnce(kind, update, context.log));
      results.set(kind, runs);
    }
    const ours = results.get("aiuteur")!;
    const rows = KINDS.map((kind) => {
      const runs = results.get(kind)!;
      const sync = runs.map((r) => r.syncMs);
      const load = runs.map((r) => r.syncMs - r.smallSyncMs);
      return [
        kind,
        spread(sync, 0),
        spread(runs.map((r) => r.smallSyncMs), 0),
        spread(load, 0),
        num(median(runs.map((r) => r.encodedBytes)) / 1024, 0),
        kind === "aiuteur" ? "—" : ratio(median(ours.map((r) => r.syncMs)), median(sync)),
      ];
    });
    const markdown = [
      `The automerge-paper trace (${num(edits)} edits, one transaction each) typed into one action block of a`,
      `script document takes ${num(buildMs / 1000, 1)} s to build here and encodes to ${num(update.byteLength / 1024, 0)} KiB.`,
      `It is sent to the server by a real provider and acknowledged; the server is stopped and started again on`,
      `the same storage (SQLite), so nothing is cached, and a fresh client opens it. "first full sync" is connect`,
      `→ provider synced; "server-side load" is that minus the first sync of a one-block document opened just`,
      `before on the same cold server (measured from outside: neither server reports its load time).`,
      "",
      table(
        ["server", "first full sync ms", "small document ms", "server-side load ms", "encoded KiB", "aiuteur ÷ this"],
        ["l", "r", "r", "r", "r", "l"],
        rows,
      ),
    ].join("\n");
    return {
      id: "cold-open",
      title: "Cold open: a document built from a quarter of a million real edits",
      command: "BENCH_ONLY=cold-open npm run bench -w @aiuteur/sync-server",
      markdown,
    };
  },
};
