/** The queue the sync server produces into: BullMQ when Redis is configured, the in-process queue otherwise. */
import type { RenderQueue } from "../contract.js";
import { createInProcessQueue } from "./inProcessQueue.js";
import type { RetryOptions } from "./types.js";

export interface CreateRenderQueueOptions extends RetryOptions {
  redisUrl: string | null;
  /** BullMQ only: defaults to RENDER_QUEUE_NAME (tests isolate themselves with a unique name). */
  queueName?: string;
}

/** BullMQ (about 25 MiB resident once loaded) is loaded only when Redis is configured. */
export async function createRenderQueue(options: CreateRenderQueueOptions): Promise<RenderQueue> {
  const { redisUrl, queueName, ...retry } = options;
  if (!redisUrl) return createInProcessQueue(retry);
  const { createBullmqQueue } = await import("./bullmqQueue.js");
  return createBullmqQueue({ redisUrl, ...(queueName ? { queueName } : {}), ...retry });
}
