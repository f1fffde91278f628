/**
 * Pointer input on the panel: one code path for mouse, touch and pen (Pointer Events). One pointer draws
 * with the current tool (or pans while Space is held / with the middle button); a second finger turns the
 * gesture into a pinch that zooms and pans, dropping the half-drawn stroke. The wheel zooms at the pointer.
 * A stroke is written to its layer once, on pointer-up, through the layer's undo manager.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import type { Stroke } from "@aiuteur/shared";
import { effectiveWidth, isDrawingTool, type EditorState } from "./editorState";
import {
  clampUnit,
  extendPoints,
  isWorthStoring,
  panBy,
  regionOf,
  screenToNormalised,
  strokeAt,
  zoomAt,
  type Point,
  type Size,
  type View,
} from "./geometry";
import type { LayerUndo } from "./layerUndo";

export type CommentAnchor = { x: number; y: number } | { x: number; y: number; w: number; h: number };

interface Options {
  wrapper: RefObject<HTMLDivElement | null>;
  frame: Size;
  view: View;
  setView(update: (view: View) => View): void;
  state: EditorState;
  /** The active layer's undo manager when this person may draw on it, else null. */
  undo: LayerUndo | null;
  activeStrokes: readonly Stroke[];
  canComment: boolean;
  author: string;
  spaceHeld: RefObject<boolean>;
  onSelect(id: string | null): void;
  onPlaceText(at: Point): void;
  onComment(anchor: CommentAnchor): void;
  publishPointer(point: Point | null): void;
}

type Gesture =
  | { kind: "draw"; points: number[] }
  | { kind: "pan"; last: Point }
  | { kind: "pinch"; distance: number; mid: Point }
  | { kind: "comment"; start: Point; end: Point }
  | null;

function distance(a: Point, b: Point) {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function usePanelInput(options: Options) {
  const opts = useRef(options);
  opts.current = options;
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture>(null);
  const [draft, setDraft] = useState<Stroke | null>(null);
  const [region, setRegion] = useState<{ x: number; y: number; w: number; h: number } | null>(null);

  const local = (event: { clientX: number; clientY: number }): Point => {
    const rect = opts.current.wrapper.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  };
  const toFrame = (screen: Point) => screenToNormalised(screen, opts.current.view, opts.current.frame);

  const draftStroke = (points: number[]): Stroke => {
    const { state, author } = opts.current;
    const tool = isDrawingTool(state.tool) ? state.tool : "pen";
    return { id: "draft", tool, points, color: state.color, width: effectiveWidth(tool, state.width), text: "", author, createdAt: 0 };
  };

  const cancel = () => {
    gesture.current = null;
    setDraft(null);
    setRegion(null);
  };

  const startPinch = () => {
    const [a, b] = [...pointers.current.values()];
    if (!a || !b) return;
    setDraft(null);
    setRegion(null);
    gesture.current = { kind: "pinch", distance: Math.max(1, distance(a, b)), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 && event.button !== 1) return;
    // No compatibility mousedown: its default focus change would blur the text tool's new box at once.
    // Leave any field being typed in, so tool shortcuts work again after drawing.
    event.preventDefault();
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const at = local(event);
    pointers.current.set(event.pointerId, at);
    if (pointers.current.size === 2) return startPinch();
    if (pointers.current.size > 2) return;
    const { state, undo, spaceHeld, canComment } = opts.current;
    if (event.button === 1 || spaceHeld.current) {
      gesture.current = { kind: "pan", last: at };
      return;
    }
    const point = toFrame(at);
    if (state.tool === "select") {
      opts.current.onSelect(strokeAt(opts.current.activeStrokes, point, 12 / (opts.current.frame.width * opts.current.view.scale))?.id ?? null);
    } else if (state.tool === "comment") {
      if (canComment) gesture.current = { kind: "comment", start: point, end: point };
    } else if (state.tool === "text") {
      if (undo) opts.current.onPlaceText(point);
    } else if (undo) {
      const points = extendPoints(state.tool, [], point);
      gesture.current = { kind: "draw", points };
      setDraft(draftStroke(points));
    }
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const at = local(event);
    opts.current.publishPointer(toFrame(at));
    if (!pointers.current.has(event.pointerId)) return;
    const previous = pointers.current.get(event.pointerId) ?? at;
    pointers.current.set(event.pointerId, at);
    const g = gesture.current;
    if (!g) return;
    if (g.kind === "pinch") {
      const [a, b] = [...pointers.current.values()];
      if (!a || !b) return;
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const d = Math.max(1, distance(a, b));
      const factor = d / g.distance;
      const { x: dx, y: dy } = { x: mid.x - g.mid.x, y: mid.y - g.mid.y };
      opts.current.setView((view) => zoomAt(panBy(view, dx, dy), mid, factor));
      gesture.current = { kind: "pinch", distance: d, mid };
    } else if (g.kind === "pan") {
      opts.current.setView((view) => panBy(view, at.x - previous.x, at.y - previous.y));
    } else if (g.kind === "draw") {
      const tool = isDrawingTool(opts.current.state.tool) ? opts.current.state.tool : "pen";
      // Coalesced events carry the in-between samples of a fast pen or finger: keep the curve smooth.
      const samples = typeof event.nativeEvent.getCoalescedEvents === "function" ? event.nativeEvent.getCoalescedEvents() : [];
      let points = g.points;
      for (const sample of samples.length > 0 ? samples : [event.nativeEvent]) points = extendPoints(tool, points, toFrame(local(sample)));
      gesture.current = { kind: "draw", points };
      setDraft(draftStroke(points));
    } else if (g.kind === "comment") {
      const end = toFrame(at);
      gesture.current = { ...g, end };
      setRegion(regionOf(g.start, end));
    }
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!pointers.current.delete(event.pointerId)) return;
    const g = gesture.current;
    if (g?.kind === "pinch") {
      // Lifting one finger of a pinch ends it; the other finger does not start drawing.
      if (pointers.current.size === 0) gesture.current = null;
      return;
    }
    if (pointers.current.size > 0) return;
    gesture.current = null;
    setDraft(null);
    setRegion(null);
    const { undo, state, author } = opts.current;
    if (g?.kind === "draw" && undo && isDrawingTool(state.tool) && isWorthStoring(state.tool, g.points)) {
      undo.add({ tool: state.tool, points: g.points, color: state.color, width: effectiveWidth(state.tool, state.width), text: "", author });
    } else if (g?.kind === "comment") {
      const r = regionOf(g.start, g.end);
      const dragged = r.w * opts.current.frame.width * opts.current.view.scale > 8 || r.h * opts.current.frame.height * opts.current.view.scale > 8;
      opts.current.onComment(dragged ? r : clampUnit(g.end));
    }
  };

  const onPointerCancel = (event: ReactPointerEvent<HTMLDivElement>) => {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size === 0) cancel();
  };

  const onPointerLeave = useCallback(() => opts.current.publishPointer(null), []);

  // The wheel listener must be non-passive to stop the page from scrolling while zooming the panel.
  useEffect(() => {
    const element = options.wrapper.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const at = local(event);
      opts.current.setView((view) => zoomAt(view, at, Math.exp(-event.deltaY * 0.0015)));
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.wrapper.current]);

  return { draft, region, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onPointerLeave } };
}
