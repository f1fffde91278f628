/** The beat sheet as plain data, recomputed on each update of the beats document. */
import type * as Y from "yjs";
import { readBeats, type Beat } from "@aiuteur/shared";
import { useDocValue } from "../scenes/useDocValue";

export function useBeats(doc: Y.Doc | null | undefined): Beat[] | null {
  return useDocValue(doc, readBeats);
}
