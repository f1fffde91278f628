/**
 * The poster (a full-size PNG) and the thumbnail (320×180 JPEG) of a clip, made from one of its RGBA frames.
 */
import { writeFile, rename } from "node:fs/promises";
import { createCanvas } from "@napi-rs/canvas";

export const THUMBNAIL_SIZE = { width: 320, height: 180 } as const;
const THUMBNAIL_QUALITY = 85;

function frameCanvas(rgba: Uint8Array, width: number, height: number) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const image = ctx.createImageData(width, height);
  image.data.set(rgba);
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** Writes to a temporary name and renames, so a half-written still is never seen under its real name. */
async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  await writeFile(`${file}.part`, bytes);
  await rename(`${file}.part`, file);
}

export async function writeStills(rgba: Uint8Array, width: number, height: number, poster: string, thumbnail: string): Promise<void> {
  const full = frameCanvas(rgba, width, height);
  await writeWhole(poster, await full.encode("png"));
  const small = createCanvas(THUMBNAIL_SIZE.width, THUMBNAIL_SIZE.height);
  const ctx = small.getContext("2d");
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(full, 0, 0, THUMBNAIL_SIZE.width, THUMBNAIL_SIZE.height);
  await writeWhole(thumbnail, await small.encode("jpeg", THUMBNAIL_QUALITY));
}
