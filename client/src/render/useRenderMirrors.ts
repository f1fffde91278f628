/**
 * Render state read from the documents the render worker writes (shared/render/mirror.ts), kept current as
 * it changes: progress and results arrive through the sync path, never by polling.
 */
import { useCallback } from "react";
import type * as Y from "yjs";
import { readAnimaticMirror, readShotRenderMirror, readShotReviewMirror, type AnimaticMirror, type ShotRenderMirror } from "@aiuteur/shared";
import { useDocValue } from "../scenes/useDocValue";

/** The shot document's "render"[branchId] entry: this timeline's render of the shot. */
export function useShotRenderMirror(shotDoc: Y.Doc | null | undefined, branchId: string): ShotRenderMirror | null {
  const read = useCallback((doc: Y.Doc) => readShotRenderMirror(doc, branchId), [branchId]);
  return useDocValue(shotDoc, read);
}

/** The shot document's review copy entry (annotations burned in) for this timeline. */
export function useShotReviewMirror(shotDoc: Y.Doc | null | undefined, branchId: string): ShotRenderMirror | null {
  const read = useCallback((doc: Y.Doc) => readShotReviewMirror(doc, branchId), [branchId]);
  return useDocValue(shotDoc, read);
}

/** The episode render document's "animatic" entry. */
export function useAnimaticMirror(renderDoc: Y.Doc | null | undefined): AnimaticMirror | null {
  return useDocValue(renderDoc, readAnimaticMirror);
}
