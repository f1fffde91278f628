/**
 * What is drawn over the moving picture and does not move with the camera: the slate on the first second
 * (scene, shot, duration, size/angle/lens) and the dialogue subtitle, both sized from the frame height so
 * 720p and 1080p look alike.
 */
import type { ShotRenderInput } from "@aiuteur/shared";
import { Konva } from "./konvaNode.js";
import type { FrameSize } from "./strokeNodes.js";

/** How long the slate stays up at the start of a clip. */
export const SLATE_SECONDS = 1;
const FONT = "sans-serif";

export function slateLines(input: ShotRenderInput): string[] {
  const { fields } = input;
  const heading = input.sceneHeading.trim();
  const camera = [fields.size, fields.angle, fields.lens.trim(), fields.movement === "static" ? "" : fields.movement].filter((part) => part !== "");
  return [
    `SCENE ${input.sceneNumber}${heading ? `  ${heading.toUpperCase()}` : ""}`,
    `SHOT ${fields.number}    ${fields.duration.toFixed(1)} s`,
    camera.join(" · "),
  ];
}

/** The slate: a dark card in the top-left corner with white lines. */
export function slateGroup(input: ShotRenderInput, frame: FrameSize): Konva.Group {
  const unit = frame.height / 720;
  const margin = 24 * unit;
  const padding = 18 * unit;
  const group = new Konva.Group({ x: margin, y: margin, listening: false });
  const texts = slateLines(input).map(
    (line, i) =>
      new Konva.Text({
        x: padding,
        y: padding + i * 40 * unit,
        text: line,
        fontSize: (i === 0 ? 30 : 26) * unit,
        fontStyle: i < 2 ? "bold" : "normal",
        fontFamily: FONT,
        fill: "#ffffff",
        // Long scene headings are cut at 60% of the frame, not wrapped over the picture.
        width: Math.min(frame.width * 0.6, frame.width - 2 * (margin + padding)),
        wrap: "none",
        ellipsis: true,
        listening: false,
      }),
  );
  const width = Math.max(...texts.map((t) => t.getTextWidth())) + 2 * padding;
  const height = padding * 2 + (texts.length - 1) * 40 * unit + 30 * unit;
  group.add(new Konva.Rect({ width: Math.min(width, frame.width * 0.6 + 2 * padding), height, fill: "rgba(0,0,0,0.78)", cornerRadius: 8 * unit, listening: false }));
  group.add(...texts);
  return group;
}

/** The subtitle of one dialogue line: white bold text with a black outline on a dark box, bottom centre. */
export function subtitleGroup(text: string, frame: FrameSize): Konva.Group {
  const unit = frame.height / 720;
  const fontSize = 32 * unit;
  const boxWidth = frame.width * 0.8;
  const label = new Konva.Text({
    width: boxWidth,
    text,
    align: "center",
    fontSize,
    fontStyle: "bold",
    fontFamily: FONT,
    lineHeight: 1.25,
    padding: 10 * unit,
    fill: "#ffffff",
    stroke: "#000000",
    strokeWidth: 3 * unit,
    // Outline under the fill, so the letters keep their full shape.
    fillAfterStrokeEnabled: true,
    listening: false,
  });
  const height = label.height();
  // The box hugs the longest line, so a short line does not put a bar across the whole picture.
  const padding = label.padding();
  const textWidth = Math.max(0, ...label.textArr.map((line) => line.width));
  const fitted = Math.min(boxWidth, textWidth + 2 * padding + 8 * unit);
  const group = new Konva.Group({ x: (frame.width - boxWidth) / 2, y: frame.height - 36 * unit - height, listening: false });
  group.add(new Konva.Rect({ x: (boxWidth - fitted) / 2, width: fitted, height, fill: "rgba(0,0,0,0.7)", cornerRadius: 6 * unit, listening: false }), label);
  return group;
}
