/**
 * React bindings of the document pool: <DocumentPoolScope> gives a page one pool (one socket), and
 * useSharedDocument(name) acquires a document from it for as long as the component shows it.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { currentToken } from "../app/session";
import { collabUrl, type PresenceIdentity } from "../app/hooks/useCollabDocument";
import { DocumentPool, type PooledDocument } from "./documentPool";

const PoolContext = createContext<DocumentPool | null>(null);

/** Without an identity, nobody sees us on these documents (a form that only reads the script, say). */
export function DocumentPoolScope({ identity, children }: { identity?: PresenceIdentity; children: ReactNode }) {
  const [pool] = useState(() => new DocumentPool({ url: collabUrl(), token: () => currentToken() ?? "", presence: identity }));
  // Destroy on unmount. The pool can be used again after destroy, which React's strict-mode re-mount needs.
  useEffect(() => () => pool.destroy(), [pool]);
  const { id, name, color } = identity ?? {};
  useEffect(() => {
    if (id !== undefined) pool.setPresence({ id, name, color });
  }, [pool, id, name, color]);
  return <PoolContext.Provider value={pool}>{children}</PoolContext.Provider>;
}

export function useHasDocumentPool(): boolean {
  return useContext(PoolContext) !== null;
}

export function useDocumentPool(): DocumentPool {
  const pool = useContext(PoolContext);
  if (!pool) throw new Error("useSharedDocument needs a <DocumentPoolScope> around it.");
  return pool;
}

export interface SharedDocument {
  name: string;
  doc: Y.Doc;
  provider: HocuspocusProvider | null;
  ready: boolean;
}

function snapshot(entry: PooledDocument): SharedDocument {
  return { name: entry.name, doc: entry.doc, provider: entry.provider, ready: entry.ready };
}

/** The pooled document named `name` (null while `name` is null or before the first effect). */
export function useSharedDocument(name: string | null): SharedDocument | null {
  const pool = useDocumentPool();
  const [entry, setEntry] = useState<PooledDocument | null>(null);
  useEffect(() => {
    if (name === null) {
      setEntry(null);
      return;
    }
    const acquired = pool.acquire(name);
    setEntry(acquired);
    return () => pool.release(acquired);
  }, [pool, name]);
  const [value, setValue] = useState<SharedDocument | null>(null);
  useEffect(() => {
    if (!entry) {
      setValue(null);
      return;
    }
    const update = () => setValue(snapshot(entry));
    update();
    return entry.subscribe(update);
  }, [entry]);
  return value !== null && value.name === name ? value : null;
}
