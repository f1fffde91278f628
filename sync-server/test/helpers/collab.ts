/** Real @hocuspocus/provider clients over real WebSockets (ws), as a browser would connect. */
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { PROTOCOL_VERSION } from "@aiuteur/shared";

export interface CollabClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves with "synced", or with the refusal reason when authentication fails. */
  ready: Promise<{ synced: true } | { synced: false; reason: string }>;
  destroy(): void;
}

export function collabUrl(baseUrl: string, protocol: number | null = PROTOCOL_VERSION): string {
  const ws = baseUrl.replace(/^http/, "ws") + "/collab";
  return protocol === null ? ws : `${ws}?protocol=${protocol}`;
}

export function connect(baseUrl: string, name: string, token: string, doc = new Y.Doc()): CollabClient {
  let settle: (value: { synced: true } | { synced: false; reason: string }) => void = () => undefined;
  const ready = new Promise<{ synced: true } | { synced: false; reason: string }>((resolve) => (settle = resolve));
  const provider = new HocuspocusProvider({
    url: collabUrl(baseUrl),
    name,
    token,
    document: doc,
    WebSocketPolyfill: WebSocket,
    onSynced: () => settle({ synced: true }),
    onAuthenticationFailed: ({ reason }) => settle({ synced: false, reason }),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return {
    doc,
    provider,
    ready,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A replica's whole state, state vector and delete set, as comparable text. Equal state vectors alone do not
 * mean equal documents: a deletion adds no clock, so a replica can match the others' vectors while a delete
 * is still on its way to it (the convergence fuzz compared contents in that moment on CI, seed 1583415220).
 */
export function replicaState(doc: Y.Doc): string {
  return Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString("base64");
}

/** Waits until the provider has no update the server has not acknowledged. */
export function waitForAcknowledged(client: CollabClient, timeoutMs = 10_000): Promise<void> {
  return waitFor(() => client.provider.unsyncedChanges === 0, "the server to acknowledge every update", timeoutMs);
}
