/** What the panel editor's toolbar controls: the tool, the pen, the layer and the view. */
import type { StrokeTool } from "@aiuteur/shared";
import type { LayerName } from "./PanelStage";

/** Drawing tools plus the two that don't draw: select (pick a stroke to delete) and comment (pin a thread). */
export type EditorTool = StrokeTool | "select" | "comment";

export interface ToolInfo {
  tool: EditorTool;
  label: string;
  /** The single-key shortcut. */
  key: string;
  /** A text glyph; "comment" uses an SVG icon instead (see DrawingToolbar). */
  icon: string;
}

export const TOOLS: readonly ToolInfo[] = [
  { tool: "select", label: "Select", key: "v", icon: "⬚" },
  { tool: "pen", label: "Pen", key: "p", icon: "✎" },
  { tool: "eraser", label: "Eraser", key: "e", icon: "⌫" },
  { tool: "line", label: "Line", key: "l", icon: "╱" },
  { tool: "arrow", label: "Arrow", key: "a", icon: "→" },
  { tool: "cameraMove", label: "Camera move", key: "c", icon: "⇢" },
  { tool: "rect", label: "Rectangle", key: "r", icon: "▭" },
  { tool: "ellipse", label: "Ellipse", key: "o", icon: "◯" },
  { tool: "text", label: "Text", key: "t", icon: "T" },
  { tool: "comment", label: "Comment", key: "m", icon: "" },
];

export const WIDTHS = [2, 4, 8, 16, 32] as const;

export interface EditorState {
  tool: EditorTool;
  color: string;
  /** Thousandths of the frame width. */
  width: number;
  layer: LayerName;
  showAnnotations: boolean;
}

/** Each layer's starting colour: annotations in red so notes never read as part of the drawing. */
export const LAYER_COLOURS = { sketch: "#111111", annotations: "#e53935" } as const;

export function isDrawingTool(tool: EditorTool): tool is StrokeTool {
  return tool !== "select" && tool !== "comment";
}

/** An eraser narrower than this is useless at phone size. */
export function effectiveWidth(tool: StrokeTool, width: number): number {
  return tool === "eraser" ? Math.max(width * 3, 16) : width;
}
