/**
 * The 16:9 panel editor of one shot: the toolbar, the Konva stage (reference image, sketch, annotations),
 * pointer and keyboard input, and the HTML overlay (comment pins, live pointers, text box).
 *
 * The sketch lives in the shot document, the annotations in the shot's notes document; each layer has its
 * own undo manager that only ever undoes this page's strokes.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { ANNOTATIONS_ARRAY, SKETCH_ARRAY, readStrokes, type Stroke } from "@aiuteur/shared";
import { DrawingToolbar } from "./DrawingToolbar";
import { LAYER_COLOURS, type EditorState } from "./editorState";
import { IDENTITY_VIEW, ZOOM_STEP, fitFrame, zoomAt, type Point, type View } from "./geometry";
import { createLayerUndo, type LayerUndo } from "./layerUndo";
import type { RemotePointer } from "./livePointers";
import { PanelOverlay, type Pin } from "./PanelOverlay";
import { PanelStage, type LayerName } from "./PanelStage";
import { usePanelInput, type CommentAnchor } from "./usePanelInput";
import { useDrawingShortcuts } from "./useDrawingShortcuts";
import { useYValue } from "./useYValue";

interface Props {
  shotDoc: Y.Doc | null;
  notesDoc: Y.Doc | null;
  canSketch: boolean;
  sketchLockedReason: string | null;
  canAnnotate: boolean;
  author: string;
  movementLabel: string;
  backgroundUrl: string | null;
  pins: readonly Pin[];
  activeThreadId: string | null;
  onPinClick(threadId: string): void;
  onComment(anchor: CommentAnchor): void;
  pointers: readonly RemotePointer[];
  publishPointer(point: Point | null, tool: string): void;
}

const NO_STROKES: Stroke[] = [];

/** One undo manager per layer array for as long as the array exists. */
function useLayerUndo(list: Y.Array<unknown> | null, origin: object): LayerUndo | null {
  const [undo, setUndo] = useState<LayerUndo | null>(null);
  useEffect(() => {
    if (!list) return setUndo(null);
    const created = createLayerUndo(list, origin);
    setUndo(created);
    return () => created.destroy();
  }, [list, origin]);
  return undo;
}

/** The width available to the panel, followed as the window or the layout changes. */
function useAvailableSize(element: HTMLElement | null) {
  const [size, setSize] = useState({ width: 640, height: 360 });
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      // Leave room for the header and toolbar so the whole frame is visible without scrolling on desktop.
      const maxHeight = Math.max(180, window.innerHeight - 230);
      setSize({ width: Math.max(200, element.clientWidth), height: maxHeight });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [element]);
  return size;
}

