/**
 * A value derived from a Y.Doc, recomputed once per document update and never on unrelated renders
 * (a parent re-rendering, a hover). `read` must be a stable function (module level or memoised), since
 * it is part of the memo key.
 */
import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";

export function useDocValue<T>(doc: Y.Doc | null | undefined, read: (doc: Y.Doc) => T): T | null {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!doc) return;
    const onUpdate = () => setVersion((v) => v + 1);
    doc.on("update", onUpdate);
    // The document may have changed between render and subscription (IndexedDB loading, a sync).
    setVersion((v) => v + 1);
    return () => doc.off("update", onUpdate);
  }, [doc]);
  // `version` is the memo's trigger: the doc object stays the same while its content changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (doc ? read(doc) : null), [doc, read, version]);
}
