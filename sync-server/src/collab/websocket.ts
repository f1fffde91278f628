/**
 * Accepts WebSocket upgrades on /collab and hands each socket to Hocuspocus. Three checks happen here,
 * before any document work: the client's protocol version (an outdated client is closed with
 * protocolMismatch and told to reload), the size and envelope of every message (closed with
 * messageTooLarge or malformedMessage, other sockets unaffected) and the presence budgets (the socket's: a
 * flood is dropped, then closed with awarenessFlood; the account's, over all its sockets: dropped).
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer, type RawData } from "ws";
import { CLOSE_CODES, PROTOCOL_PARAM, PROTOCOL_VERSION } from "@aiuteur/shared";
import type { ServerConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { AccountPresenceBudgets, PRESENCE_SLOT_KEY, type PresenceSlot } from "./accountPresence.js";
import { AwarenessBudget, isAwarenessMessage } from "./awarenessBudget.js";
import { readFrameHeader } from "./frames.js";

export const COLLAB_PATH = "/collab";

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** The Fetch API Request Hocuspocus expects, built from node's request. */
function toFetchRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  return new Request(new URL(req.url ?? "/", "http://localhost"), { headers });
}

export type CollabLimits = Pick<
  ServerConfig,
  "maxMessageBytes" | "awarenessMessagesPerSecond" | "awarenessBurst" | "awarenessAccountMessagesPerSecond" | "awarenessAccountBurst"
>;

export function attachCollab(server: Server, hocuspocus: Hocuspocus, log: Logger, limits: CollabLimits): WebSocketServer {
  // ws refuses frames far beyond the limit itself (close 1009); frames just over it get our typed code.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 2 });
  const accountPresence = new AccountPresenceBudgets(limits.awarenessAccountMessagesPerSecond, limits.awarenessAccountBurst);

  wss.on("connection", (socket, req: IncomingMessage) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.searchParams.get(PROTOCOL_PARAM) !== String(PROTOCOL_VERSION)) {
      socket.close(CLOSE_CODES.protocolMismatch.code, CLOSE_CODES.protocolMismatch.reason);
      return;
    }
    // Authentication (extensions/authorization.ts) fills in whose socket this is, for the account's presence budget.
    const presence: PresenceSlot = { account: null };
    const connection = hocuspocus.handleConnection(socket, toFetchRequest(req), { [PRESENCE_SLOT_KEY]: presence });
    const awareness = new AwarenessBudget(limits.awarenessMessagesPerSecond, limits.awarenessBurst);
    let dropped = 0;
    socket.on("message", (data) => {
      if (socket.readyState !== socket.OPEN) return;
      const bytes = toBytes(data);
      if (bytes.byteLength > limits.maxMessageBytes) {
        log.warn("collab.message-too-large", { bytes: bytes.byteLength });
        socket.close(CLOSE_CODES.messageTooLarge.code, CLOSE_CODES.messageTooLarge.reason);
        return;
      }
      const header = readFrameHeader(bytes);
      if (header === null) {
        log.warn("collab.malformed-message", { bytes: bytes.byteLength });
        socket.close(CLOSE_CODES.malformedMessage.code, CLOSE_CODES.malformedMessage.reason);
        return;
      }
      if (isAwarenessMessage(header)) {
        const verdict = awareness.spend();
        if (verdict === "close") {
          log.warn("collab.awareness-flood", { dropped });
          socket.close(CLOSE_CODES.awarenessFlood.code, CLOSE_CODES.awarenessFlood.reason);
          return;
        }
        if (verdict === "drop" || (presence.account !== null && !accountPresence.allow(presence.account))) {
          dropped += 1;
          return;
        }
      }
      connection.handleMessage(bytes);
    });
    socket.on("close", (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
    socket.on("error", (error) => log.debug("collab.socket-error", { error }));
  });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== COLLAB_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });

  return wss;
}