export function PanelEditor(props: Props) {
  const { shotDoc, notesDoc, canSketch, canAnnotate } = props;
  const sketchList = useMemo(() => shotDoc?.getArray<unknown>(SKETCH_ARRAY) ?? null, [shotDoc]);
  const annotationList = useMemo(() => notesDoc?.getArray<unknown>(ANNOTATIONS_ARRAY) ?? null, [notesDoc]);
  const sketch = useYValue(sketchList, () => (sketchList ? readStrokes(sketchList) : NO_STROKES), NO_STROKES);
  const annotations = useYValue(annotationList, () => (annotationList ? readStrokes(annotationList) : NO_STROKES), NO_STROKES);

  // Our origin: transactions tagged with it are ours, and only those are undoable here.
  const origin = useRef({}).current;
  const sketchUndo = useLayerUndo(sketchList, origin);
  const annotationsUndo = useLayerUndo(annotationList, origin);

  const [state, setState] = useState<EditorState>(() => {
    const layer = canSketch ? "sketch" : "annotations";
    return { tool: "pen", color: LAYER_COLOURS[layer], width: 4, layer, showAnnotations: true };
  });
  // A role or connection change can lock the chosen layer: move to one this person may draw on.
  useEffect(() => {
    setState((s) =>
      s.layer === "sketch" && !canSketch && canAnnotate
        ? { ...s, layer: "annotations", color: s.color === LAYER_COLOURS.sketch ? LAYER_COLOURS.annotations : s.color }
        : s,
    );
  }, [canSketch, canAnnotate]);
  const change = useCallback((patch: Partial<EditorState>) => setState((s) => ({ ...s, ...patch })), []);

  const layerWritable = (layer: LayerName) => (layer === "sketch" ? canSketch : canAnnotate);
  const activeUndo = layerWritable(state.layer) ? (state.layer === "sketch" ? sketchUndo : annotationsUndo) : null;
  const activeStrokes = state.layer === "sketch" ? sketch : annotations;

  // Re-render when the undo stacks change, so the buttons enable and disable.
  const [, setStackVersion] = useState(0);
  useEffect(() => activeUndo?.onChange(() => setStackVersion((v) => v + 1)), [activeUndo]);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = selectedId !== null && activeStrokes.some((s) => s.id === selectedId) ? selectedId : null;
  const deleteSelected = () => {
    if (selected && activeUndo) activeUndo.remove(selected);
    setSelectedId(null);
  };

  const [area, setArea] = useState<HTMLDivElement | null>(null);
  const available = useAvailableSize(area);
  const frame = fitFrame(available);
  const [view, setView] = useState<View>(IDENTITY_VIEW);
  const centre = { x: frame.width / 2, y: frame.height / 2 };

  const [textAt, setTextAt] = useState<Point | null>(null);
  const spaceHeld = useDrawingShortcuts({
    setTool: (tool) => change({ tool }),
    undo: () => activeUndo?.undo(),
    redo: () => activeUndo?.redo(),
    zoomIn: () => setView((v) => zoomAt(v, centre, ZOOM_STEP)),
    zoomOut: () => setView((v) => zoomAt(v, centre, 1 / ZOOM_STEP)),
    resetView: () => setView(IDENTITY_VIEW),
    deleteSelected,
    cancel: () => setSelectedId(null),
  });

  const wrapper = useRef<HTMLDivElement | null>(null);
  const { publishPointer } = props;
  const input = usePanelInput({
    wrapper,
    frame,
    view,
    setView,
    state,
    undo: activeUndo,
    activeStrokes,
    canComment: canAnnotate,
    author: props.author,
    spaceHeld,
    onSelect: setSelectedId,
    onPlaceText: setTextAt,
    onComment: props.onComment,
    publishPointer: (point) => publishPointer(point, state.tool),
  });

  const placeText = (text: string | null) => {
    if (text !== null && textAt && activeUndo) {
      activeUndo.add({ tool: "text", points: [textAt.x, textAt.y], color: state.color, width: state.width, text, author: props.author });
    }
    setTextAt(null);
  };

  const draft = input.draft ? { layer: state.layer, stroke: input.draft } : null;
  return (
    <div className="panel-editor">
      <DrawingToolbar
        state={state}
        onChange={change}
        canSketch={canSketch}
        sketchLockedReason={props.sketchLockedReason}
        canAnnotate={canAnnotate}
        canComment={canAnnotate}
        canUndo={activeUndo?.canUndo() ?? false}
        canRedo={activeUndo?.canRedo() ?? false}
        onUndo={() => activeUndo?.undo()}
        onRedo={() => activeUndo?.redo()}
        hasSelection={selected !== null && activeUndo !== null}
        onDeleteSelected={deleteSelected}
        zoomPercent={Math.round(view.scale * 100)}
        onZoomIn={() => setView((v) => zoomAt(v, centre, ZOOM_STEP))}
        onZoomOut={() => setView((v) => zoomAt(v, centre, 1 / ZOOM_STEP))}
        onResetView={() => setView(IDENTITY_VIEW)}
      />
      <div className="panel-area" ref={setArea}>
        <div
          ref={wrapper}
          className={`panel-canvas tool-${state.tool}`}
          style={{ width: frame.width, height: frame.height }}
          data-testid="panel-canvas"
          data-sketch-count={sketch.length}
          data-annotation-count={annotations.length}
          data-layer={state.layer}
          data-tool={state.tool}
          role="application"
          aria-label={`Shot panel, drawing on the ${state.layer} layer with the ${state.tool} tool`}
          {...input.handlers}
        >
          <PanelStage
            frame={frame}
            view={view}
            sketch={sketch}
            annotations={annotations}
            showAnnotations={state.showAnnotations}
            draft={draft}
            selectedId={selected}
            backgroundUrl={props.backgroundUrl}
            movementLabel={props.movementLabel}
          />
          <PanelOverlay
            frame={frame}
            view={view}
            pins={props.pins}
            activeThreadId={props.activeThreadId}
            onPinClick={props.onPinClick}
            dragRegion={input.region}
            pointers={props.pointers}
            textAt={textAt}
            onTextDone={placeText}
          />
        </div>
      </div>
    </div>
  );
}
