/**
 * The Konva stage of the panel: the white frame with the reference image, the sketch layer and the
 * annotations layer (each a Konva Layer, so an eraser stroke — destination-out — only clears its own
 * layer), plus the stroke being drawn. It only renders: pointer input is handled by the wrapper element.
 */
import { useEffect, useState } from "react";
import { Image as KonvaImage, Layer, Rect, Stage } from "react-konva";
import type { Stroke } from "@aiuteur/shared";
import type { Size, View } from "./geometry";
import { StrokeShape } from "./StrokeShape";

export type LayerName = "sketch" | "annotations";

interface Props {
  frame: Size;
  view: View;
  sketch: readonly Stroke[];
  annotations: readonly Stroke[];
  showAnnotations: boolean;
  draft: { layer: LayerName; stroke: Stroke } | null;
  selectedId: string | null;
  backgroundUrl: string | null;
  movementLabel: string;
}

function useImage(url: string | null): HTMLImageElement | null {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    setImage(null);
    if (!url) return;
    const img = new window.Image();
    img.onload = () => setImage(img);
    img.src = url;
    return () => {
      img.onload = null;
    };
  }, [url]);
  return image;
}

/** The image scaled to fit inside the frame, centred (letterboxed, never cropped). */
function containIn(image: HTMLImageElement, frame: Size) {
  const scale = Math.min(frame.width / image.naturalWidth, frame.height / image.naturalHeight);
  const width = image.naturalWidth * scale;
  const height = image.naturalHeight * scale;
  return { x: (frame.width - width) / 2, y: (frame.height - height) / 2, width, height };
}

export function PanelStage({ frame, view, sketch, annotations, showAnnotations, draft, selectedId, backgroundUrl, movementLabel }: Props) {
  const image = useImage(backgroundUrl);
  const shapes = (strokes: readonly Stroke[], layer: LayerName) => [
    ...strokes.map((s) => (
      <StrokeShape key={s.id} stroke={s} frame={frame} movementLabel={movementLabel} selected={s.id === selectedId} />
    )),
    ...(draft?.layer === layer ? [<StrokeShape key="draft" stroke={draft.stroke} frame={frame} movementLabel={movementLabel} />] : []),
  ];
  return (
    <Stage width={frame.width} height={frame.height} scaleX={view.scale} scaleY={view.scale} x={view.x} y={view.y} listening={false}>
      <Layer listening={false}>
        <Rect width={frame.width} height={frame.height} fill="#ffffff" />
        {image && <KonvaImage image={image} {...containIn(image, frame)} />}
      </Layer>
      <Layer listening={false}>{shapes(sketch, "sketch")}</Layer>
      {/* Annotations sit over the sketch, slightly see-through, so notes read as notes and not as art. */}
      <Layer listening={false} opacity={0.8} visible={showAnnotations || draft?.layer === "annotations"}>
        {shapes(annotations, "annotations")}
      </Layer>
    </Stage>
  );
}
