/**
 * Starting a bench server as its own child process and reading its port, plus CPU/RSS sampling of any
 * process from /proc (Linux), so the figures are the server's alone and never the load generator's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

/** Clock ticks per second for /proc/<pid>/stat times; 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcessSample {
  /** User + system CPU time the process has used so far (ms). */
  cpuMs: number;
  /** Resident set size now (bytes). */
  rssBytes: number;
}

export function sampleProcess(pid: number): ProcessSample {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
  return { cpuMs: ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND, rssBytes: rssKb * 1024 };
}

export interface SpawnedServer {
  child: ChildProcess;
  port: number;
  /** Everything the process printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawns `node <args>` and waits for the line `BENCH_PORT <port>` (bench entries) or
 * "running at http://host:port" (the product's main.js) on stdout.
 */
export async function spawnServer(args: string[], env: Record<string, string>, cwd?: string): Promise<SpawnedServer> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = /BENCH_PORT (\d+)/.exec(output) ?? /running at http:\/\/[^\s:]+:(\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    port,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
