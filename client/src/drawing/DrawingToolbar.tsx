/** The panel editor's toolbar: layer, tools, colour, width, undo/redo, delete, zoom, annotation visibility. */
import { PALETTE } from "@aiuteur/shared";
import { isMac } from "../editor/shortcuts";
import { BinIcon, CommentIcon } from "./icons";
import { LAYER_COLOURS, TOOLS, WIDTHS, type EditorState, type EditorTool } from "./editorState";
import type { LayerName } from "./PanelStage";

interface Props {
  state: EditorState;
  onChange(patch: Partial<EditorState>): void;
  canSketch: boolean;
  /** Why the sketch layer is locked (the tooltip), when it is. */
  sketchLockedReason: string | null;
  canAnnotate: boolean;
  canComment: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  hasSelection: boolean;
  onDeleteSelected(): void;
  zoomPercent: number;
  onZoomIn(): void;
  onZoomOut(): void;
  onResetView(): void;
}

function toolEnabled(tool: EditorTool, props: Props): boolean {
  if (tool === "comment") return props.canComment;
  if (tool === "select") return true;
  return props.state.layer === "sketch" ? props.canSketch : props.canAnnotate;
}

export function DrawingToolbar(props: Props) {
  const { state, onChange } = props;
  const mod = isMac() ? "⌘" : "Ctrl+";
  const layerButton = (layer: LayerName, label: string, enabled: boolean, why: string | null) => (
    <button
      type="button"
      role="radio"
      aria-checked={state.layer === layer}
      className="panel-layer-button"
      disabled={!enabled}
      title={enabled ? `Draw on the ${label.toLowerCase()} layer` : (why ?? undefined)}
      data-testid={`layer-${layer}`}
      onClick={() => {
        // Keep each layer's own default colour unless the person picked another one.
        const other = layer === "sketch" ? LAYER_COLOURS.annotations : LAYER_COLOURS.sketch;
        onChange(state.color === other ? { layer, color: LAYER_COLOURS[layer] } : { layer });
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="panel-toolbar" role="toolbar" aria-label="Drawing tools" data-testid="drawing-toolbar">
      <div className="panel-toolbar-group" role="radiogroup" aria-label="Layer">
        {layerButton("sketch", "Sketch", props.canSketch, props.sketchLockedReason)}
        {layerButton("annotations", "Annotations", props.canAnnotate, "You can't write notes on this shot.")}
      </div>
      <div className="panel-toolbar-group" role="radiogroup" aria-label="Tool">
        {TOOLS.map((t) => (
          <button
            key={t.tool}
            type="button"
            role="radio"
            aria-checked={state.tool === t.tool}
            aria-label={t.label}
            title={`${t.label} (${t.key.toUpperCase()})`}
            className="panel-tool"
            disabled={!toolEnabled(t.tool, props)}
            data-testid={`tool-${t.tool}`}
            onClick={() => onChange({ tool: t.tool })}
          >
            {t.tool === "comment" ? <CommentIcon /> : <span aria-hidden="true">{t.icon}</span>}
          </button>
        ))}
      </div>
      <div className="panel-toolbar-group" role="radiogroup" aria-label="Colour">
        {PALETTE.map((color) => (
          <button
            key={color}
            type="button"
            role="radio"
            aria-checked={state.color === color}
            aria-label={`Colour ${color}`}
            className="panel-swatch"
            style={{ background: color }}
            onClick={() => onChange({ color })}
          />
        ))}
        <input
          type="color"
          className="panel-custom-colour"
          aria-label="Custom colour"
          value={state.color}
          onChange={(e) => onChange({ color: e.target.value })}
        />
      </div>
      <div className="panel-toolbar-group panel-width">
        <select value={state.width} aria-label="Width" data-testid="stroke-width" onChange={(e) => onChange({ width: Number(e.target.value) })}>
          {WIDTHS.map((w) => (
            <option key={w} value={w}>
              {w === 2 ? "Fine" : w === 4 ? "Medium" : w === 8 ? "Bold" : w === 16 ? "Heavy" : "Marker"}
            </option>
          ))}
        </select>
      </div>
      <div className="panel-toolbar-group">
        <button type="button" className="panel-tool" aria-label="Undo" title={`Undo (${mod}Z)`} disabled={!props.canUndo} onClick={props.onUndo} data-testid="drawing-undo">
          ↶
        </button>
        <button type="button" className="panel-tool" aria-label="Redo" title={`Redo (${mod}Shift+Z)`} disabled={!props.canRedo} onClick={props.onRedo} data-testid="drawing-redo">
          ↷
        </button>
        <button
          type="button"
          className="panel-tool"
          aria-label="Delete selected stroke"
          title="Delete selected stroke (Delete)"
          disabled={!props.hasSelection}
          onClick={props.onDeleteSelected}
          data-testid="delete-stroke"
        >
          <BinIcon />
        </button>
      </div>
      <div className="panel-toolbar-group">
        <button type="button" className="panel-tool" aria-label="Zoom out" title="Zoom out (−)" onClick={props.onZoomOut}>
          −
        </button>
        <button type="button" className="panel-zoom" aria-label="Reset view" title="Reset view (0)" onClick={props.onResetView} data-testid="zoom-reset">
          {props.zoomPercent}%
        </button>
        <button type="button" className="panel-tool" aria-label="Zoom in" title="Zoom in (+)" onClick={props.onZoomIn}>
          +
        </button>
      </div>
      <label className="panel-toolbar-group panel-toggle">
        <input
          type="checkbox"
          checked={state.showAnnotations}
          onChange={(e) => onChange({ showAnnotations: e.target.checked })}
          data-testid="show-annotations"
        />
        Show annotations
      </label>
      {!props.canSketch && props.sketchLockedReason && (
        <p className="panel-layer-note muted" data-testid="sketch-locked-note">
          {props.sketchLockedReason}
        </p>
      )}
    </div>
  );
}
