/**
 * Many small collaborative documents on one page (a storyboard: one document per scene, one per shot).
 *
 * useCollabDocument opens a WebSocket per document; a 300-shot episode would open 330 sockets, 330
 * authentications and 330 reconnection timers. Hocuspocus multiplexes documents over one socket, so the
 * pool attaches a provider per document to a shared HocuspocusProviderWebsocket. One socket carries at
 * most MAX_DOCUMENTS_PER_SOCKET documents: the Hocuspocus server closes a connection that has more than
 * 100 documents waiting for authentication (maxPendingDocuments, a guard against memory amplification),
 * and every document on a socket authenticates at once when it (re)connects. 330 documents → 5 sockets.
 *
 * Each document is reference-counted: every component that shows it acquires it and releases it on
 * unmount; the last release destroys its provider, IndexedDB handle and Y.Doc. Every document keeps an
 * IndexedDB copy (so a reviewer opens the storyboard offline); migrations run after a writable sync.
 *
 * Awareness: shot documents carry none (300 awareness states to broadcast for nothing), except one per
 * socket when nothing else on it has awareness: the provider's connection check reconnects a socket that
 * has received no message for 30 s, and the awareness renewal every 15 s is what keeps an idle one alive.
 */
import * as Y from "yjs";
import { IndexeddbPersistence } from "y-indexeddb";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { migrateDocument, parseDocumentName, type DocumentKind } from "@aiuteur/shared";

/** Below the Hocuspocus server's default maxPendingDocuments (100), with room to spare. */
export const MAX_DOCUMENTS_PER_SOCKET = 80;

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
  /** Tests lower it. */
  maxDocumentsPerSocket?: number;
}

/** One shared socket and what rides on it. */
export interface PoolSocket {
  websocket: HocuspocusProviderWebsocket;
  documents: number;
  /** Documents on this socket whose provider has awareness (keep-alive, see above). */
  withAwareness: number;
}

type Listener = () => void;

/** Performance marks, so a benchmark (e2e/bench) can see where opening many documents spends its time. */
function mark(name: string, documentName: string): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(name, { detail: documentName });
}

export class PooledDocument {
  readonly doc = new Y.Doc();
  readonly kind: DocumentKind | null;
  provider: HocuspocusProvider | null = null;
  /** @internal The socket its provider rides on. */
  socket: PoolSocket | null = null;
  /** @internal Whether its provider has awareness. */
  hasAwareness = false;
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
      this.provider = this.pool.attach(this);
      this.provider.on("synced", this.onSynced);
      this.notify();
    };
    const localLoaded = () => {
      mark("aiuteur:pool-local-loaded", this.name);
      if (this.doc.store.clients.size > 0 || (typeof navigator !== "undefined" && !navigator.onLine)) this.markReady();
      connect();
    };
    if (options.localCopy !== false) {
      this.persistence = new IndexeddbPersistence(this.name, this.doc);
      void this.persistence.whenSynced.then(localLoaded, localLoaded);
      // Online, connect at once instead of after the local copy, unlike useCollabDocument: with hundreds of
      // documents, Chromium takes seconds to open their IndexedDB databases, and the sync handshake is
      // correct either way (what the local copy adds later is sent as an ordinary update).
      if (typeof navigator === "undefined" || navigator.onLine) connect();
      else this.timers.push(setTimeout(connect, LOCAL_LOAD_TIMEOUT_MS));
    } else {
      connect();
    }
    this.timers.push(setTimeout(this.markReady, FIRST_SYNC_TIMEOUT_MS));
  }

  private onSynced = (): void => {
    if (!this.ready) mark("aiuteur:pool-synced", this.name);
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
    this.pool.detach(this);
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
  private sockets: PoolSocket[] = [];
  private presence: unknown;
  private listening = false;

  constructor(private readonly options: PoolOptions) {
    this.presence = options.presence;
  }

  /** How many documents are open. */
  get size(): number {
    return this.entries.size;
  }

  /** The shared sockets (one per MAX_DOCUMENTS_PER_SOCKET open documents). */
  get websockets(): readonly PoolSocket[] {
    return this.sockets;
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
      if (entry.provider?.awareness && entry.kind !== "shot") entry.provider.setAwarenessField(POOL_PRESENCE_FIELD, presence);
    }
  }

  private socketWithRoom(): PoolSocket {
    const max = this.options.maxDocumentsPerSocket ?? MAX_DOCUMENTS_PER_SOCKET;
    let socket = this.sockets.find((candidate) => candidate.documents < max);
    if (!socket) {
      socket = {
        websocket: new HocuspocusProviderWebsocket({
          url: this.options.url,
          // Back off to at most 5 s (not 30 s), as useCollabDocument does: a reviewer out of a tunnel syncs soon.
          maxDelay: 5000,
          autoConnect: this.options.connect !== false,
        }),
        documents: 0,
        withAwareness: 0,
      };
      this.sockets.push(socket);
    }
    return socket;
  }

  /** @internal Creates the document's provider on a shared socket. */
  attach(entry: PooledDocument): HocuspocusProvider {
    const socket = this.socketWithRoom();
    const awareness = entry.kind !== "shot" || socket.withAwareness === 0;
    const provider = new HocuspocusProvider({
      websocketProvider: socket.websocket,
      name: entry.name,
      document: entry.doc,
      token: () => this.options.token(),
      ...(awareness ? {} : { awareness: null }),
    });
    socket.documents += 1;
    if (awareness) socket.withAwareness += 1;
    entry.socket = socket;
    entry.hasAwareness = awareness;
    if (provider.awareness && entry.kind !== "shot" && this.presence !== undefined) {
      provider.setAwarenessField(POOL_PRESENCE_FIELD, this.presence);
    }
    provider.attach();
    return provider;
  }

  /** @internal The document's provider was destroyed: free its place on the socket. */
  detach(entry: PooledDocument): void {
    const socket = entry.socket;
    if (!socket) return;
    entry.socket = null;
    socket.documents -= 1;
    if (entry.hasAwareness) socket.withAwareness -= 1;
    if (socket.documents === 0) {
      socket.websocket.destroy();
      this.sockets = this.sockets.filter((candidate) => candidate !== socket);
    }
  }

  private onOffline = () => {
    for (const entry of this.entries.values()) entry.wentOffline();
  };

  // Back online: retry now rather than at the end of the current back-off delay.
  private onOnline = () => {
    if (this.options.connect !== false) for (const socket of this.sockets) void socket.websocket.connect();
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
    for (const socket of this.sockets) socket.websocket.destroy();
    this.sockets = [];
    if (this.listening) {
      window.removeEventListener("offline", this.onOffline);
      window.removeEventListener("online", this.onOnline);
      this.listening = false;
    }
  }
}
