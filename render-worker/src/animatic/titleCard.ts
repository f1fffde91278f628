/**
 * A scene's title card: the scene number and heading, white on black, drawn once with @napi-rs/canvas and
 * repeated for every frame of the card (and blended like any other picture in a dissolve).
 */
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";

const FONT = '"DejaVu Sans", "Liberation Sans", sans-serif';

/** The largest font size up to `max` at which `text` fits in `width`. */
function fittedSize(ctx: SKRSContext2D, text: string, weight: string, max: number, width: number): number {
  let size = max;
  for (;;) {
    ctx.font = `${weight} ${size}px ${FONT}`;
    if (ctx.measureText(text).width <= width || size <= 8) return size;
    size = Math.floor(size * 0.9);
  }
}

export function drawTitleCard(width: number, height: number, sceneNumber: string, heading: string): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#000000";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#ffffff";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  const usable = width * 0.9;
  const label = `SCENE ${sceneNumber}`;
  ctx.font = `normal ${fittedSize(ctx, label, "normal", Math.round(height / 22), usable)}px ${FONT}`;
  ctx.fillText(label, width / 2, height * 0.42);
  const title = heading.trim().toUpperCase() || label;
  ctx.font = `bold ${fittedSize(ctx, title, "bold", Math.round(height / 12), usable)}px ${FONT}`;
  ctx.fillText(title, width / 2, height * 0.54);
  const pixels = ctx.getImageData(0, 0, width, height).data;
  return new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
}
