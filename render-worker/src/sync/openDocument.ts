/**
 * A document opened through the sync path, as any client would: a Hocuspocus provider over a WebSocket with
 * the worker's service token. The server checks what the service may write; the worker waits for the
 * server to acknowledge its writes before it calls a job done.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { PROTOCOL_VERSION } from "@aiuteur/shared";

export interface SyncedDocument {
  doc: Y.Doc;
  /** Resolves once the server has every update written so far (or rejects after timeoutMs). */
  flush(timeoutMs?: number): Promise<void>;
  close(): void;
}

export function collabUrl(serverUrl: string): string {
  return `${serverUrl.replace(/^http/, "ws").replace(/\/+$/, "")}/collab?protocol=${PROTOCOL_VERSION}`;
}

export async function openDocument(serverUrl: string, name: string, token: () => Promise<string>, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<SyncedDocument> {
  const doc = new Y.Doc();
  let provider: HocuspocusProvider | null = null;
  const close = () => {
    provider?.destroy();
    doc.destroy();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`could not open ${name}: no sync within ${options.timeoutMs ?? 15_000} ms`)), options.timeoutMs ?? 15_000);
      const onAbort = () => reject(options.signal?.reason instanceof Error ? options.signal.reason : new Error("aborted"));
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const settle = (error?: Error) => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        if (error) reject(error);
        else resolve();
      };
      provider = new HocuspocusProvider({
        url: collabUrl(serverUrl),
        name,
        // A function, not the string: a reconnect during a long job asks for a fresh token.
        token,
        document: doc,
        WebSocketPolyfill: WebSocket,
        onSynced: () => settle(),
        onAuthenticationFailed: ({ reason }: { reason: string }) => settle(new Error(`the server refused ${name}: ${reason}`)),
      } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    });
  } catch (error) {
    close();
    throw error;
  }
  const opened = provider as unknown as HocuspocusProvider;
  return {
    doc,
    async flush(timeoutMs = 15_000) {
      const start = Date.now();
      while (opened.unsyncedChanges > 0) {
        if (Date.now() - start > timeoutMs) throw new Error(`the server did not acknowledge writes to ${name} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close,
  };
}
