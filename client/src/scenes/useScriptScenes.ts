/** The scenes of a script document, derived live (the "script hub"): recomputed on each script update. */
import type * as Y from "yjs";
import { deriveScenes, readScreenplay, type DerivedScene } from "@aiuteur/shared";
import { useDocValue } from "./useDocValue";

export function scenesOfScript(doc: Y.Doc): DerivedScene[] {
  return deriveScenes(readScreenplay(doc).blocks);
}

/** Null until the document is open. */
export function useScriptScenes(doc: Y.Doc | null | undefined): DerivedScene[] | null {
  return useDocValue(doc, scenesOfScript);
}
