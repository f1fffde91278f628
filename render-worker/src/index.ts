/** The render worker's public entry: what the sync server needs to queue renders and run the worker in-process. */
export * from "./contract.js";
export { createServiceToken, serviceTokenSource } from "./serviceToken.js";
export { createRenderQueue, type CreateRenderQueueOptions } from "./queue/createRenderQueue.js";
export { createInProcessQueue, type InProcessQueueOptions } from "./queue/inProcessQueue.js";
export type { BullmqQueueOptions } from "./queue/bullmqQueue.js";
export { PermanentJobError, isInProcessQueue, type InProcessRenderQueue, type RetryOptions } from "./queue/types.js";
export { startRenderWorker, type StartRenderWorkerOptions, type RenderWorker } from "./lazyWorker.js";
export { probeVideo, type VideoInfo } from "./encode/probe.js";
export { createProvider, isProviderConfigured, type RenderProvider } from "./providers/index.js";
