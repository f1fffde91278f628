/**
 * `node render-worker/dist/main.js`: a render worker process consuming the BullMQ queue. Run any number of
 * them next to the sync server; each needs the same JWT_SECRET as the server (to mint its service token)
 * and its own RENDER_WORK_DIR (wiped at start).
 *
 *   REDIS_URL           required  redis://host:6379
 *   SERVER_URL          required  the sync server's base URL, e.g. http://sync-server:3000
 *   JWT_SECRET          required  the server's secret (32+ characters)
 *   RENDER_WORK_DIR     optional  scratch folder (default <os tmp>/aiuteur-render-<pid>)
 *   RENDER_CONCURRENCY  optional  jobs at once (default 1: one encode already uses every core)
 *
 * SIGTERM/SIGINT: stop taking jobs and let the running one finish for up to 30 s; after that it is given
 * back (its lock lapses and another worker picks it up). A second signal exits at once.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { RenderLog } from "./contract.js";
import { startRenderWorker } from "./worker.js";

const SHUTDOWN_GRACE_MS = 30_000;

export interface WorkerProcessConfig {
  redisUrl: string;
  serverUrl: string;
  secret: Uint8Array;
  workDir: string;
  concurrency: number;
}

/** The configuration, or every problem with the environment at once (so one fix-and-retry is enough). */
export function readWorkerConfig(env: NodeJS.ProcessEnv): WorkerProcessConfig | { problems: string[] } {
  const problems: string[] = [];
  const redisUrl = env.REDIS_URL?.trim() ?? "";
  if (!redisUrl) problems.push("REDIS_URL is required (redis://host:6379): the worker process consumes the BullMQ queue");
  else if (!/^rediss?:\/\//.test(redisUrl)) problems.push("REDIS_URL must start with redis:// or rediss://");
  const serverUrl = env.SERVER_URL?.trim() ?? "";
  if (!serverUrl) problems.push("SERVER_URL is required: the sync server's base URL, e.g. http://sync-server:3000");
  else if (!/^https?:\/\/[^/]+/.test(serverUrl)) problems.push("SERVER_URL must be an http:// or https:// URL");
  const secret = env.JWT_SECRET ?? "";
  if (!secret) problems.push("JWT_SECRET is required: the sync server's secret, to mint the worker's service token");
  else if (secret.length < 32) problems.push("JWT_SECRET must be at least 32 characters long");
  const concurrencyText = env.RENDER_CONCURRENCY?.trim() || "1";
  const concurrency = Number(concurrencyText);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) problems.push("RENDER_CONCURRENCY must be a whole number from 1 to 64");
  if (problems.length > 0) return { problems };
  return {
    redisUrl,
    serverUrl: serverUrl.replace(/\/+$/, ""),
    secret: new TextEncoder().encode(secret),
    workDir: env.RENDER_WORK_DIR?.trim() || join(tmpdir(), `aiuteur-render-${process.pid}`),
    concurrency,
  };
}

/** One JSON line per event on stdout, like the sync server's logger. */
const log: RenderLog = (level, message, fields = {}) => {
  const line = JSON.stringify({ time: new Date().toISOString(), level, service: "render-worker", message, ...fields });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  const config = readWorkerConfig(process.env);
  if ("problems" in config) {
    process.stderr.write(`render-worker cannot start:\n${config.problems.map((problem) => `  - ${problem}`).join("\n")}\n`);
    process.exit(1);
  }
  const worker = await startRenderWorker({ ...config, log });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log("warn", "second signal: exiting now", { signal });
      process.exit(1);
    }
    stopping = true;
    log("info", "stopping: finishing the current job", { signal, graceMs: SHUTDOWN_GRACE_MS });
    worker.close({ graceMs: SHUTDOWN_GRACE_MS }).then(
      () => process.exit(0),
      (error: unknown) => {
        log("error", "stopping failed", { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    log("error", "render-worker crashed", { error: error instanceof Error ? error.stack ?? error.message : String(error) });
    process.exit(1);
  });
}
