/**
 * The Redis-backed queue (BullMQ): jobs survive a server or worker restart and any number of worker
 * processes share them. A worker killed mid-job holds a lock that lapses after `lockDurationMs`; BullMQ's
 * stalled check then hands the job to another worker.
 */
import { Queue, UnrecoverableError, Worker } from "bullmq";
import { renderJobId, type RenderJob } from "@aiuteur/shared";
import { RENDER_QUEUE_NAME, type RenderQueue } from "../contract.js";
import { DEFAULT_RETRY, PermanentJobError, type JobConsumer, type JobFailure, type RenderJobHandler, type RetryOptions } from "./types.js";

/** States in which a job still runs later (BullMQ's names). */
const PENDING_STATES = new Set(["waiting", "delayed", "active", "prioritized", "waiting-children"]);

export interface BullmqQueueOptions extends RetryOptions {
  redisUrl: string;
  /** Defaults to RENDER_QUEUE_NAME; tests use a unique name per run. */
  queueName?: string;
}

export function createBullmqQueue(options: BullmqQueueOptions): RenderQueue {
  const attempts = options.attempts ?? DEFAULT_RETRY.attempts;
  const backoffMs = options.backoffMs ?? DEFAULT_RETRY.backoffMs;
  const queue = new Queue(options.queueName ?? RENDER_QUEUE_NAME, { connection: { url: options.redisUrl } });
  return {
    async add(job: RenderJob): Promise<void> {
      // A job id that exists (waiting, delayed or active) makes add a no-op: that is the dedup. Finished and
      // failed jobs are removed, so a later add of the same id queues it again (the retry route, the reconciler).
      await queue.add(job.type, job, {
        jobId: renderJobId(job),
        attempts,
        backoff: { type: "exponential", delay: backoffMs },
        removeOnComplete: true,
        removeOnFail: true,
      });
    },
    async has(jobId: string): Promise<boolean> {
      const job = await queue.getJob(jobId);
      if (!job) return false;
      return PENDING_STATES.has(await job.getState());
    },
    async close(): Promise<void> {
      await queue.close();
    },
  };
}

export interface BullmqConsumerOptions {
  redisUrl: string;
  queueName?: string;
  concurrency: number;
  /** How long a job's lock lasts without renewal (a killed worker's job is handed on after it). */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for. */
  stalledIntervalMs?: number;
  onFailed?: (failure: JobFailure) => void;
}

export function consumeBullmq(handler: RenderJobHandler, options: BullmqConsumerOptions): JobConsumer {
  const running = new Set<AbortController>();
  const settled = new Set<Promise<unknown>>();
  /** Final failures seen by the processor, reported once BullMQ has moved (and removed) the job. */
  const finalFailures = new Map<string, JobFailure>();
  const worker = new Worker(
    options.queueName ?? RENDER_QUEUE_NAME,
    async (job) => {
      const abort = new AbortController();
      running.add(abort);
      const attempts = job.opts.attempts ?? 1;
      const attempt = job.attemptsMade + 1;
      const run = handler(job.data, { id: job.id ?? "", attempt, attempts, isFinalAttempt: attempt >= attempts, signal: abort.signal });
      const done = run.catch(() => undefined);
      settled.add(done);
      void done.then(() => settled.delete(done));
      try {
        await run;
      } catch (cause) {
        const error = cause instanceof Error ? cause : new Error(String(cause));
        const permanent = error instanceof PermanentJobError;
        // Decided here, where the attempt and a give-back (abort) are known; reported from the "failed"
        // event, which comes after BullMQ let go of the job.
        if ((permanent || attempt >= attempts) && !abort.signal.aborted) {
          finalFailures.set(job.id ?? "", { id: job.id ?? "", payload: job.data, error, attempts: attempt });
        }
        if (permanent) throw new UnrecoverableError(error.message);
        throw error;
      } finally {
        running.delete(abort);
      }
    },
    {
      connection: { url: options.redisUrl, maxRetriesPerRequest: null },
      concurrency: Math.max(1, Math.floor(options.concurrency)),
      ...(options.lockDurationMs !== undefined ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
      removeOnComplete: { count: 0 },
      removeOnFail: { count: 0 },
    },
  );
  worker.on("failed", (job) => {
    const failure = finalFailures.get(job?.id ?? "");
    if (!failure) return;
    finalFailures.delete(failure.id);
    options.onFailed?.(failure);
  });
  // Without a listener an "error" event (Redis gone for a moment) would crash the process; BullMQ reconnects.
  worker.on("error", () => undefined);
  return {
    async close({ graceMs = 0 } = {}) {
      // Stop fetching first: worker.close() would wait for running jobs without a limit (and a later
      // close(true) only returns that same wait), so the grace period is kept here.
      await worker.pause(true);
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), graceMs)));
      const outcome = settled.size === 0 ? "done" : await Promise.race([Promise.all(settled).then(() => "done" as const), grace]);
      clearTimeout(timer);
      if (outcome === "done") {
        await worker.close();
        return;
      }
      // Give the job back rather than fail it: close without reporting its outcome, so its lock lapses and
      // the stalled check hands it to another worker; then abort it only to stop ffmpeg in this process.
      await worker.close(true);
      for (const abort of running) abort.abort(new Error("the render worker stopped"));
    },
  };
}
