/**
 * `npm run bench` (render-worker): a 10-minute episode of 150 four-second shots at 720p, every clip
 * rendered as the worker does (frames drawn with Konva, piped raw into ffmpeg) and joined with the concat
 * demuxer (-c copy), against the floor: ffmpeg encoding the same raw frames from memory with no drawing.
 * BENCH_SHOTS shrinks the episode for a quick run. Prints a markdown table and writes bench/results.md.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { RENDER_FPS, RENDER_RESOLUTIONS } from "@aiuteur/shared";
import { renderShotClip } from "../src/clip/renderShotClip.js";
import { encodeRawFrames } from "../src/encode/encodeFrames.js";
import { probeVideo } from "../src/encode/probe.js";
import { createShotFrames } from "../src/frames/shotFrames.js";
import { concatClips } from "./concatClips.js";
import { episodeShots } from "./episodeShots.js";

const SHOTS = Math.max(1, Number(process.env.BENCH_SHOTS ?? 150) || 150);
/**
 * The floor is measured on every FLOOR_EVERY-th shot (all of them with 1) and compared with the render
 * time of the same shots: drawing the floor's frames beforehand costs time that is not measured, and
 * sampling keeps the whole run near ten minutes. 2 still covers every camera move (9 moves, odd).
 */
const FLOOR_EVERY = Math.max(1, Number(process.env.BENCH_FLOOR_EVERY ?? 2) || 2);
const SHOT_SECONDS = 4;
const { width, height } = RENDER_RESOLUTIONS["720p"];

const work = await mkdtemp(join(tmpdir(), "aiuteur-bench-"));
afterAll(() => rm(work, { recursive: true, force: true }));

const seconds = (ms: number) => (ms / 1000).toFixed(1);

it(`renders a ${SHOTS}-shot episode at 720p and compares it with ffmpeg alone`, async () => {
  const shots = episodeShots(SHOTS, SHOT_SECONDS);
  const frames = shots.length * Math.round(SHOT_SECONDS * RENDER_FPS);

  // The renderer: each clip as the worker makes it (poster and thumbnail included), then the join.
  const clips: string[] = [];
  const clipMs: number[] = [];
  const renderStart = performance.now();
  for (const [i, input] of shots.entries()) {
    const outDir = join(work, `shot-${i}`);
    await mkdir(outDir);
    const start = performance.now();
    clips.push((await renderShotClip({ input, background: null, format: "mp4", outDir })).clip);
    clipMs.push(performance.now() - start);
  }
  const clipsMs = performance.now() - renderStart;
  const joinStart = performance.now();
  const episode = join(work, "episode.mp4");
  await concatClips(clips, episode, join(work, "list.txt"));
  const joinMs = performance.now() - joinStart;
  const renderMs = clipsMs + joinMs;

  const info = await probeVideo(episode);
  expect(info).toMatchObject({ width, height, fps: RENDER_FPS });
  expect(info.durationSeconds).toBeCloseTo(SHOTS * SHOT_SECONDS, 0);

  // The floor: the same frames, drawn beforehand into memory (not timed), encoded by ffmpeg alone.
  let floorSampleMs = 0;
  let renderSampleMs = 0;
  let sampled = 0;
  for (const [i, input] of shots.entries()) {
    if (i % FLOOR_EVERY !== 0) continue;
    const drawn = createShotFrames(input, null);
    const all = Array.from({ length: drawn.count }, (_, f) => drawn.frameAt(f));
    drawn.close();
    const start = performance.now();
    await encodeRawFrames(all, { width, height, format: "mp4", out: join(work, `floor-${i}.mp4`) });
    floorSampleMs += performance.now() - start;
    renderSampleMs += clipMs[i]!;
    sampled += 1;
  }
  const ratio = renderSampleMs / floorSampleMs;
  // Every shot has the same frame count, so the sample scales to the episode by the shot count.
  const floorMs = (floorSampleMs * shots.length) / sampled;

  const table = [
    `| Episode (720p, ${RENDER_FPS} fps) | Frames | Wall time | Frames/s | ffmpeg alone (floor) | Ratio to floor |`,
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    `| ${SHOTS} shots × ${SHOT_SECONDS} s = ${((SHOTS * SHOT_SECONDS) / 60).toFixed(1)} min | ${frames} | ${seconds(renderMs)} s (clips ${seconds(clipsMs)} s + join ${seconds(joinMs)} s) | ${(frames / (renderMs / 1000)).toFixed(1)} | ${seconds(floorMs)} s (${(frames / (floorMs / 1000)).toFixed(1)} frames/s) | ${ratio.toFixed(2)}× |`,
  ].join("\n");
  const notes = [
    "",
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}; one clip at a time, as one worker renders.`,
    "Wall time covers drawing every frame (Konva on @napi-rs/canvas), piping it raw into ffmpeg (libx264 veryfast, crf 23),",
    "the poster and thumbnail of each clip, and joining the clips with the concat demuxer (-c copy).",
    `The floor is ffmpeg encoding the same raw frames from memory, per clip, with nothing drawn; measured on ${sampled} of ${shots.length} shots`,
    "(every camera move included) and scaled to the episode; the ratio compares the render and the floor on those same shots.",
  ].join("\n");
  const report = `# Render benchmark\n\n${table}\n${notes}\n`;
  console.log(`\n${report}`);
  await writeFile(new URL("./results.md", import.meta.url), report);
});
