/**
 * One real Yjs client per connection, for each kind of server: the provider each server is made for
 * (HocuspocusProvider for Aiuteur and Hocuspocus, y-websocket's WebsocketProvider for y-websocket) and, for
 * the socket.io relay, a client that sends each local Y update (and awareness update) and applies the ones
 * it receives. Every kind carries the same document edits and the same presence updates.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import { io } from "socket.io-client";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { BenchDocument } from "../servers/index.js";

export interface LoadClient {
  doc: Y.Doc;
  /** Resolves once the client has the server's state (or, for socket.io, is connected). */
  synced: Promise<void>;
  /** Publishes this client's caret, as an editor does after each keystroke. */
  setPresence(cursor: { typer: number; seq: number }): void;
  destroy(): void;
}

export function openClient(target: BenchDocument, onError: (message: string) => void): LoadClient {
  switch (target.kind) {
    case "aiuteur":
    case "aiuteur-nolog":
    case "hocuspocus":
      return hocuspocusClient(target, onError);
    case "y-websocket":
      return yWebsocketClient(target);
    case "socketio":
      return socketIoClient(target, onError);
  }
}

/** A HocuspocusProvider on `doc` for the target; `synced` resolves at its first full sync. */
export function openHocuspocus(
  target: BenchDocument,
  doc: Y.Doc,
  onError: (message: string) => void = () => undefined,
): { provider: HocuspocusProvider; synced: Promise<void> } {
  let resolve: () => void = () => undefined;
  const synced = new Promise<void>((r) => (resolve = r));
  const provider = new HocuspocusProvider({
    url: target.url,
    name: target.name,
    token: target.token,
    document: doc,
    WebSocketPolyfill: WebSocket,
    onSynced: () => resolve(),
    onAuthenticationFailed: ({ reason }) => onError(`authentication failed: ${reason}`),
    onClose: ({ event }) => {
      if (event.code !== 1000) onError(`closed ${event.code} ${event.reason}`);
    },
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return { provider, synced };
}

/**
 * Connects a fresh client to `target`; resolves with the time from connecting to its first full sync, the
 * document it received and its provider (the caller destroys it). Rejects on refusal or after 120 s.
 */
export function timedOpen(target: BenchDocument): Promise<{ ms: number; doc: Y.Doc; provider: HocuspocusProvider }> {
  const doc = new Y.Doc();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target.kind}: no sync within 120 s`)), 120_000);
    const provider: HocuspocusProvider = new HocuspocusProvider({
      url: target.url,
      name: target.name,
      token: target.token,
      document: doc,
      WebSocketPolyfill: WebSocket,
      onSynced: () => {
        clearTimeout(timer);
        resolve({ ms: performance.now() - started, doc, provider });
      },
      onAuthenticationFailed: ({ reason }: { reason: string }) => reject(new Error(`${target.kind}: refused (${reason})`)),
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  });
}

function hocuspocusClient(target: BenchDocument, onError: (message: string) => void): LoadClient {
  const doc = new Y.Doc();
  const { provider, synced } = openHocuspocus(target, doc, onError);
  return {
    doc,
    synced,
    setPresence: (cursor) => provider.setAwarenessField("cursor", cursor),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function yWebsocketClient(target: BenchDocument): LoadClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.url, target.name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Its cross-tab BroadcastChannel would sync the clients of this one process with each other directly,
    // bypassing the server (Node has BroadcastChannel): every update must go through the server.
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off("sync", onSync);
      resolve();
    };
    provider.on("sync", onSync);
  });
  return {
    doc,
    synced,
    setPresence: (cursor) => provider.awareness.setLocalStateField("cursor", cursor),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

const DOC_UPDATE = 0;
const AWARENESS_UPDATE = 1;
const REMOTE = Symbol("socket.io remote");

function frame(type: number, payload: Uint8Array): Uint8Array {
  const message = new Uint8Array(payload.byteLength + 1);
  message[0] = type;
  message.set(payload, 1);
  return message;
}

function socketIoClient(target: BenchDocument, onError: (message: string) => void): LoadClient {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  const socket = io(target.url, { query: { doc: target.name }, transports: ["websocket"], forceNew: true });
  const synced = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.on("connect_error", (error: Error) => onError(`socket.io: ${error.message}`));
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) socket.emit("m", frame(DOC_UPDATE, update));
  });
  awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
    if (origin === REMOTE) return;
    const changed = [...added!, ...updated!, ...removed!];
    socket.emit("m", frame(AWARENESS_UPDATE, awarenessProtocol.encodeAwarenessUpdate(awareness, changed)));
  });
  socket.on("m", (data: ArrayBuffer | Uint8Array) => {
    const message = data instanceof Uint8Array ? data : new Uint8Array(data);
    const payload = message.subarray(1);
    if (message[0] === DOC_UPDATE) Y.applyUpdate(doc, payload, REMOTE);
    else awarenessProtocol.applyAwarenessUpdate(awareness, payload, REMOTE);
  });
  return {
    doc,
    synced,
    setPresence: (cursor) => awareness.setLocalStateField("cursor", cursor),
    destroy() {
      awareness.destroy();
      socket.disconnect();
      doc.destroy();
    },
  };
}
