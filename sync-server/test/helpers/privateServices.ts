/**
 * A PRIVATE PostgreSQL and a PRIVATE Redis on free ports, so outage tests can stop and restart them without
 * touching the shared instances on 5432/6379 that every other test file uses.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const PG_BIN = "/usr/lib/postgresql/15/bin";

export interface PrivateService {
  url: string;
  /** Stops the service; the port and the data stay reserved for start(). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it if running and deletes its files; safe to call twice. */
  cleanup(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** PostgreSQL refuses to run as root (and CI runs as root), so every command runs as the postgres user. */
function asPostgres(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const wantsSwitch = process.getuid?.() === 0;
  return wantsSwitch
    ? run("runuser", ["-u", "postgres", "--", join(PG_BIN, command), ...args])
    : run(join(PG_BIN, command), args);
}

export async function startPrivatePostgres(): Promise<PrivateService> {
  const root = mkdtempSync(join(tmpdir(), "aiuteur-pg-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
  }
  const dataDir = join(root, "data");
  const port = await freePort();
  await asPostgres("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync"]);
  // fsync off: the data only has to survive a server stop, not a machine crash, and tests want speed.
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
  let running = false;
  const start = async () => {
    await asPostgres("pg_ctl", ["-D", dataDir, "-o", options, "-l", join(root, "log"), "-w", "-t", "30", "start"]);
    running = true;
  };
  const stop = async () => {
    // fast: disconnects every client at once, as a database going away during editing would.
    await asPostgres("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "30", "stop"]);
    running = false;
  };
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async cleanup() {
      if (running) await stop().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export async function startPrivateRedis(): Promise<PrivateService> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const process_ = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = process_;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis did not start:\n${output}`)), 10_000);
      process_.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      process_.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis exited with ${code}:\n${output}`));
      });
    });
  };
  const stop = async () => {
    const current = child;
    child = null;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
    current.kill("SIGKILL");
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop, cleanup: stop };
}
