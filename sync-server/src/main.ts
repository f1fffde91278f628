/** `npm start`: validate configuration, start the server, print where it is, stop cleanly on a signal. */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { clientDir: resolve(here, "../../client/dist") });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const server = await startServer(config, log);
  log.info("server.started", {
    url: server.url,
    storage: config.databaseUrl ? "postgresql" : "sqlite",
    dataDir: config.dataDir,
    relay: config.redisUrl ? "redis" : "none",
    renderWorkers: config.renderWorkers,
    artifactDir: config.artifactDir,
  });
  process.stdout.write(`\nAiuteur is running at ${server.url}\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("server.stopping", { signal });
    server.close().then(
      () => process.exit(0),
      (error) => {
        log.error("server.stop-failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Aiuteur could not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
