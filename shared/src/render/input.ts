/**
 * What a shot render is made from, read from the shot document plus the little the worker learns from the
 * episode (scene number and heading for the slate), and the content hash that names the render.
 */
import type * as Y from "yjs";
import { ANNOTATIONS_ARRAY, SKETCH_ARRAY, readStrokes, type Stroke } from "../story/drawing.js";
import { readShotFields, type ShotFields } from "../story/shots.js";
import { contentName } from "./hash.js";
import { RENDERER_VERSION, type ClipFormat, type RenderResolution } from "./types.js";

export interface ShotRenderInput {
  shotId: string;
  sceneNumber: string;
  sceneHeading: string;
  fields: ShotFields;
  sketch: Stroke[];
  /** Drawn only into review copies (burnAnnotations). */
  annotations: Stroke[];
  resolution: RenderResolution;
  burnAnnotations: boolean;
  /** The clip's container and codec; absent means MP4. */
  format?: ClipFormat;
}

export interface ShotRenderContext {
  shotId: string;
  sceneNumber: string;
  sceneHeading: string;
  resolution: RenderResolution;
  burnAnnotations?: boolean;
  format?: ClipFormat;
}

/** The render input of a shot document (its notes document supplies annotations when they are burned in). */
export function readShotRenderInput(shot: Y.Doc, context: ShotRenderContext, notes?: Y.Doc): ShotRenderInput {
  const burn = context.burnAnnotations === true;
  return {
    shotId: context.shotId,
    sceneNumber: context.sceneNumber,
    sceneHeading: context.sceneHeading,
    fields: readShotFields(shot),
    sketch: readStrokes(shot.getArray(SKETCH_ARRAY)),
    annotations: burn && notes ? readStrokes(notes.getArray(ANNOTATIONS_ARRAY)) : [],
    resolution: context.resolution,
    burnAnnotations: burn,
    ...(context.format === "webm" ? { format: "webm" as const } : {}),
  };
}

/**
 * The render's name: everything that changes a frame, and nothing else (the review status, stroke authors
 * and times do not). Equal inputs give equal hashes, so their artifacts are reused.
 */
export function renderContentHash(input: ShotRenderInput): string {
  const { status: _status, ...fields } = input.fields;
  const strokes = (list: readonly Stroke[]) => list.map((s) => [s.tool, s.points, s.color, s.width, s.text]);
  const drawn = JSON.stringify([
    RENDERER_VERSION,
    input.resolution,
    input.sceneNumber,
    input.sceneHeading,
    fields,
    strokes(input.sketch),
    input.burnAnnotations ? strokes(input.annotations) : null,
    // Appended only for WebM, so every MP4 render keeps the name it had before formats were a setting.
    ...(input.format === "webm" ? ["webm"] : []),
  ]);
  return contentName(drawn);
}
