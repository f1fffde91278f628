/**
 * Konva drawing in Node on @napi-rs/canvas. Konva 10 ships backends only for `canvas` and `skia-canvas`;
 * this does what those do (konva/lib/skia-backend.js) for @napi-rs/canvas: it tells Konva how to create a
 * canvas and an image, once, before any stage is made. Import Konva from here, never from "konva" directly,
 * so the setup has always run first.
 */
import Konva from "konva";
import { Canvas, DOMMatrix, Image, Path2D, loadImage } from "@napi-rs/canvas";

type Patchable = Record<string, unknown>;

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const globals = globalThis as unknown as Patchable;
  // Konva reaches for these globals (matrix maths, path shapes) the way a browser provides them.
  globals.DOMMatrix ??= DOMMatrix;
  globals.Path2D ??= Path2D;
  // Frames are made at their exact pixel size: no device pixel ratio in a worker.
  Konva.pixelRatio = 1;
  const util = Konva.Util as unknown as Patchable;
  util.createCanvasElement = () => {
    const node = new Canvas(300, 300) as unknown as Patchable;
    // Konva sets style.width/height on its canvases; a plain object absorbs that.
    node.style ??= {};
    return node;
  };
  util.createImageElement = () => new Image();
}

install();

export { Konva };

/** Decoded PNG/JPEG bytes, ready for a Konva.Image. Rejects bytes that are not an image. */
export async function loadPicture(bytes: Uint8Array): Promise<Image> {
  return loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** A @napi-rs/canvas picture as the image of a Konva.Image (Konva types it as the DOM's CanvasImageSource). */
export function konvaImageSource(source: Canvas | Image): Konva.ImageConfig["image"] {
  return source as unknown as Konva.ImageConfig["image"];
}
