/**
 * The render worker: consumes render jobs from BullMQ (a separate process, `node dist/main.js`) or from the
 * in-process queue (inside `npm start` when there is no Redis). Either way it works like any other client:
 * documents through the sync path and files through the artifact routes, with its service identity.
 */
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { RenderLog, RenderWorkerHandle, RenderWorkerOptions } from "./contract.js";
import { serviceTokenSource } from "./serviceToken.js";
import { createServerApi } from "./sync/serverApi.js";
import { consumeBullmq } from "./queue/bullmqQueue.js";
import { isInProcessQueue, type JobConsumer, type JobFailure } from "./queue/types.js";
import { recordFinalFailure } from "./jobs/recordFailure.js";
import { runRenderJob } from "./jobs/runJob.js";

export interface StartRenderWorkerOptions extends RenderWorkerOptions {
  /** BullMQ only: defaults to RENDER_QUEUE_NAME (tests use a unique name per run). */
  queueName?: string;
  /** BullMQ only: how long a killed worker's job stays locked before another worker gets it. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Provider configuration; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface RenderWorker extends RenderWorkerHandle {
  /** Stops taking jobs; running ones get `graceMs` to finish, then are given back to the queue. */
  close(options?: { graceMs?: number }): Promise<void>;
}

const quiet: RenderLog = () => undefined;

export async function startRenderWorker(options: StartRenderWorkerOptions): Promise<RenderWorker> {
  const log = options.log ?? quiet;
  const concurrency = options.concurrency ?? 1;
  await wipeFolder(options.workDir);
  const token = serviceTokenSource(options.secret);
  const env = { api: createServerApi(options.serverUrl, token), token, log, env: options.env ?? process.env };
  const handler = (payload: unknown, context: Parameters<typeof runRenderJob>[1]) => runRenderJob(payload, context, options.workDir, env);
  const recording = new Set<Promise<void>>();
  const onFailed = (failure: JobFailure) => {
    log("error", "render job failed after its last attempt", { jobId: failure.id, error: failure.error.message, attempts: failure.attempts });
    const recorded = recordFinalFailure(failure, env).catch((error: unknown) =>
      log("warn", "the failure could not be shown on the shot", { jobId: failure.id, error: error instanceof Error ? error.message : String(error) }),
    );
    recording.add(recorded);
    void recorded.then(() => recording.delete(recorded));
  };

  let consumer: JobConsumer;
  if (options.redisUrl) {
    consumer = consumeBullmq(handler, {
      redisUrl: options.redisUrl,
      concurrency,
      onFailed,
      ...(options.queueName ? { queueName: options.queueName } : {}),
      ...(options.lockDurationMs !== undefined ? { lockDurationMs: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs !== undefined ? { stalledIntervalMs: options.stalledIntervalMs } : {}),
    });
  } else if (isInProcessQueue(options.queue)) {
    consumer = options.queue.consume(handler, { concurrency, onFailed });
  } else {
    throw new Error("startRenderWorker needs redisUrl or the in-process queue from createRenderQueue({ redisUrl: null })");
  }
  log("info", "render worker started", { mode: options.redisUrl ? "bullmq" : "in-process", concurrency, workDir: options.workDir });

  let closing: Promise<void> | null = null;
  return {
    close(closeOptions = {}) {
      closing ??= consumer
        .close(closeOptions)
        .then(() => Promise.all(recording))
        .then(() => log("info", "render worker stopped"));
      return closing;
    },
  };
}

/** Leftovers of a previous run (a killed worker's frames and encodes) are never resumed, only removed. */
async function wipeFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const entries = await readdir(folder);
  await Promise.all(entries.map((entry) => rm(join(folder, entry), { recursive: true, force: true })));
}
