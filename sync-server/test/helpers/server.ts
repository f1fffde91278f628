/** A real Aiuteur server on port 0 in this process, over real SQLite or PostgreSQL. */
import type { RenderQueue } from "@aiuteur/render-worker";
import { startServer, type RunningServer } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { RecordingQueue } from "./render.js";
import { createStorage, type Dialect, type TestStorage } from "./storage.js";

export interface TestServer extends RunningServer {
  storage: TestStorage;
  stop(): Promise<void>;
}

export async function startTestServer(
  dialect: Dialect,
  options: { storage?: TestStorage; redisUrl?: string; env?: Record<string, string>; renderQueue?: RenderQueue } = {},
): Promise<TestServer> {
  const storage = options.storage ?? (await createStorage(dialect));
  const config = loadConfig(
    {
      PORT: "0",
      DATA_DIR: storage.dataDir,
      DATABASE_URL: storage.databaseUrl ?? "",
      REDIS_URL: options.redisUrl ?? "",
      JWT_SECRET: "test-secret-test-secret-test-secret-0123",
      COMPACTION_DELAY_MS: "50",
      // No render worker unless a test asks for one (RENDER_WORKERS: "inline"): others must not start encoders.
      RENDER_WORKERS: "none",
      ...options.env,
    },
    { clientDir: null },
  );
  // A test that says nothing about rendering gets a queue that only records: the jobs its locks produce must
  // not land in the shared Redis, where another test file's worker would pick them up.
  const renderQueue = options.renderQueue ?? (options.env?.RENDER_WORKERS === undefined ? new RecordingQueue() : undefined);
  const server = await startServer(config, createLogger("error"), renderQueue ? { renderQueue } : {});
  return Object.assign(server, {
    storage,
    async stop() {
      await server.close();
      if (!options.storage) await storage.cleanup();
    },
  });
}
