/**
 * The frames of one shot: the panel picture (drawn once) moved by the camera, with the slate and the
 * subtitles over it, as raw RGBA buffers of the render resolution. Frames whose pose and overlays equal the
 * previous frame's are the previous buffer again (a static shot draws a handful of frames, not hundreds).
 * Everything depends only on the input, so equal input gives byte-identical frames.
 */
import type { Canvas, Image } from "@napi-rs/canvas";
import { RENDER_FPS, RENDER_RESOLUTIONS, renderContentHash, type ShotRenderInput } from "@aiuteur/shared";
import { cameraPose, maxCameraScale, type CameraPose } from "./camera.js";
import { Konva, konvaImageSource } from "./konvaNode.js";
import { SLATE_SECONDS, slateGroup, subtitleGroup } from "./overlays.js";
import { PAPER_COLOR, drawPanelPicture } from "./panelPicture.js";
import { seedOf } from "./seeded.js";
import { subtitleIndexAt, subtitleText } from "./subtitles.js";

export interface ShotFrames {
  width: number;
  height: number;
  /** round(duration × RENDER_FPS), at least 1. */
  count: number;
  durationSeconds: number;
  /** Frames from the slate's end on: where a poster should be taken from. */
  firstFrameAfterSlate: number;
  /** Frame `index` (0 … count-1) as width × height × 4 RGBA bytes. Do not modify: it may be shared. */
  frameAt(index: number): Uint8Array;
  /** Frees the Konva stage. */
  close(): void;
}

export function frameCount(durationSeconds: number): number {
  return Math.max(1, Math.round(durationSeconds * RENDER_FPS));
}

export function createShotFrames(input: ShotRenderInput, background: Image | null): ShotFrames {
  const frame = RENDER_RESOLUTIONS[input.resolution];
  const { width, height } = frame;
  const durationSeconds = input.fields.duration;
  const count = frameCount(durationSeconds);
  const move = input.fields.movement;
  // Seeded by the content hash, not the shot id: shots with equal content share one render, so they must
  // also shake alike.
  const seed = seedOf(renderContentHash(input));
  const pictureScale = maxCameraScale(move);
  const picture: Canvas = drawPanelPicture({
    frame,
    scale: pictureScale,
    background,
    sketch: input.sketch,
    annotations: input.burnAnnotations ? input.annotations : [],
    movementLabel: input.fields.movement,
  });

  const stage = new Konva.Stage({ width, height, listening: false });
  const layer = new Konva.Layer({ listening: false });
  stage.add(layer);
  layer.add(new Konva.Rect({ width, height, fill: PAPER_COLOR, listening: false }));
  const panel = new Konva.Image({ image: konvaImageSource(picture), listening: false });
  layer.add(panel);
  const slate = slateGroup(input, frame);
  layer.add(slate);
  const subtitles = input.fields.dialogue.map((line) => subtitleGroup(subtitleText(line), frame));
  layer.add(...subtitles);
  const slateFrames = Math.min(count, Math.round(SLATE_SECONDS * RENDER_FPS));

  const poseAt = (index: number): CameraPose => cameraPose(move, count > 1 ? index / (count - 1) : 0, durationSeconds, seed);
  const keyOf = (pose: CameraPose, slateOn: boolean, line: number) => `${pose.scale}|${pose.x}|${pose.y}|${slateOn}|${line}`;

  let lastKey = "";
  let lastFrame: Uint8Array | null = null;

  return {
    width,
    height,
    count,
    durationSeconds,
    firstFrameAfterSlate: Math.min(count - 1, slateFrames),
    frameAt(index) {
      const pose = poseAt(index);
      const slateOn = index < slateFrames;
      const line = subtitleIndexAt(subtitles.length, durationSeconds, index / RENDER_FPS);
      const key = keyOf(pose, slateOn, line);
      if (lastFrame && key === lastKey) return lastFrame;
      // Scale about the frame's centre, then shift by the pose's fraction of the frame.
      panel.size({ width: width * pose.scale, height: height * pose.scale });
      panel.position({ x: (width - width * pose.scale) / 2 + pose.x * width, y: (height - height * pose.scale) / 2 + pose.y * height });
      slate.visible(slateOn);
      subtitles.forEach((group, i) => group.visible(i === line));
      layer.draw();
      const canvas = layer.getNativeCanvasElement() as unknown as Canvas;
      const pixels = canvas.getContext("2d").getImageData(0, 0, width, height).data;
      lastFrame = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
      lastKey = key;
      return lastFrame;
    },
    close() {
      stage.destroy();
    },
  };
}
