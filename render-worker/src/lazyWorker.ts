/**
 * startRenderWorker, loaded on first use. The worker draws with Konva on @napi-rs/canvas and consumes BullMQ:
 * about 57 MiB of resident memory once loaded. A sync server that runs no worker (RENDER_WORKERS=none, as
 * every instance of the scaled deployment does) never loads it.
 */
import type { RenderWorker, StartRenderWorkerOptions } from "./worker.js";

export type { RenderWorker, StartRenderWorkerOptions } from "./worker.js";

export async function startRenderWorker(options: StartRenderWorkerOptions): Promise<RenderWorker> {
  const { startRenderWorker: start } = await import("./worker.js");
  return start(options);
}
