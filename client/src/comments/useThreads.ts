/** The comment threads of a notes document, live: re-read on every change to the threads map. */
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { readThreads, threadsMap, type Thread } from "@aiuteur/shared";

const NONE: Thread[] = [];

export function useThreads(doc: Y.Doc | null): Thread[] {
  const [threads, setThreads] = useState<Thread[]>(() => (doc ? readThreads(doc) : NONE));
  useEffect(() => {
    if (!doc) {
      setThreads(NONE);
      return;
    }
    const map = threadsMap(doc);
    const refresh = () => setThreads(readThreads(doc));
    refresh();
    // Deep: a reply or a status change is a change inside one thread's map.
    map.observeDeep(refresh);
    return () => map.unobserveDeep(refresh);
  }, [doc]);
  return threads;
}
