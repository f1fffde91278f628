/** A real, small PNG for the provider doubles to return: a sky-and-ground picture of the asked size. */
import { createCanvas } from "@napi-rs/canvas";

export function samplePng(width = 96, height = 64): Uint8Array {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#87a9c9";
  context.fillRect(0, 0, width, height);
  context.fillStyle = "#4f6b3a";
  context.fillRect(0, Math.round(height * 0.6), width, height);
  return new Uint8Array(canvas.toBuffer("image/png"));
}
