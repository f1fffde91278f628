/**
 * Several pooled documents at once (the shots of a scene), kept open while their names are listed, plus a
 * version that changes when any of them changes, for values computed over all of them (a scene's running
 * time). Changes are batched to one re-render per animation frame: on first open, 300 shot documents
 * sync within a few frames, and re-rendering the grid 300 times would cost more than the sync itself.
 */
import { useEffect, useRef, useState } from "react";
import type { PooledDocument } from "./documentPool";
import { useDocumentPool } from "./useSharedDocument";

export interface PooledDocuments {
  docs: ReadonlyMap<string, PooledDocument>;
  version: number;
}

export function usePooledDocuments(names: readonly string[]): PooledDocuments {
  const pool = useDocumentPool();
  const held = useRef(new Map<string, { entry: PooledDocument; unsubscribe: () => void }>());
  const [state, setState] = useState<PooledDocuments>({ docs: new Map(), version: 0 });
  const frame = useRef<number | null>(null);
  const key = names.join("\n");

  useEffect(() => {
    const bump = () => {
      if (frame.current !== null) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        setState((prev) => ({ docs: prev.docs, version: prev.version + 1 }));
      });
    };
    const wanted = new Set(key === "" ? [] : key.split("\n"));
    // Acquire the new names before releasing the old ones, so a document listed in both stays open.
    for (const name of wanted) {
      if (held.current.has(name)) continue;
      const entry = pool.acquire(name);
      entry.doc.on("update", bump);
      const unsubscribeEntry = entry.subscribe(bump);
      held.current.set(name, {
        entry,
        unsubscribe: () => {
          entry.doc.off("update", bump);
          unsubscribeEntry();
        },
      });
    }
    for (const [name, { entry, unsubscribe }] of held.current) {
      if (wanted.has(name)) continue;
      unsubscribe();
      pool.release(entry);
      held.current.delete(name);
    }
    const docs = new Map<string, PooledDocument>();
    for (const [name, { entry }] of held.current) docs.set(name, entry);
    setState((prev) => ({ docs, version: prev.version + 1 }));
  }, [pool, key]);

  useEffect(() => {
    const current = held.current;
    return () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
      for (const { entry, unsubscribe } of current.values()) {
        unsubscribe();
        pool.release(entry);
      }
      current.clear();
    };
  }, [pool]);

  return state;
}
