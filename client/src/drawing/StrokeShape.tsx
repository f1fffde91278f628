/**
 * One stroke drawn with Konva, in frame pixels (the stage applies zoom and pan). Keep in step with
 * strokesToSvg in shared/src/story/drawing.ts, which draws the same strokes for the storyboard thumbnails:
 * text size, arrowheads and the camera-move dash follow the same rules.
 */
import { Arrow, Ellipse, Group, Line, Rect, Text } from "react-konva";
import type { Stroke } from "@aiuteur/shared";
import type { Size } from "./geometry";

interface Props {
  stroke: Stroke;
  frame: Size;
  /** The shot's camera movement, written beside camera-move arrows. */
  movementLabel: string;
  selected?: boolean;
}

export function StrokeShape({ stroke, frame, movementLabel, selected = false }: Props) {
  const w = Math.max(0.5, (stroke.width / 1000) * frame.width);
  const pts = stroke.points.map((v, i) => (i % 2 === 0 ? v * frame.width : v * frame.height));
  const [x0 = 0, y0 = 0] = pts;
  const x1 = pts[pts.length - 2] ?? x0;
  const y1 = pts[pts.length - 1] ?? y0;
  const highlight = selected ? { shadowColor: "#1e88e5", shadowBlur: 8, shadowOpacity: 1, shadowEnabled: true } : {};
  const common = { stroke: stroke.color, strokeWidth: w, lineCap: "round" as const, lineJoin: "round" as const, ...highlight };

  switch (stroke.tool) {
    case "pen":
      // A single point (a tap) is drawn as a dot: a zero-length round-capped line.
      return <Line points={pts.length === 2 ? [x0, y0, x0 + 0.01, y0] : pts} {...common} />;
    case "eraser":
      return (
        <Line
          points={pts.length === 2 ? [x0, y0, x0 + 0.01, y0] : pts}
          stroke="#000000"
          strokeWidth={w}
          lineCap="round"
          lineJoin="round"
          globalCompositeOperation="destination-out"
        />
      );
    case "line":
      return <Line points={[x0, y0, x1, y1]} {...common} />;
    case "arrow":
      return <Arrow points={[x0, y0, x1, y1]} fill={stroke.color} pointerLength={w * 4} pointerWidth={w * 4} {...common} />;
    case "cameraMove": {
      const label = movementLabel.toUpperCase();
      const fontSize = Math.max(10, w * 4);
      return (
        <Group>
          <Arrow points={[x0, y0, x1, y1]} fill={stroke.color} pointerLength={w * 4} pointerWidth={w * 4} dash={[w * 3, w * 2]} {...common} />
          {label !== "" && (
            <Text
              x={(x0 + x1) / 2 + w * 2}
              y={(y0 + y1) / 2 + w * 2}
              text={label}
              fontSize={fontSize}
              fontStyle="bold"
              fill={stroke.color}
            />
          )}
        </Group>
      );
    }
    case "rect":
      return <Rect x={Math.min(x0, x1)} y={Math.min(y0, y1)} width={Math.abs(x1 - x0)} height={Math.abs(y1 - y0)} {...common} />;
    case "ellipse":
      return (
        <Ellipse x={(x0 + x1) / 2} y={(y0 + y1) / 2} radiusX={Math.abs(x1 - x0) / 2} radiusY={Math.abs(y1 - y0) / 2} {...common} />
      );
    case "text":
      return <Text x={x0} y={y0} text={stroke.text} fontSize={Math.max(6, w * 6)} fontFamily="sans-serif" fill={stroke.color} {...highlight} />;
  }
}
