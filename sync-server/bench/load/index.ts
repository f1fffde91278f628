/**
 * Runs a load plan in a separate process (the generator) and, optionally, samples a server process while it
 * runs, so the server's CPU and memory are its own and the generator's cost stays out of them.
 *
 * Usage:
 *   const measured = await measureLoad(server.pid, {
 *     documents: await server.documents(1), clientsPerDocument: 50, typersPerDocument: 5,
 *     warmupMs: 2000, windowMs: 8000,
 *   });
 *   measured.load.latencyMs.p99; measured.serverCpuMs; measured.serverRssBytes;
 * runLoad(plan, hooks) is the same without sampling, with callbacks at ready / window start / window end
 * (e.g. to start an attack while latency is being measured).
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { sampleProcess, type ProcessSample } from "../servers/index.js";
import type { LoadEvent, LoadPlan, LoadResult } from "./plan.js";

export type { LoadPlan, LoadResult, LatencySummary } from "./plan.js";

const GENERATOR = fileURLToPath(new URL("./generator.ts", import.meta.url));
const THIN_GENERATOR = fileURLToPath(new URL("./thinGenerator.ts", import.meta.url));
const SYNC_SERVER_DIR = fileURLToPath(new URL("../..", import.meta.url));

export interface LoadHooks {
  /** Every client is connected and sees every typer's block; typing starts now. */
  onReady?(connected: number): void;
  onWindowStart?(generatorPid: number): void;
  onWindowEnd?(generatorPid: number): void;
}

export async function runLoad(plan: LoadPlan, hooks: LoadHooks = {}): Promise<LoadResult> {
  const child = spawn(process.execPath, ["--import", "tsx", plan.thinReceivers ? THIN_GENERATOR : GENERATOR], {
    cwd: SYNC_SERVER_DIR,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));
  child.stdin.end(JSON.stringify(plan));
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // A generous bound: connecting, setup, warm-up, window and drain, plus time for a saturated machine.
  const timeoutMs = 120_000 + plan.warmupMs + plan.windowMs + (plan.drainMs ?? 3000);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  let result: LoadResult | null = null;
  let failure: string | null = null;
  try {
    for await (const line of lines) {
      if (!line.startsWith("{")) continue;
      const event = JSON.parse(line) as LoadEvent;
      if (event.type === "ready") hooks.onReady?.(event.connected);
      else if (event.type === "window-start") hooks.onWindowStart?.(child.pid!);
      else if (event.type === "window-end") hooks.onWindowEnd?.(child.pid!);
      else if (event.type === "result") result = event.result;
      else failure = event.message;
    }
    const code = await exited;
    if (!result) throw new Error(`load generator failed (exit ${code}): ${failure ?? ""}\n${stderr}`);
    return result;
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

export interface MeasuredLoad {
  load: LoadResult;
  /** CPU time the server process used during the window (ms). */
  serverCpuMs: number;
  /** Largest server RSS seen during the window (bytes). */
  serverRssBytes: number;
  /** CPU time the load generator used during the window (ms): near 1000 per second means it was saturated. */
  generatorCpuMs: number;
}

/** runLoad, sampling the server (and the generator) from window start to window end. */
export async function measureLoad(serverPid: number, plan: LoadPlan, hooks: LoadHooks = {}): Promise<MeasuredLoad> {
  let serverStart: ProcessSample | null = null;
  let serverEnd: ProcessSample | null = null;
  let generatorStart: ProcessSample | null = null;
  let generatorEnd: ProcessSample | null = null;
  let peakRss = 0;
  let poller: NodeJS.Timeout | null = null;
  const load = await runLoad(plan, {
    ...hooks,
    onWindowStart(generatorPid) {
      serverStart = sampleProcess(serverPid);
      generatorStart = sampleProcess(generatorPid);
      peakRss = serverStart.rssBytes;
      poller = setInterval(() => (peakRss = Math.max(peakRss, sampleProcess(serverPid).rssBytes)), 250);
      hooks.onWindowStart?.(generatorPid);
    },
    onWindowEnd(generatorPid) {
      if (poller) clearInterval(poller);
      serverEnd = sampleProcess(serverPid);
      generatorEnd = sampleProcess(generatorPid);
      peakRss = Math.max(peakRss, serverEnd.rssBytes);
      hooks.onWindowEnd?.(generatorPid);
    },
  });
  if (poller) clearInterval(poller);
  const cpu = (from: ProcessSample | null, to: ProcessSample | null) => (from && to ? to.cpuMs - from.cpuMs : Number.NaN);
  return {
    load,
    serverCpuMs: cpu(serverStart, serverEnd),
    serverRssBytes: peakRss,
    generatorCpuMs: cpu(generatorStart, generatorEnd),
  };
}
