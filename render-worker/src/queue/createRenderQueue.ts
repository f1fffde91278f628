/** The queue the sync server produces into: BullMQ when Redis is configured, the in-process queue otherwise. */
import type { RenderQueue } from "../contract.js";
import { createBullmqQueue } from "./bullmqQueue.js";
import { createInProcessQueue } from "./inProcessQueue.js";
import type { RetryOptions } from "./types.js";

export interface CreateRenderQueueOptions extends RetryOptions {
  redisUrl: string | null;
  /** BullMQ only: defaults to RENDER_QUEUE_NAME (tests isolate themselves with a unique name). */
  queueName?: string;
}

export function createRenderQueue(options: CreateRenderQueueOptions): RenderQueue {
  const { redisUrl, queueName, ...retry } = options;
  return redisUrl ? createBullmqQueue({ redisUrl, ...(queueName ? { queueName } : {}), ...retry }) : createInProcessQueue(retry);
}
