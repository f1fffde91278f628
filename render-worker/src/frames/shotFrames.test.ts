import { describe, expect, it } from "vitest";
import { createCanvas } from "@napi-rs/canvas";
import { createShotFrames } from "./shotFrames.js";
import { loadPicture } from "./konvaNode.js";
import { testShot, testStroke } from "./testing/testShots.js";

const W = 1280;
const H = 720;

function pixel(frame: Uint8Array, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * W + Math.round(x)) * 4;
  return [frame[i]!, frame[i + 1]!, frame[i + 2]!];
}

const isDark = ([r, g, b]: [number, number, number]) => r < 80 && g < 80 && b < 80;
const isWhite = ([r, g, b]: [number, number, number]) => r > 240 && g > 240 && b > 240;
const isShaded = ([r, g, b]: [number, number, number]) => r < 140 && g < 140 && b < 140;
const isRed = ([r, g, b]: [number, number, number]) => r > 180 && g < 110 && b < 110;

/** Pixels in a rectangle that pass the test. */
function countIn(frame: Uint8Array, x0: number, y0: number, x1: number, y1: number, test: (p: [number, number, number]) => boolean): number {
  let n = 0;
  for (let y = y0; y < y1; y += 1) for (let x = x0; x < x1; x += 1) if (test(pixel(frame, x, y))) n += 1;
  return n;
}

/** The x of the first and last dark pixel along a row: where a drawn outline crosses it. */
function darkSpan(frame: Uint8Array, y: number): [number, number] {
  let first = -1;
  let last = -1;
  for (let x = 0; x < W; x += 1) {
    if (isDark(pixel(frame, x, y))) {
      if (first < 0) first = x;
      last = x;
    }
  }
  return [first, last];
}

/** A black outlined box around the centre of the frame, well clear of the slate and the subtitles. */
const box = testStroke("rect", [0.35, 0.4, 0.65, 0.6], { width: 4 });

