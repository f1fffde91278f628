/**
 * Strokes on a 16:9 panel: the artists' sketch (Y.Array "sketch" in the shot document) and the
 * reviewers' annotations (Y.Array "annotations" in the shot's notes document).
 *
 * Each stroke is its own Y.Map, written once when the stroke ends, so concurrent drawing merges and undo
 * can remove exactly one person's stroke. Coordinates are normalised to the frame: x and y in 0…1 of the
 * frame's width and height, so a panel draws the same at any size and in the render worker. Widths and
 * font sizes are in thousandths of the frame width.
 */
import * as Y from "yjs";
import { newId } from "../ids.js";

export const SKETCH_ARRAY = "sketch";
export const ANNOTATIONS_ARRAY = "annotations";
export const FRAME_ASPECT = 16 / 9;

export const STROKE_TOOLS = ["pen", "eraser", "line", "arrow", "cameraMove", "rect", "ellipse", "text"] as const;
export type StrokeTool = (typeof STROKE_TOOLS)[number];

export const STROKE_LIMITS = { points: 20000, text: 500, minWidth: 0.5, maxWidth: 80 } as const;

export const PALETTE = ["#111111", "#ffffff", "#e53935", "#fb8c00", "#fdd835", "#43a047", "#1e88e5", "#8e24aa"] as const;

export interface Stroke {
  id: string;
  tool: StrokeTool;
  /** Flat [x0, y0, x1, y1, …], normalised. Shapes use two points: start and end corners. */
  points: number[];
  /** CSS colour (#rrggbb). */
  color: string;
  /** Thousandths of the frame width. */
  width: number;
  /** For "text": the text; otherwise "". */
  text: string;
  /** User id of the author, so undo and "by" labels work. */
  author: string;
  createdAt: number;
}

function isTool(value: unknown): value is StrokeTool {
  return typeof value === "string" && (STROKE_TOOLS as readonly string[]).includes(value);
}

function isColor(value: unknown): value is string {
  return typeof value === "string" && /^#[0-9a-fA-F]{6}$/.test(value);
}

function readPoints(value: unknown): number[] | null {
  if (!Array.isArray(value) || value.length < 2 || value.length % 2 !== 0 || value.length > STROKE_LIMITS.points * 2) {
    return null;
  }
  const points: number[] = [];
  for (const v of value) {
    if (typeof v !== "number" || !Number.isFinite(v)) return null;
    // A little overshoot is kept (a stroke may leave the frame), but nothing absurd.
    points.push(Math.max(-1, Math.min(2, v)));
  }
  return points;
}

/** Reads one stroke entry; null when it is malformed (a bad peer or a bug must not break the panel). */
export function readStroke(entry: unknown): Stroke | null {
  if (!(entry instanceof Y.Map)) return null;
  const id = entry.get("id");
  const tool = entry.get("tool");
  const points = readPoints(entry.get("points"));
  if (typeof id !== "string" || !isTool(tool) || points === null) return null;
  const width = entry.get("width");
  const text = entry.get("text");
  const author = entry.get("author");
  const createdAt = entry.get("createdAt");
  return {
    id,
    tool,
    points,
    color: isColor(entry.get("color")) ? (entry.get("color") as string) : "#111111",
    width:
      typeof width === "number" && Number.isFinite(width)
        ? Math.max(STROKE_LIMITS.minWidth, Math.min(STROKE_LIMITS.maxWidth, width))
        : 3,
    text: typeof text === "string" ? text.slice(0, STROKE_LIMITS.text) : "",
    author: typeof author === "string" ? author : "",
    createdAt: typeof createdAt === "number" ? createdAt : 0,
  };
}

export function readStrokes(list: Y.Array<unknown>): Stroke[] {
  const strokes: Stroke[] = [];
  for (const entry of list.toArray()) {
    const stroke = readStroke(entry);
    if (stroke) strokes.push(stroke);
  }
  return strokes;
}

export type NewStroke = Omit<Stroke, "id" | "createdAt"> & { id?: string };

/** Appends a stroke as one Y.Map and returns its id. `origin` lets an UndoManager track only our strokes. */
export function addStroke(list: Y.Array<unknown>, stroke: NewStroke, origin?: unknown): string {
  const id = stroke.id ?? newId();
  const entry = new Y.Map<unknown>();
  const run = () => {
    entry.set("id", id);
    entry.set("tool", stroke.tool);
    entry.set("points", stroke.points.map((v) => Math.round(v * 10000) / 10000));
    entry.set("color", stroke.color);
    entry.set("width", stroke.width);
    if (stroke.text !== "") entry.set("text", stroke.text.slice(0, STROKE_LIMITS.text));
    entry.set("author", stroke.author);
    entry.set("createdAt", Date.now());
    list.push([entry]);
  };
  if (list.doc) list.doc.transact(run, origin);
  else run();
  return id;
}

