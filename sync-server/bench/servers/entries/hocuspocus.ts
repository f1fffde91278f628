/**
 * Peer: stock @hocuspocus/server 4 with its default configuration (debounce 2 s, maxDebounce 10 s) and the
 * official SQLite extension storing into BENCH_DATA_DIR. No authentication, no other extension.
 */
import { join } from "node:path";
import { Server } from "@hocuspocus/server";
import { SQLite } from "@hocuspocus/extension-sqlite";

const dataDir = process.env.BENCH_DATA_DIR ?? ".";
const server = new Server({
  port: 0,
  address: "127.0.0.1",
  quiet: true,
  extensions: [new SQLite({ database: join(dataDir, "hocuspocus.sqlite") })],
});
await server.listen();
process.stdout.write(`BENCH_PORT ${server.address.port}\n`);
const stop = () => void server.destroy().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
