/**
 * Peer: the y-websocket 1.x reference server utilities (`setupWSConnection` from y-websocket/bin/utils) on a
 * ws server, wired as its bin/server.js does; no persistence (YPERSISTENCE unset), as that script runs by default.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { WebSocketServer } from "ws";

const require = createRequire(import.meta.url);
const { setupWSConnection } = require("y-websocket/bin/utils") as {
  setupWSConnection: (socket: unknown, request: unknown) => void;
};

const wss = new WebSocketServer({ noServer: true });
wss.on("connection", setupWSConnection);
const server = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "text/plain" });
  response.end("okay");
});
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`BENCH_PORT ${(server.address() as AddressInfo).port}\n`);
});
const stop = () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
