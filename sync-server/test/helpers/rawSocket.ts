/**
 * A hand-rolled Hocuspocus client speaking the wire protocol directly, the way a hostile client would:
 * it can send any update to any document regardless of what the server allowed.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;

export interface RawSocket {
  socket: WebSocket;
  /** Resolves with the scope ("read-write" | "readonly") or "denied:<reason>". */
  authenticate(name: string, token: string): Promise<string>;
  sendUpdate(name: string, update: Uint8Array): void;
  send(bytes: Uint8Array): void;
  closed: Promise<{ code: number; reason: string }>;
}

export async function openRawSocket(url: string): Promise<RawSocket> {
  const socket = new WebSocket(url);
  socket.binaryType = "nodebuffer";
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return {
    socket,
    closed,
    authenticate(name, token) {
      return new Promise((resolve) => {
        const onMessage = (data: Buffer) => {
          const decoder = decoding.createDecoder(new Uint8Array(data));
          decoding.readVarString(decoder);
          if (decoding.readVarUint(decoder) !== MESSAGE_AUTH) return;
          const kind = decoding.readVarUint(decoder);
          if (kind === AUTH_PERMISSION_DENIED) resolve(`denied:${decoding.readVarString(decoder)}`);
          else if (kind === AUTH_AUTHENTICATED) resolve(decoding.readVarString(decoder));
          else return;
          socket.off("message", onMessage);
        };
        socket.on("message", onMessage);
        const encoder = encoding.createEncoder();
        encoding.writeVarString(encoder, name);
        encoding.writeVarUint(encoder, MESSAGE_AUTH);
        encoding.writeVarUint(encoder, AUTH_TOKEN);
        encoding.writeVarString(encoder, token);
        socket.send(encoding.toUint8Array(encoder));
      });
    },
    sendUpdate(name, update) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, name);
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, SYNC_UPDATE);
      encoding.writeVarUint8Array(encoder, update);
      socket.send(encoding.toUint8Array(encoder));
    },
    send(bytes) {
      socket.send(bytes);
    },
  };
}
