/**
 * The still picture a shot's frames move over, drawn once per clip with Konva: paper, the background image
 * (letterboxed into the 16:9 frame like the panel editor does), the sketch layer and, for review copies,
 * the annotations in red. Each stroke set is its own Konva layer so an eraser only clears its own layer,
 * as in the editor. Drawn at the camera's largest scale so a push-in stays sharp.
 */
import { createCanvas, type Canvas, type Image } from "@napi-rs/canvas";
import type { Stroke } from "@aiuteur/shared";
import { Konva, konvaImageSource } from "./konvaNode.js";
import { strokeNode, type FrameSize } from "./strokeNodes.js";

export const PAPER_COLOR = "#ffffff";
/** Review annotations are burned in red, whatever colour they were drawn in, so they read as notes. */
export const ANNOTATION_COLOR = "#e53935";
/** As in the editor: annotations are slightly see-through over the sketch. */
const ANNOTATION_OPACITY = 0.8;

export interface PanelPictureInput {
  frame: FrameSize;
  /** Pixels per frame pixel: the picture is frame × scale. */
  scale: number;
  background: Image | null;
  sketch: readonly Stroke[];
  annotations: readonly Stroke[];
  movementLabel: string;
}

/** The image scaled to fit inside the frame, centred (letterboxed, never cropped). */
function containIn(image: Image, frame: FrameSize) {
  const scale = Math.min(frame.width / image.width, frame.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { x: (frame.width - width) / 2, y: (frame.height - height) / 2, width, height };
}

export function drawPanelPicture(input: PanelPictureInput): Canvas {
  const { frame, scale } = input;
  const width = Math.round(frame.width * scale);
  const height = Math.round(frame.height * scale);
  const stage = new Konva.Stage({ width, height, scaleX: scale, scaleY: scale, listening: false });
  try {
    const paper = new Konva.Layer({ listening: false });
    paper.add(new Konva.Rect({ width: frame.width, height: frame.height, fill: PAPER_COLOR, listening: false }));
    if (input.background && input.background.width > 0 && input.background.height > 0) {
      paper.add(new Konva.Image({ image: konvaImageSource(input.background), ...containIn(input.background, frame), listening: false }));
    }
    const sketch = new Konva.Layer({ listening: false });
    for (const stroke of input.sketch) sketch.add(strokeNode(stroke, frame, input.movementLabel));
    const annotations = new Konva.Layer({ listening: false });
    for (const stroke of input.annotations) annotations.add(strokeNode(stroke, frame, input.movementLabel, ANNOTATION_COLOR));
    stage.add(paper, sketch, annotations);

    const picture = createCanvas(width, height);
    const ctx = picture.getContext("2d");
    const layers: [Konva.Layer, number][] = [[paper, 1], [sketch, 1], [annotations, ANNOTATION_OPACITY]];
    for (const [layer, alpha] of layers) {
      if (layer.getChildren().length === 0) continue;
      layer.draw();
      ctx.globalAlpha = alpha;
      ctx.drawImage(layer.getNativeCanvasElement() as unknown as Canvas, 0, 0);
    }
    ctx.globalAlpha = 1;
    return picture;
  } finally {
    stage.destroy();
  }
}
