/** A real Aiuteur server on port 0 in this process, over real SQLite or PostgreSQL. */
import { startServer, type RunningServer } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createStorage, type Dialect, type TestStorage } from "./storage.js";

export interface TestServer extends RunningServer {
  storage: TestStorage;
  stop(): Promise<void>;
}

export async function startTestServer(
  dialect: Dialect,
  options: { storage?: TestStorage; redisUrl?: string; env?: Record<string, string> } = {},
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
      ...options.env,
    },
    { clientDir: null },
  );
  const server = await startServer(config, createLogger("error"));
  return Object.assign(server, {
    storage,
    async stop() {
      await server.close();
      if (!options.storage) await storage.cleanup();
    },
  });
}
