/**
 * A generated episode for the benchmark: shots of a fixed duration, every camera move in turn, and
 * seeded sketches (pen scribbles, boxes, ellipses, a camera-move arrow, a caption) so each shot draws
 * something different but the episode is the same on every run.
 */
import { CAMERA_MOVES, type ShotRenderInput, type Stroke } from "@aiuteur/shared";
import { seededRandom } from "@aiuteur/shared";
import { testShot, testStroke } from "../src/frames/testing/testShots.js";

function scribble(random: () => number, points: number): number[] {
  let x = 0.1 + random() * 0.8;
  let y = 0.1 + random() * 0.8;
  const out: number[] = [];
  for (let i = 0; i < points; i += 1) {
    x = Math.min(0.95, Math.max(0.05, x + (random() - 0.5) * 0.05));
    y = Math.min(0.95, Math.max(0.05, y + (random() - 0.5) * 0.05));
    out.push(x, y);
  }
  return out;
}

function sketchFor(index: number): Stroke[] {
  const random = seededRandom(index + 1);
  const corner = () => 0.1 + random() * 0.8;
  const strokes: Stroke[] = [];
  for (let i = 0; i < 12; i += 1) strokes.push(testStroke("pen", scribble(random, 40), { id: `p${i}`, width: 2 + random() * 4 }));
  strokes.push(testStroke("rect", [corner(), corner(), corner(), corner()], { id: "r" }));
  strokes.push(testStroke("ellipse", [corner(), corner(), corner(), corner()], { id: "e", color: "#1e88e5" }));
  strokes.push(testStroke("cameraMove", [0.2, 0.8, 0.6, 0.75], { id: "c", color: "#e53935" }));
  strokes.push(testStroke("text", [0.6, 0.15], { id: "t", text: `SHOT ${index + 1}`, width: 6 }));
  return strokes;
}

export function episodeShots(count: number, durationSeconds: number): ShotRenderInput[] {
  return Array.from({ length: count }, (_, i) => {
    const movement = CAMERA_MOVES[i % CAMERA_MOVES.length]!;
    const dialogue = i % 3 === 0 ? [{ character: "Ana", text: `Line ${i + 1}, the first.` }, { character: "Ben", text: "And the answer." }] : [];
    return testShot(
      { number: String((i % 40) + 1), duration: durationSeconds, movement, dialogue, lens: "35mm" },
      { shotId: `bench-shot-${i + 1}`, sceneNumber: String(Math.floor(i / 10) + 1), sceneHeading: "EXT. HARBOUR - DAY", sketch: sketchFor(i) },
    );
  });
}
