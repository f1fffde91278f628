/** A value read from a Yjs type, re-read whenever that type (or anything inside it) changes. */
import { useEffect, useState } from "react";
import type * as Y from "yjs";

export function useYValue<T>(type: Y.Array<unknown> | Y.Map<unknown> | null, read: () => T, fallback: T): T {
  const [value, setValue] = useState<T>(() => (type ? read() : fallback));
  useEffect(() => {
    if (!type) {
      setValue(fallback);
      return;
    }
    const refresh = () => setValue(read());
    refresh();
    type.observeDeep(refresh);
    return () => type.unobserveDeep(refresh);
    // `read` and `fallback` are derived from `type`; re-subscribing on every render would be wasteful.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type]);
  return value;
}
