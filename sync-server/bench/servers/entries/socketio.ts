/**
 * The transport floor: a socket.io server that relays every binary message a socket sends to the other
 * sockets in its room (the document), with no CRDT, no state and no storage. Whatever a real sync server
 * costs beyond this is the price of merging, storing and acknowledging.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

const server = createServer();
const io = new Server(server, { maxHttpBufferSize: 16 * 1024 * 1024 });
io.on("connection", (socket) => {
  const room = String(socket.handshake.query.doc ?? "default");
  void socket.join(room);
  socket.on("m", (message: Buffer) => {
    socket.to(room).emit("m", message);
  });
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`BENCH_PORT ${(server.address() as AddressInfo).port}\n`);
});
const stop = () => void io.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
