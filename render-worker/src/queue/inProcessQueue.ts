/**
 * The queue used when there is no Redis: jobs live in this process only (a restart loses them, and the
 * server's reconciler re-creates shot jobs at start-up). It keeps BullMQ's semantics the worker relies on:
 * one job per id while it is waiting, delayed or running; retries with exponential backoff; failed and
 * finished jobs are forgotten (removeOnComplete/removeOnFail), so adding the id again queues it anew.
 */
import { renderJobId, type RenderJob } from "@aiuteur/shared";
import {
  DEFAULT_RETRY,
  PermanentJobError,
  backoffDelay,
  type ConsumeOptions,
  type InProcessRenderQueue,
  type JobConsumer,
  type RenderJobHandler,
  type RetryOptions,
} from "./types.js";

interface Entry {
  id: string;
  payload: unknown;
  failures: number;
  state: "waiting" | "delayed" | "active";
  timer?: NodeJS.Timeout;
  abort?: AbortController;
  running?: Promise<void>;
}

export interface InProcessQueueOptions extends RetryOptions {
  /** Told about jobs that end failed (after their last attempt) so the owner can log them. */
  onFailed?: (id: string, error: Error) => void;
}

export function createInProcessQueue(options: InProcessQueueOptions = {}): InProcessRenderQueue {
  const attempts = options.attempts ?? DEFAULT_RETRY.attempts;
  const backoffMs = options.backoffMs ?? DEFAULT_RETRY.backoffMs;
  const entries = new Map<string, Entry>();
  const waiting: Entry[] = [];
  let handler: RenderJobHandler | null = null;
  let consumerOnFailed: ConsumeOptions["onFailed"];
  let concurrency = 1;
  let active = 0;
  let closed = false;
  let givingBack = false;

  function pump(): void {
    while (handler && !closed && active < concurrency && waiting.length > 0) {
      run(waiting.shift()!, handler);
    }
  }

  function run(entry: Entry, handle: RenderJobHandler): void {
    active += 1;
    entry.state = "active";
    entry.abort = new AbortController();
    const attempt = entry.failures + 1;
    const context = { id: entry.id, attempt, attempts, isFinalAttempt: attempt >= attempts, signal: entry.abort.signal };
    entry.running = (async () => {
      try {
        await handle(entry.payload, context);
        entries.delete(entry.id);
      } catch (cause) {
        const error = cause instanceof Error ? cause : new Error(String(cause));
        if (givingBack && !closed) {
          // The consumer stopped under it: the job goes back unharmed, as a stalled BullMQ job does.
          entry.state = "waiting";
          waiting.unshift(entry);
          return;
        }
        entry.failures += 1;
        if (closed || error instanceof PermanentJobError || entry.failures >= attempts) {
          entries.delete(entry.id);
          if (!closed) {
            options.onFailed?.(entry.id, error);
            consumerOnFailed?.({ id: entry.id, payload: entry.payload, error, attempts: entry.failures });
          }
        } else {
          entry.state = "delayed";
          entry.timer = setTimeout(() => {
            entry.timer = undefined;
            entry.state = "waiting";
            waiting.push(entry);
            pump();
          }, backoffDelay(backoffMs, entry.failures));
        }
      } finally {
        active -= 1;
        entry.abort = undefined;
        entry.running = undefined;
        pump();
      }
    })();
  }

  function stop(): void {
    closed = true;
    for (const entry of entries.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.abort?.abort(new Error("the render queue was closed"));
    }
  }

  async function settleRunning(graceMs: number): Promise<void> {
    const running = [...entries.values()].flatMap((entry) => (entry.running ? [entry.running] : []));
    if (running.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled(running), grace]);
    clearTimeout(timer);
  }

  return {
    kind: "in-process",
    async add(job: RenderJob): Promise<void> {
      if (closed) throw new Error("the render queue is closed");
      const id = renderJobId(job);
      if (entries.has(id)) return;
      const entry: Entry = { id, payload: job, failures: 0, state: "waiting" };
      entries.set(id, entry);
      waiting.push(entry);
      pump();
    },
    async has(jobId: string): Promise<boolean> {
      return entries.has(jobId);
    },
    consume(handle: RenderJobHandler, consumeOptions: ConsumeOptions): JobConsumer {
      if (handler) throw new Error("the in-process render queue already has a consumer");
      handler = handle;
      consumerOnFailed = consumeOptions.onFailed;
      givingBack = false;
      concurrency = Math.max(1, Math.floor(consumeOptions.concurrency));
      queueMicrotask(pump);
      return {
        async close({ graceMs = 0 } = {}) {
          handler = null;
          await settleRunning(graceMs);
          givingBack = true;
          for (const entry of entries.values()) entry.abort?.abort(new Error("the render worker stopped"));
          await Promise.allSettled([...entries.values()].flatMap((entry) => (entry.running ? [entry.running] : [])));
        },
      };
    },
    async close(): Promise<void> {
      stop();
      await Promise.allSettled([...entries.values()].flatMap((entry) => (entry.running ? [entry.running] : [])));
      entries.clear();
      waiting.length = 0;
    },
  };
}
