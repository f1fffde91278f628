/** A Y.Doc built from a state the server sends (a version's, a document's current one), loaded once per key. */
import type * as Y from "yjs";
import { messageOf } from "../app/api";
import { useResource } from "../app/hooks/useResource";
import { docFromStates } from "./stateDoc";

export interface DocState {
  doc: Y.Doc | null;
  error: string | null;
}

export function useDocState(key: string | null, load: (signal: AbortSignal) => Promise<Uint8Array[]>): DocState {
  const resource = useResource(key, async (signal) => docFromStates(...(await load(signal))));
  return { doc: resource.data ?? null, error: resource.error ? messageOf(resource.error) : null };
}
