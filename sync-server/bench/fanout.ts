/**
 * Section "fanout": one document, 10 / 50 / 200 real clients, 1 to 20 of them typing 5 characters per second
 * with a presence update per keystroke; "edit made on A → visible on B" latency, server CPU per delivered
 * update and server RSS, for Aiuteur and its peers under the same load.
 */
import { measureLoad, type MeasuredLoad } from "./load/index.js";
import { median } from "./load/stats.js";
import { num, ratio, spread, table } from "./report.js";
import type { BenchContext, BenchSection, BenchSectionRunner } from "./section.js";
import { startBenchServer, type ServerKind } from "./servers/index.js";

export interface FanoutCase {
  clients: number;
  typers: number;
}

/** One measured window, reduced to the figures the tables show. */
export interface FanoutFigures {
  p50: number;
  p99: number;
  max: number;
  deliveriesPerSecond: number;
  /** Share of expected deliveries that arrived (1 = every keystroke reached every other client). */
  delivered: number;
  cpuMsPerUpdate: number;
  rssMb: number;
  /** Load generator CPU as a share of one core during the window. */
  generatorCpu: number;
  errors: string[];
}

// Chosen to keep the full section near 12 minutes at BENCH_RUNS=3 (4 servers × 3 runs × 6 windows of
// about 11 s with set-up) while covering each client count: an idle room, the headline 50 × 5, the busiest
// room (20 typers) and the 200-client fan-out.
const FULL_CASES: FanoutCase[] = [
  { clients: 10, typers: 1 },
  { clients: 50, typers: 1 },
  { clients: 50, typers: 5 },
  { clients: 50, typers: 20 },
  { clients: 200, typers: 1 },
  { clients: 200, typers: 20 },
];
const QUICK_CASES: FanoutCase[] = [
  { clients: 10, typers: 1 },
  { clients: 50, typers: 5 },
];
const PEERS: ServerKind[] = ["hocuspocus", "y-websocket", "socketio"];
const KINDS: ServerKind[] = ["aiuteur", ...PEERS];

export function fanoutTiming(context: BenchContext): { warmupMs: number; windowMs: number } {
  return context.quick ? { warmupMs: 500, windowMs: 2000 } : { warmupMs: 1000, windowMs: 8000 };
}

function figures(measured: MeasuredLoad): FanoutFigures {
  const { load } = measured;
  return {
    p50: load.latencyMs.p50,
    p99: load.latencyMs.p99,
    max: load.latencyMs.max,
    deliveriesPerSecond: (load.deliveries * 1000) / load.windowMs,
    delivered: load.expectedDeliveries > 0 ? load.deliveries / load.expectedDeliveries : Number.NaN,
    cpuMsPerUpdate: load.deliveries > 0 ? measured.serverCpuMs / load.deliveries : Number.NaN,
    rssMb: measured.serverRssBytes / 1024 / 1024,
    generatorCpu: measured.generatorCpuMs / load.windowMs,
    errors: load.errors,
  };
}

function failedWindow(error: string): FanoutFigures {
  const none = Number.NaN;
  return { p50: none, p99: none, max: none, deliveriesPerSecond: none, delivered: none, cpuMsPerUpdate: none, rssMb: none, generatorCpu: none, errors: [error] };
}

/**
 * Measures `cases` on one server of `kind` (started once; every window gets a fresh document), `runs` times
 * each. Returns the figures per case, in the order of `cases`.
 */
export async function measureFanout(
  kind: ServerKind,
  cases: FanoutCase[],
  context: BenchContext,
): Promise<FanoutFigures[][]> {
  const timing = fanoutTiming(context);
  const server = await startBenchServer(kind);
  const results: FanoutFigures[][] = cases.map(() => []);
  try {
    for (let run = 0; run < context.runs; run++) {
      for (const [index, fanoutCase] of cases.entries()) {
        let result: FanoutFigures;
        try {
          const measured = await measureLoad(server.pid, {
            documents: await server.documents(1),
            clientsPerDocument: fanoutCase.clients,
            typersPerDocument: fanoutCase.typers,
            ...timing,
          });
          result = figures(measured);
        } catch (error) {
          // One failed window must not lose every other figure: it shows as "–" and its error is listed.
          const message = error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : String(error);
          result = failedWindow(`${fanoutCase.clients}c×${fanoutCase.typers}t: ${message}`);
        }
        results[index]!.push(result);
        context.log(
          `fanout ${kind} ${fanoutCase.clients}c×${fanoutCase.typers}t run ${run + 1}: p50 ${num(result.p50, 1)} ms, ` +
            `p99 ${num(result.p99, 1)} ms, ${num(result.delivered * 100, 1)}% delivered, ` +
            `${num(result.cpuMsPerUpdate, 3)} CPU ms/update, generator ${num(result.generatorCpu * 100)}%` +
            (result.errors.length > 0 ? `, errors: ${result.errors.join("; ")}` : ""),
        );
      }
    }
  } finally {
    await server.stop();
  }
  return results;
}