/** Removes a stroke by id (the "delete shape" action; the eraser tool instead draws an eraser stroke). */
export function removeStroke(list: Y.Array<unknown>, id: string, origin?: unknown): void {
  const run = () => {
    const items = list.toArray();
    for (let i = items.length - 1; i >= 0; i--) {
      const entry = items[i];
      if (entry instanceof Y.Map && entry.get("id") === id) list.delete(i, 1);
    }
  };
  if (list.doc) list.doc.transact(run, origin);
  else run();
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function arrowHead(x1: number, y1: number, x2: number, y2: number, size: number): string {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const a1 = angle + Math.PI * 0.85;
  const a2 = angle - Math.PI * 0.85;
  return `${x2},${y2} ${x2 + Math.cos(a1) * size},${y2 + Math.sin(a1) * size} ${x2 + Math.cos(a2) * size},${y2 + Math.sin(a2) * size}`;
}

/**
 * An SVG of strokes, for thumbnails (the storyboard grid draws hundreds of panels; SVG is cheap and
 * sharp) and for anything that cannot run Konva. Eraser strokes are a mask over what came before them.
 */
export function strokesToSvg(strokes: readonly Stroke[], width: number, height: number, background = "#ffffff"): string {
  const parts: string[] = [];
  let masks = 0;
  let body = "";
  const px = (v: number) => Math.round(v * width * 10) / 10;
  const py = (v: number) => Math.round(v * height * 10) / 10;
  for (const s of strokes) {
    const w = Math.max(0.5, (s.width / 1000) * width);
    const xy: [number, number][] = [];
    for (let i = 0; i + 1 < s.points.length; i += 2) xy.push([px(s.points[i] ?? 0), py(s.points[i + 1] ?? 0)]);
    const [start = [0, 0], end = start] = [xy[0], xy[xy.length - 1]];
    const stroke = `stroke="${s.color}" stroke-width="${w}" fill="none" stroke-linecap="round" stroke-linejoin="round"`;
    switch (s.tool) {
      case "eraser": {
        const id = `e${masks++}`;
        parts.push(
          `<mask id="${id}"><rect width="${width}" height="${height}" fill="#fff"/><polyline points="${xy.join(" ")}" stroke="#000" stroke-width="${w}" fill="none" stroke-linecap="round" stroke-linejoin="round"/></mask>`,
        );
        body = `<g mask="url(#${id})">${body}</g>`;
        continue;
      }
      case "pen":
        body += `<polyline points="${xy.join(" ")}" ${stroke}/>`;
        break;
      case "line":
        body += `<line x1="${start[0]}" y1="${start[1]}" x2="${end[0]}" y2="${end[1]}" ${stroke}/>`;
        break;
      case "arrow":
      case "cameraMove": {
        const dash = s.tool === "cameraMove" ? ` stroke-dasharray="${w * 3} ${w * 2}"` : "";
        body += `<line x1="${start[0]}" y1="${start[1]}" x2="${end[0]}" y2="${end[1]}" ${stroke}${dash}/>`;
        body += `<polygon points="${arrowHead(start[0], start[1], end[0], end[1], w * 4)}" fill="${s.color}"/>`;
        break;
      }
      case "rect":
        body += `<rect x="${Math.min(start[0], end[0])}" y="${Math.min(start[1], end[1])}" width="${Math.abs(end[0] - start[0])}" height="${Math.abs(end[1] - start[1])}" ${stroke}/>`;
        break;
      case "ellipse":
        body += `<ellipse cx="${(start[0] + end[0]) / 2}" cy="${(start[1] + end[1]) / 2}" rx="${Math.abs(end[0] - start[0]) / 2}" ry="${Math.abs(end[1] - start[1]) / 2}" ${stroke}/>`;
        break;
      case "text":
        body += `<text x="${start[0]}" y="${start[1]}" fill="${s.color}" font-family="sans-serif" font-size="${Math.max(6, w * 6)}" dominant-baseline="hanging">${escapeXml(s.text)}</text>`;
        break;
    }
  }
  const bg = background === "none" ? "" : `<rect width="${width}" height="${height}" fill="${background}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><defs>${parts.join("")}</defs>${bg}${body}</svg>`;
}
