/**
 * One collaborative document for the lifetime of a screen: a Y.Doc, its IndexedDB copy (y-indexeddb) and
 * a HocuspocusProvider to the sync server, all torn down on unmount or when the name changes.
 *
 * Order of start-up, and why:
 * 1. The IndexedDB copy loads first (milliseconds). Connecting after it means the sync handshake sends
 *    only what the server lacks, and the editor can render offline work without any network.
 * 2. `ready` says when to mount the editor: at once when the local copy has content or the browser is
 *    offline; otherwise (first open on this device) after the first server sync, so the editor does not
 *    create an empty first block that then merges with the real script. A timeout caps that wait.
 * 3. After each server sync on a writable connection, pending schema migrations run (shared/docSchema).
 *    Not before: the server migrates on load, and migrating a stale local copy first would race it.
 */
import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import { IndexeddbPersistence } from "y-indexeddb";
import { HocuspocusProvider, HocuspocusProviderWebsocket, type onCloseParameters } from "@hocuspocus/provider";
import {
  PROTOCOL_PARAM,
  PROTOCOL_VERSION,
  migrateDocument,
  parseDocumentName,
} from "@aiuteur/shared";
import { currentToken } from "../session";
import { closeProblem } from "./useConnection";

/** What other clients see of us in awareness; the editor's carets use their own `user` field. */
export interface PresenceIdentity {
  id: string;
  name: string;
  color: string;
}

export const PRESENCE_FIELD = "presence";

export interface CollabDocument {
  documentName: string;
  doc: Y.Doc;
  /** Null until the local copy has loaded (see start-up order above). */
  provider: HocuspocusProvider | null;
  /** Mount the editor now. */
  ready: boolean;
}

/** How long to wait for IndexedDB before connecting anyway (it can be unavailable or blocked). */
const LOCAL_LOAD_TIMEOUT_MS = 1500;
/** How long a first open waits for the server before showing the (possibly empty) local copy. */
const FIRST_SYNC_TIMEOUT_MS = 5000;

export function collabUrl(): string {
  const origin = window.location.origin.replace(/^http/, "ws");
  return `${origin}/collab?${PROTOCOL_PARAM}=${PROTOCOL_VERSION}`;
}

export function useCollabDocument(documentName: string | null, identity: PresenceIdentity): CollabDocument | null {
  const [state, setState] = useState<CollabDocument | null>(null);
  const identityRef = useRef(identity);
  identityRef.current = identity;

  useEffect(() => {
    if (documentName === null) {
      setState(null);
      return;
    }
    const name = documentName;
    const kind = parseDocumentName(name)?.kind ?? null;
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(name, doc);
    let socket: HocuspocusProviderWebsocket | null = null;
    let provider: HocuspocusProvider | null = null;
    let ready = false;
    let disposed = false;

    const publish = () => {
      if (!disposed) setState({ documentName: name, doc, provider, ready });
    };
    const markReady = () => {
      if (ready || disposed) return;
      ready = true;
      publish();
    };

    const onSynced = () => {
      markReady();
      if (kind !== null && provider?.authorizedScope === "read-write") migrateDocument(doc, kind);
    };
    const onClose = ({ event }: onCloseParameters) => {
      // An outdated client would be refused forever: stop retrying; the page tells the user to reload.
      const problem = closeProblem(event?.code ?? 0, event?.reason ?? "");
      if (problem?.kind === "close" && problem.reload) socket?.disconnect();
    };

    const connect = () => {
      if (disposed || provider !== null) return;
      // Any client in the state means the local copy had content (works for every document kind).
      // (Set here, published once below together with the provider, so the editor mounts with it.)
      if (doc.store.clients.size > 0 || !navigator.onLine) ready = true;
      // Our own socket so reconnection backs off to at most 5 s instead of the default 30 s: a writer
      // coming out of a tunnel should see "Saved" quickly.
      socket = new HocuspocusProviderWebsocket({ url: collabUrl(), maxDelay: 5000 });
      provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        // Read at every (re)connection, so signing in again in another tab is picked up.
        token: () => currentToken() ?? "",
      });
      provider.on("synced", onSynced);
      provider.on("close", onClose);
      provider.setAwarenessField(PRESENCE_FIELD, identityRef.current);
      provider.attach();
      publish();
    };

    publish();
    void persistence.whenSynced.then(connect);
    const localTimeout = setTimeout(connect, LOCAL_LOAD_TIMEOUT_MS);
    const firstSyncTimeout = setTimeout(markReady, FIRST_SYNC_TIMEOUT_MS);
    const onOffline = () => markReady();
    // Back online: retry now rather than at the end of the current back-off delay.
    const onOnline = () => void socket?.connect();
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);

    return () => {
      disposed = true;
      clearTimeout(localTimeout);
      clearTimeout(firstSyncTimeout);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      provider?.destroy();
      socket?.destroy();
      void persistence.destroy();
      doc.destroy();
    };
  }, [documentName]);

  // The display name can change (GET /api/me refresh) while the document stays open.
  const { id, name, color } = identity;
  const provider = state?.provider ?? null;
  useEffect(() => {
    provider?.setAwarenessField(PRESENCE_FIELD, { id, name, color });
  }, [provider, id, name, color]);

  return state;
}