/** The row cells for one server in one case, with Aiuteur's ratios to it when it is a peer. */
export function fanoutRow(kind: ServerKind, runs: FanoutFigures[], ours: FanoutFigures[] | null): string[] {
  const pick = (key: keyof Omit<FanoutFigures, "errors">) => runs.map((r) => r[key]);
  const delivered = Math.min(...pick("delivered").filter((v) => Number.isFinite(v)));
  const cells = [
    kind,
    spread(pick("p50"), 1),
    spread(pick("p99"), 1),
    spread(pick("max"), 0),
    spread(pick("deliveriesPerSecond"), 0),
    Number.isFinite(delivered) ? `${num(delivered * 100, delivered < 1 ? 1 : 0)}%` : "–",
    spread(pick("cpuMsPerUpdate"), 3),
    spread(pick("rssMb"), 0),
    spread(pick("generatorCpu").map((v) => v * 100), 0),
  ];
  if (ours === null) return [...cells, "—"];
  const m = (list: FanoutFigures[], key: "p50" | "p99" | "cpuMsPerUpdate") => median(list.map((r) => r[key]));
  return [
    ...cells,
    `${ratio(m(ours, "p50"), m(runs, "p50"))} / ${ratio(m(ours, "p99"), m(runs, "p99"))} / ${ratio(m(ours, "cpuMsPerUpdate"), m(runs, "cpuMsPerUpdate"))}`,
  ];
}

export const FANOUT_HEADER = [
  "server",
  "p50 ms",
  "p99 ms",
  "max ms",
  "deliveries/s",
  "delivered",
  "server CPU ms / delivered update",
  "server RSS MB",
  "load generator CPU %",
  "aiuteur ÷ this: p50 / p99 / CPU",
];
export const FANOUT_ALIGN: Array<"l" | "r"> = ["l", "r", "r", "r", "r", "r", "r", "r", "r", "l"];

export const fanout: BenchSectionRunner = {
  id: "fanout",
  async run(context: BenchContext): Promise<BenchSection> {
    const cases = context.quick ? QUICK_CASES : FULL_CASES;
    const byKind = new Map<ServerKind, FanoutFigures[][]>();
    for (const kind of KINDS) byKind.set(kind, await measureFanout(kind, cases, context));
    const timing = fanoutTiming(context);

    const parts: string[] = [
      `One document; N real clients in one separate load process on 127.0.0.1 (HocuspocusProvider for Aiuteur and ` +
        `Hocuspocus, y-websocket's WebsocketProvider for y-websocket, a socket.io client applying Y updates for the ` +
        `relay). The first T clients each type 5 characters per second into their own "action" block of the ` +
        `screenplay fragment, each keystroke followed by a presence (awareness) update. Latency is "keystroke made ` +
        `on A → character present in B's Y.Doc", over every (keystroke, other client) pair whose keystroke fell in ` +
        `the ${num(timing.windowMs / 1000)} s window (after ${num(timing.warmupMs / 1000, 1)} s of warm-up); each ` +
        `window uses a fresh document. Server CPU and RSS are sampled from /proc for the server process alone over ` +
        `the window; "CPU ms / delivered update" is server CPU time divided by deliveries (a keystroke reaching one ` +
        `client). "delivered" is the worst run's share of expected deliveries. Ratios compare medians: below ×1 ` +
        `means Aiuteur is faster or cheaper than that peer.`,
      "",
      `Servers: aiuteur = the product (dist/main.js, SQLite, every update appended to the acknowledged-update log ` +
        `before it is applied and acknowledged, authentication and permissions on); hocuspocus = stock ` +
        `@hocuspocus/server 4 with its default configuration and @hocuspocus/extension-sqlite; y-websocket = the ` +
        `y-websocket 1.x reference server utilities (no persistence, as its bin/server.js runs by default); ` +
        `socketio = a socket.io room relay with no CRDT (the transport floor).`,
    ];
    for (const clients of [...new Set(cases.map((c) => c.clients))]) {
      parts.push("", `#### ${clients} clients`, "");
      const rows: string[][] = [];
      for (const [index, fanoutCase] of cases.entries()) {
        if (fanoutCase.clients !== clients) continue;
        const ours = byKind.get("aiuteur")![index]!;
        for (const kind of KINDS) {
          const row = fanoutRow(kind, byKind.get(kind)![index]!, kind === "aiuteur" ? null : ours);
          rows.push([String(fanoutCase.typers), ...row]);
        }
      }
      parts.push(table(["typers", ...FANOUT_HEADER], ["r", ...FANOUT_ALIGN], rows));
    }
    if (cases.some((c) => c.clients >= 200)) {
      parts.push(
        "",
        `At 200 clients the load generator (one Node process holding 200 Y.Docs and sockets) saturates a core of ` +
          `this 2-core machine (see its CPU column), so latency there is mostly the generator's own queueing, ` +
          `not the server's; the server's CPU per delivered update and its RSS remain its own. The client libraries ` +
          `differ in what they cost the generator (y-websocket's and the socket.io clients' go past a full core ` +
          `at 200 × 20), so the latency ratios at 200 clients compare load generators more than servers. The ` +
          `50-client tables are the ones where latency is the server's.`,
      );
    }
    const errors = [...byKind.entries()].flatMap(([kind, list]) =>
      list.flat().flatMap((f) => f.errors.map((e) => `${kind}: ${e}`)),
    );
    if (errors.length > 0) parts.push("", `Client errors seen: ${[...new Set(errors)].slice(0, 10).join("; ")}.`);
    return {
      id: "fanout",
      title: "Fan-out latency: one document, 10 / 50 / 200 clients",
      command: "BENCH_ONLY=fanout npm run bench -w @aiuteur/sync-server",
      markdown: parts.join("\n"),
    };
  },
};
