/**
 * The panel's geometry, kept free of Konva and the DOM so it can be tested: where a 16:9 frame fits, how
 * the view (zoom and pan) maps screen pixels to normalised frame coordinates and back, which points a
 * shape stores, and which stroke lies under a pointer (select tool).
 *
 * Three spaces: "screen" is CSS pixels inside the canvas wrapper; "frame" is pixels of the unzoomed frame
 * (frameWidth × frameHeight); "normalised" is 0…1 of the frame, what the documents store.
 */
import { FRAME_ASPECT, type Stroke, type StrokeTool } from "@aiuteur/shared";

export interface View {
  /** Zoom factor; 1 shows the whole frame. */
  scale: number;
  /** Screen position of the frame's top-left corner. */
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export const IDENTITY_VIEW: View = { scale: 1, x: 0, y: 0 };
export const ZOOM_LIMITS = { min: 0.5, max: 8 } as const;
export const ZOOM_STEP = 1.25;

/** The largest 16:9 frame inside the available box (never smaller than 1 px, so maths stays finite). */
export function fitFrame(available: Size): Size {
  const width = Math.max(1, Math.min(available.width, available.height * FRAME_ASPECT));
  return { width: Math.round(width), height: Math.max(1, Math.round(width / FRAME_ASPECT)) };
}

/** Screen pixels → normalised frame coordinates under the current zoom and pan. */
export function screenToNormalised(screen: Point, view: View, frame: Size): Point {
  return {
    x: (screen.x - view.x) / view.scale / frame.width,
    y: (screen.y - view.y) / view.scale / frame.height,
  };
}

/** Normalised frame coordinates → screen pixels (pins, pointers and the text box are HTML over the canvas). */
export function normalisedToScreen(point: Point, view: View, frame: Size): Point {
  return { x: point.x * frame.width * view.scale + view.x, y: point.y * frame.height * view.scale + view.y };
}

export function clampScale(scale: number): number {
  return Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, scale));
}

/** Zooms by `factor` keeping the screen point `anchor` over the same spot of the frame (wheel, pinch, buttons). */
export function zoomAt(view: View, anchor: Point, factor: number): View {
  const scale = clampScale(view.scale * factor);
  const ratio = scale / view.scale;
  return { scale, x: anchor.x - (anchor.x - view.x) * ratio, y: anchor.y - (anchor.y - view.y) * ratio };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** Tools that store only a start and an end point (the shape's drag). */
export function isTwoPointTool(tool: StrokeTool): boolean {
  return tool !== "pen" && tool !== "eraser" && tool !== "text";
}

/**
 * The points a stroke in progress stores: a freehand tool appends each move (skipping moves smaller
 * than `minStep`, so a slow hand does not store thousands of points); a shape keeps start and current end.
 */
export function extendPoints(tool: StrokeTool, points: readonly number[], next: Point, minStep = 0.002): number[] {
  if (points.length < 2) return [next.x, next.y];
  if (isTwoPointTool(tool)) return [points[0] ?? next.x, points[1] ?? next.y, next.x, next.y];
  if (tool === "text") return [points[0] ?? next.x, points[1] ?? next.y];
  const lastX = points[points.length - 2] ?? next.x;
  const lastY = points[points.length - 1] ?? next.y;
  if (Math.hypot(next.x - lastX, next.y - lastY) < minStep) return [...points];
  return [...points, next.x, next.y];
}

/** A click without a drag still leaves a visible dot (pen) or nothing worth storing (a zero-size shape). */
export function isWorthStoring(tool: StrokeTool, points: readonly number[]): boolean {
  if (tool === "text") return points.length >= 2;
  if (points.length < 2) return false;
  if (!isTwoPointTool(tool)) return true;
  const [x0 = 0, y0 = 0, x1 = x0, y1 = y0] = points;
  return Math.hypot(x1 - x0, y1 - y0) > 0.005;
}

/** The two points of an arrowhead's sides, in the same units as the line (frame pixels). */
export function arrowHeadPoints(x0: number, y0: number, x1: number, y1: number, size: number): number[] {
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const left = angle + Math.PI * 0.85;
  const right = angle - Math.PI * 0.85;
  return [x1 + Math.cos(left) * size, y1 + Math.sin(left) * size, x1, y1, x1 + Math.cos(right) * size, y1 + Math.sin(right) * size];
}

function distanceToSegment(p: Point, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / length));
  return Math.hypot(p.x - (ax + t * dx), p.y - (ay + t * dy));
}

/** Distance (in frame-width units, with y scaled to the 16:9 frame) from a point to a stroke's outline. */
export function distanceToStroke(stroke: Stroke, point: Point): number {
  // Work in a space where x and y have the same unit, or hit-testing would be stretched vertically.
  const sy = 1 / FRAME_ASPECT;
  const p = { x: point.x, y: point.y * sy };
  const pts = stroke.points;
  const at = (i: number) => pts[i] ?? 0;
  if (stroke.tool === "rect" || stroke.tool === "ellipse") {
    const [x0, y0, x1, y1] = [at(0), at(1) * sy, at(2), at(3) * sy];
    const corners = [x0, y0, x1, y0, x1, y1, x0, y1, x0, y0];
    let best = Infinity;
    for (let i = 0; i + 3 < corners.length; i += 2) {
      best = Math.min(best, distanceToSegment(p, corners[i] ?? 0, corners[i + 1] ?? 0, corners[i + 2] ?? 0, corners[i + 3] ?? 0));
    }
    return best;
  }
  if (stroke.tool === "text") {
    const width = Math.max(0.02, stroke.text.length * (stroke.width / 1000) * 3.5);
    const height = (stroke.width / 1000) * 7;
    const inside = p.x >= at(0) && p.x <= at(0) + width && p.y >= at(1) * sy && p.y <= at(1) * sy + height;
    return inside ? 0 : Math.hypot(p.x - (at(0) + width / 2), p.y - (at(1) * sy + height / 2));
  }
  if (pts.length === 2) return Math.hypot(p.x - at(0), p.y - at(1) * sy);
  let best = Infinity;
  for (let i = 0; i + 3 < pts.length; i += 2) {
    best = Math.min(best, distanceToSegment(p, at(i), at(i + 1) * sy, at(i + 2), at(i + 3) * sy));
  }
  return best;
}

/** The topmost stroke within `tolerance` of the point (eraser strokes are not selectable shapes). */
export function strokeAt(strokes: readonly Stroke[], point: Point, tolerance: number): Stroke | null {
  for (let i = strokes.length - 1; i >= 0; i--) {
    const stroke = strokes[i];
    if (!stroke || stroke.tool === "eraser") continue;
    if (distanceToStroke(stroke, point) <= tolerance + stroke.width / 2000) return stroke;
  }
  return null;
}

/** A dragged comment region, normalised and clamped into the frame (threads require 0…1). */
export function regionOf(start: Point, end: Point): { x: number; y: number; w: number; h: number } {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const x0 = clamp(Math.min(start.x, end.x));
  const y0 = clamp(Math.min(start.y, end.y));
  const x1 = clamp(Math.max(start.x, end.x));
  const y1 = clamp(Math.max(start.y, end.y));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function clampUnit(point: Point): Point {
  return { x: Math.min(1, Math.max(0, point.x)), y: Math.min(1, Math.max(0, point.y)) };
}
