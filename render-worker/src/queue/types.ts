/**
 * How a queue hands jobs to the worker. Both queues (BullMQ and in-process) call the same handler with the
 * raw payload, so validation, retries and the "last attempt" decision behave the same in both modes.
 */
import { RENDER_ATTEMPTS, RENDER_RETRY_BASE_MS } from "@aiuteur/shared";
import type { RenderQueue } from "../contract.js";

export interface QueueJobContext {
  /** The job id (renderJobId of the payload when it was added). */
  id: string;
  /** 1 for the first run. */
  attempt: number;
  /** Attempts the job gets in all. */
  attempts: number;
  /** No retry follows if this run fails: the worker records the failure. */
  isFinalAttempt: boolean;
  /** Aborted when the consumer is closed without waiting for the job. */
  signal: AbortSignal;
}

/** Resolves when the job is done; a rejection is retried with backoff unless it is a PermanentJobError. */
export type RenderJobHandler = (payload: unknown, context: QueueJobContext) => Promise<void>;

/** A failure retrying cannot fix (an invalid payload): the job fails at once. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export interface JobConsumer {
  /**
   * Stops taking jobs. With `graceMs` the running jobs get that long to finish; after it (or at once without it)
   * they are aborted and given back: BullMQ hands them to another worker once their lock lapses.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** A job that ended failed: after its last attempt, or at once for a permanent failure. */
export interface JobFailure {
  id: string;
  payload: unknown;
  error: Error;
  /** Attempts it got. */
  attempts: number;
}

export interface ConsumeOptions {
  concurrency: number;
  /**
   * Called once the queue has let go of a failed job (it is no longer waiting, delayed or running), so
   * whatever this records ("failed" on the shot) can be retried at once: adding the id again queues it.
   */
  onFailed?: (failure: JobFailure) => void;
}

/** The in-process queue: it is its own consumer. */
export interface InProcessRenderQueue extends RenderQueue {
  readonly kind: "in-process";
  consume(handler: RenderJobHandler, options: ConsumeOptions): JobConsumer;
}

export function isInProcessQueue(queue: RenderQueue | undefined): queue is InProcessRenderQueue {
  return typeof queue === "object" && queue !== null && (queue as Partial<InProcessRenderQueue>).kind === "in-process";
}

/** Retry policy shared by both queues; tests shorten the wait. */
export interface RetryOptions {
  attempts?: number;
  /** The first retry waits this long, each following one twice as long (BullMQ's "exponential"). */
  backoffMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { attempts: RENDER_ATTEMPTS, backoffMs: RENDER_RETRY_BASE_MS };

/** The wait before the run after `failedAttempts` failures, as BullMQ computes it: base × 2^(failures−1). */
export function backoffDelay(backoffMs: number, failedAttempts: number): number {
  return Math.round(backoffMs * 2 ** Math.max(0, failedAttempts - 1));
}
