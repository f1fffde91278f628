/**
 * Many small collaborative documents on one page (a storyboard: one document per scene, one per shot).
 *
 * useCollabDocument opens a WebSocket per document; a 300-shot episode would open 330 sockets, 330
 * authentications and 330 reconnection timers. Hocuspocus multiplexes documents over one socket, so the
 * pool keeps ONE HocuspocusProviderWebsocket for the page and attaches a provider per document to it.
 *
 * Each document is reference-counted: every component that shows it acquires it and releases it on
 * unmount; the last release destroys its provider, IndexedDB handle and Y.Doc. Start-up follows
 * useCollabDocument: the IndexedDB copy first (so a reviewer opens the storyboard offline and the
 * handshake sends only what the server lacks), then the provider; migrations after a writable sync.
 *
 * Awareness: shot documents carry none (300 awareness states to broadcast for nothing), but Hocuspocus'
 * ping check needs at least one provider with awareness per socket, so every other kind keeps it.
 */
import * as Y from "yjs";
import { IndexeddbPersistence } from "y-indexeddb";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { migrateDocument, parseDocumentName, type DocumentKind } from "@aiuteur/shared";

/** How long to wait for IndexedDB before connecting anyway (it can be unavailable or blocked). */
const LOCAL_LOAD_TIMEOUT_MS = 1500;
/** How long a first open waits for the server before showing the (possibly empty) local copy. */
const FIRST_SYNC_TIMEOUT_MS = 5000;

/** The same awareness field as useCollabDocument's PRESENCE_FIELD, so PresenceList reads both. */
export const POOL_PRESENCE_FIELD = "presence";

export interface PoolOptions {
  /** The collaboration socket's URL, protocol parameter included (collabUrl()). */
  url: string;
  /** Read at every (re)connection, so signing in again elsewhere is picked up. */
  token: () => string;
  /** False keeps the socket closed (tests). */
  connect?: boolean;
  /** False skips the IndexedDB copy (tests without IndexedDB). */
  localCopy?: boolean;
  /** What other clients see of us on documents that carry awareness. */
  presence?: unknown;
}

type Listener = () => void;

export class PooledDocument {
  readonly doc = new Y.Doc();
  readonly kind: DocumentKind | null;
  provider: HocuspocusProvider | null = null;
  /** Show the content now: the local copy had some, the server synced, we are offline, or we waited enough. */
  ready = false;
  refs = 0;
  destroyed = false;
  private readonly listeners = new Set<Listener>();
  private persistence: IndexeddbPersistence | null = null;
  private readonly timers: ReturnType<typeof setTimeout>[] = [];

  constructor(
    readonly name: string,
    private readonly pool: DocumentPool,
  ) {
    this.kind = parseDocumentName(name)?.kind ?? null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    if (this.destroyed) return;
    for (const listener of [...this.listeners]) listener();
  }

  private markReady = (): void => {
    if (this.ready || this.destroyed) return;
    this.ready = true;
    this.notify();
  };

  /** @internal Called once by the pool. */
  start(options: PoolOptions): void {
    const connect = () => {
      if (this.destroyed || this.provider !== null) return;
      if (this.doc.store.clients.size > 0 || (typeof navigator !== "undefined" && !navigator.onLine)) this.ready = true;
      this.provider = this.pool.attach(this);
      this.provider.on("synced", this.onSynced);
      this.notify();
    };
    if (options.localCopy !== false) {
      this.persistence = new IndexeddbPersistence(this.name, this.doc);
      void this.persistence.whenSynced.then(connect, connect);
      this.timers.push(setTimeout(connect, LOCAL_LOAD_TIMEOUT_MS));
    } else {
      connect();
    }
    this.timers.push(setTimeout(this.markReady, FIRST_SYNC_TIMEOUT_MS));
  }

  private onSynced = (): void => {
    this.markReady();
    if (this.kind !== null && this.provider?.authorizedScope === "read-write") migrateDocument(this.doc, this.kind);
    this.notify();
  };

  /** @internal Called by the pool on the last release. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.listeners.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.provider?.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
  }

  /** @internal The browser went offline: show what we have rather than wait for a sync. */
  wentOffline(): void {
    this.markReady();
  }
}

export class DocumentPool {
  private readonly entries = new Map<string, PooledDocument>();
  private socket: HocuspocusProviderWebsocket | null = null;
  private presence: unknown;
  private listening = false;

  constructor(private readonly options: PoolOptions) {
    this.presence = options.presence;
  }

  /** How many documents are open. */
  get size(): number {
    return this.entries.size;
  }

  /** The shared socket, once a document has been opened. */
  get websocket(): HocuspocusProviderWebsocket | null {
    return this.socket;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Opens (or shares) a document; every acquire needs exactly one release. */
  acquire(name: string): PooledDocument {
    let entry = this.entries.get(name);
    if (!entry) {
      entry = new PooledDocument(name, this);
      this.entries.set(name, entry);
      this.listen();
      entry.start(this.options);
    }
    entry.refs += 1;
    return entry;
  }

  release(entry: PooledDocument): void {
    if (entry.destroyed || this.entries.get(entry.name) !== entry) return;
    entry.refs -= 1;
    if (entry.refs > 0) return;
    this.entries.delete(entry.name);
    entry.destroy();
  }

  /** Sets what collaborators see of us on every open document with awareness. */
  setPresence(presence: unknown): void {
    this.presence = presence;
    for (const entry of this.entries.values()) {
      if (entry.provider?.awareness) entry.provider.setAwarenessField(POOL_PRESENCE_FIELD, presence);
    }
  }

  /** @internal Creates the document's provider on the shared socket. */
  attach(entry: PooledDocument): HocuspocusProvider {
    const socket = (this.socket ??= new HocuspocusProviderWebsocket({
      url: this.options.url,
      // Back off to at most 5 s (not 30 s), as useCollabDocument does: a reviewer out of a tunnel syncs soon.
      maxDelay: 5000,
      autoConnect: this.options.connect !== false,
    }));
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: entry.name,
      document: entry.doc,
      token: () => this.options.token(),
      ...(entry.kind === "shot" ? { awareness: null } : {}),
    });
    if (provider.awareness && this.presence !== undefined) provider.setAwarenessField(POOL_PRESENCE_FIELD, this.presence);
    provider.attach();
    return provider;
  }

  private onOffline = () => {
    for (const entry of this.entries.values()) entry.wentOffline();
  };

  // Back online: retry now rather than at the end of the current back-off delay.
  private onOnline = () => {
    if (this.options.connect !== false) void this.socket?.connect();
  };

  private listen(): void {
    if (this.listening || typeof window === "undefined") return;
    this.listening = true;
    window.addEventListener("offline", this.onOffline);
    window.addEventListener("online", this.onOnline);
  }

  /** Closes every document and the socket. The pool may be used again afterwards (React re-mounts). */
  destroy(): void {
    for (const entry of this.entries.values()) entry.destroy();
    this.entries.clear();
    this.socket?.destroy();
    this.socket = null;
    if (this.listening) {
      window.removeEventListener("offline", this.onOffline);
      window.removeEventListener("online", this.onOnline);
      this.listening = false;
    }
  }
}
