/**
 * Bench-only entry: the real Aiuteur server (the built sync-server/dist, exactly what "aiuteur" runs) with
 * the acknowledged-update log switched off, to measure what that log costs under fan-out.
 *
 * What is off: DocumentStore.append — the INSERT of each client update into `document_updates`, which the
 * persistence extension awaits in beforeSync before an update is applied and acknowledged — resolves at once
 * without touching the database. Everything else is unchanged: authentication, permissions, limits, locks,
 * versioning, the debounced compaction that stores the whole document state (so the document is still
 * saved, but an acknowledged edit is no longer durable until that compaction runs).
 *
 * The product has no such switch on purpose; this patch lives only here.
 */
import { loadConfig, startServer, createLogger } from "../../dist/index.js";
import { DocumentStore } from "../../dist/store/documents.js";

DocumentStore.prototype.append = async function appendNothing(): Promise<void> {
  // Intentionally empty: see the file comment.
};

// No built client: the bench serves collaboration and the API only (CLIENT_DIR="" says the same).
const config = loadConfig(process.env, { clientDir: null });
const server = await startServer(config, createLogger(config.logLevel));
process.stdout.write(`BENCH_PORT ${server.port}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
