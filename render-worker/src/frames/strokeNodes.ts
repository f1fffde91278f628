/**
 * A stroke as Konva shapes, in frame pixels. Keep in step with the client's StrokeShape
 * (client/src/drawing/StrokeShape.tsx) and strokesToSvg in shared: widths are thousandths of the frame
 * width, text is 6× the width, arrowheads 4×, the camera-move dash 3:2 with the movement written beside it,
 * and the eraser clears its own layer (destination-out).
 */
import type { Stroke } from "@aiuteur/shared";
import { Konva } from "./konvaNode.js";

export interface FrameSize {
  width: number;
  height: number;
}

export function strokeNode(stroke: Stroke, frame: FrameSize, movementLabel: string, colorOverride?: string): Konva.Shape | Konva.Group {
  const color = colorOverride ?? stroke.color;
  const w = Math.max(0.5, (stroke.width / 1000) * frame.width);
  const pts = stroke.points.map((v, i) => (i % 2 === 0 ? v * frame.width : v * frame.height));
  const [x0 = 0, y0 = 0] = pts;
  const x1 = pts[pts.length - 2] ?? x0;
  const y1 = pts[pts.length - 1] ?? y0;
  const common = { stroke: color, strokeWidth: w, lineCap: "round" as const, lineJoin: "round" as const, listening: false };
  // A single point (a tap) is drawn as a dot: a zero-length round-capped line.
  const freehand = pts.length === 2 ? [x0, y0, x0 + 0.01, y0] : pts;

  switch (stroke.tool) {
    case "pen":
      return new Konva.Line({ points: freehand, ...common });
    case "eraser":
      return new Konva.Line({ ...common, points: freehand, stroke: "#000000", globalCompositeOperation: "destination-out" });
    case "line":
      return new Konva.Line({ points: [x0, y0, x1, y1], ...common });
    case "arrow":
      return new Konva.Arrow({ points: [x0, y0, x1, y1], fill: color, pointerLength: w * 4, pointerWidth: w * 4, ...common });
    case "cameraMove": {
      const group = new Konva.Group({ listening: false });
      group.add(new Konva.Arrow({ points: [x0, y0, x1, y1], fill: color, pointerLength: w * 4, pointerWidth: w * 4, dash: [w * 3, w * 2], ...common }));
      const label = movementLabel.toUpperCase();
      if (label !== "") {
        group.add(
          new Konva.Text({
            x: (x0 + x1) / 2 + w * 2,
            y: (y0 + y1) / 2 + w * 2,
            text: label,
            fontSize: Math.max(10, w * 4),
            fontStyle: "bold",
            fontFamily: "sans-serif",
            fill: color,
            listening: false,
          }),
        );
      }
      return group;
    }
    case "rect":
      return new Konva.Rect({ x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), ...common });
    case "ellipse":
      return new Konva.Ellipse({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, radiusX: Math.abs(x1 - x0) / 2, radiusY: Math.abs(y1 - y0) / 2, ...common });
    case "text":
      return new Konva.Text({ x: x0, y: y0, text: stroke.text, fontSize: Math.max(6, w * 6), fontFamily: "sans-serif", fill: color, listening: false });
  }
}