describe("shot frames", () => {
  it("draws RGBA frames of the render resolution, round(duration × 24) of them", () => {
    const frames = createShotFrames(testShot({ duration: 3 }), null);
    expect(frames.count).toBe(72);
    expect(frames.frameAt(0).byteLength).toBe(W * H * 4);
    frames.close();
    const big = createShotFrames(testShot({ duration: 1.5 }, { resolution: "1080p" }), null);
    expect([big.width, big.height, big.count]).toEqual([1920, 1080, 36]);
    expect(big.frameAt(0).byteLength).toBe(1920 * 1080 * 4);
    big.close();
  });

  it("draws the sketch where its normalised points say, over white paper", () => {
    const frames = createShotFrames(testShot({ movement: "static" }, { sketch: [box] }), null);
    const frame = frames.frameAt(40);
    const [left, right] = darkSpan(frame, H / 2);
    expect(left).toBeGreaterThan(0.35 * W - 6);
    expect(left).toBeLessThan(0.35 * W + 6);
    expect(right).toBeGreaterThan(0.65 * W - 6);
    expect(right).toBeLessThan(0.65 * W + 6);
    expect(isWhite(pixel(frame, W / 2, H / 2))).toBe(true);
    frames.close();
  });

  it("pushes in on a dolly in: the box grows from its drawn size to 1.2 times it", () => {
    const frames = createShotFrames(testShot({ movement: "dolly in", duration: 2 }, { sketch: [box] }), null);
    const [l0, r0] = darkSpan(frames.frameAt(0), H / 2);
    const [l1, r1] = darkSpan(frames.frameAt(frames.count - 1), H / 2);
    expect(r0 - l0).toBeGreaterThan(0.3 * W - 8);
    expect(r0 - l0).toBeLessThan(0.3 * W + 8);
    expect((r1 - l1) / (r0 - l0)).toBeGreaterThan(1.17);
    expect((r1 - l1) / (r0 - l0)).toBeLessThan(1.23);
    // Centred: both edges move outwards.
    expect(l1).toBeLessThan(l0);
    expect(r1).toBeGreaterThan(r0);
    frames.close();
  });

  it("pulls out on a dolly out and slides sideways on a pan", () => {
    const out = createShotFrames(testShot({ movement: "dolly out", duration: 2 }, { sketch: [box] }), null);
    const [a0, b0] = darkSpan(out.frameAt(0), H / 2);
    const [a1, b1] = darkSpan(out.frameAt(out.count - 1), H / 2);
    expect(b1 - a1).toBeLessThan(b0 - a0);
    out.close();
    const pan = createShotFrames(testShot({ movement: "pan", duration: 2 }, { sketch: [box] }), null);
    const [p0, q0] = darkSpan(pan.frameAt(0), H / 2);
    const [p1, q1] = darkSpan(pan.frameAt(pan.count - 1), H / 2);
    // The camera moves right, so the drawing slides left, keeping its (enlarged) size.
    expect(p1).toBeLessThan(p0 - 100);
    expect(q1 - p1).toBeCloseTo(q0 - p0, -1);
    pan.close();
  });

  it("shows the slate in the top-left corner for the first second only", () => {
    const frames = createShotFrames(testShot({ duration: 3 }), null);
    const slateArea = (i: number) => countIn(frames.frameAt(i), 30, 30, 300, 150, isDark);
    expect(slateArea(0)).toBeGreaterThan(20_000);
    expect(slateArea(23)).toBeGreaterThan(20_000);
    expect(slateArea(24)).toBe(0);
    // White lettering on the dark card.
    expect(countIn(frames.frameAt(0), 30, 30, 300, 150, isWhite)).toBeGreaterThan(300);
    frames.close();
  });

  it("shows each dialogue line at the bottom for its share of the shot", () => {
    const dialogue = [
      { character: "Ana", text: "Where were you?" },
      { character: "Ben", text: "Out. Don't ask me where, it is a very long story that takes two lines to tell." },
    ];
    const frames = createShotFrames(testShot({ duration: 4, dialogue }), null);
    const band = (i: number) => frames.frameAt(i).slice(H * 0.75 * W * 4);
    const boxPixels = (i: number) => countIn(frames.frameAt(i), 200, 560, 1080, 690, isShaded);
    const letters = (i: number) => countIn(frames.frameAt(i), 200, 560, 1080, 690, isWhite);
    // First line in the first half, second (two rows, so a taller box) in the second half.
    expect(boxPixels(30)).toBeGreaterThan(10_000);
    expect(letters(30)).toBeGreaterThan(500);
    expect(boxPixels(80)).toBeGreaterThan(boxPixels(30));
    expect(Buffer.compare(Buffer.from(band(30)), Buffer.from(band(80)))).not.toBe(0);
    frames.close();
    const silent = createShotFrames(testShot({ duration: 4 }), null);
    expect(countIn(silent.frameAt(30), 200, 560, 1080, 690, isShaded)).toBe(0);
    silent.close();
  });

  it("burns annotations in red only into review copies", () => {
    const note = testStroke("ellipse", [0.1, 0.7, 0.3, 0.9], { color: "#1e88e5", width: 6 });
    const plain = createShotFrames(testShot({}, { annotations: [note], burnAnnotations: false }), null);
    expect(countIn(plain.frameAt(40), 100, 480, 420, 680, isRed)).toBe(0);
    plain.close();
    const review = createShotFrames(testShot({}, { annotations: [note], burnAnnotations: true }), null);
    expect(countIn(review.frameAt(40), 100, 480, 420, 680, isRed)).toBeGreaterThan(500);
    review.close();
  });

  it("letterboxes the background image and lets an eraser clear only the sketch", async () => {
    const square = createCanvas(400, 400);
    const ctx = square.getContext("2d");
    ctx.fillStyle = "#1e88e5";
    ctx.fillRect(0, 0, 400, 400);
    const background = await loadPicture(await square.encode("png"));
    const line = testStroke("line", [0.3, 0.5, 0.7, 0.5], { width: 10 });
    const eraser = testStroke("eraser", [0.45, 0.5, 0.55, 0.5], { width: 30 });
    const frames = createShotFrames(testShot({}, { sketch: [line, eraser] }), background);
    const frame = frames.frameAt(40);
    const isBlue = ([r, , b]: [number, number, number]) => b > 200 && r < 60;
    expect(isWhite(pixel(frame, 100, 400))).toBe(true); // letterbox stays paper
    expect(isBlue(pixel(frame, W / 2, 200))).toBe(true);
    expect(isDark(pixel(frame, 0.4 * W, H / 2))).toBe(true); // the line
    expect(isBlue(pixel(frame, W / 2, H / 2))).toBe(true); // erased: the image shows through
    frames.close();
  });

  it("draws byte-identical frames for equal input, handheld shake included", () => {
    const input = () =>
      testShot(
        { movement: "handheld", duration: 2, dialogue: [{ character: "Ana", text: "Again." }] },
        { sketch: [box, testStroke("pen", [0.1, 0.1, 0.2, 0.3, 0.3, 0.2]), testStroke("text", [0.5, 0.2], { text: "BANG" })] },
      );
    const a = createShotFrames(input(), null);
    const b = createShotFrames(input(), null);
    for (const i of [0, 10, 30, 47]) expect(Buffer.compare(Buffer.from(a.frameAt(i)), Buffer.from(b.frameAt(i)))).toBe(0);
    // The shake moves the picture.
    expect(Buffer.compare(Buffer.from(a.frameAt(30)), Buffer.from(a.frameAt(40)))).not.toBe(0);
    a.close();
    b.close();
  });
});
