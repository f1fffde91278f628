/**
 * What the sync server and the render worker agree on. The server produces jobs (its reconciler and the
 * animatic route) and, without Redis, runs the worker in its own process; with REDIS_URL the jobs go to
 * BullMQ and any number of `node render-worker/dist/main.js` processes consume them.
 */
import type { RenderJob } from "@aiuteur/shared";

export const RENDER_QUEUE_NAME = "aiuteur-render";

export interface RenderQueue {
  /** Queues the job unless one with the same renderJobId is waiting, delayed or running. */
  add(job: RenderJob): Promise<void>;
  /** Whether a job with this id is waiting, delayed or running (the reconciler re-adds lost ones). */
  has(jobId: string): Promise<boolean>;
  close(): Promise<void>;
}

export type RenderLog = (level: "debug" | "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;

export interface RenderWorkerOptions {
  /** The sync server's base URL (http://host:port): its WebSocket and REST API. */
  serverUrl: string;
  /** The deployment's JWT secret, to mint the service token. */
  secret: Uint8Array;
  /** BullMQ on this Redis when set; otherwise `queue` must be the in-process queue from createRenderQueue(null). */
  redisUrl: string | null;
  queue?: RenderQueue;
  /** A private scratch folder for frames and encodes (wiped of leftovers at start). */
  workDir: string;
  /** Jobs run at once in this process (default 1: encoding already uses every core). */
  concurrency?: number;
  log?: RenderLog;
}

export interface RenderWorkerHandle {
  close(): Promise<void>;
}
