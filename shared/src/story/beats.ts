/**
 * The episode beat sheet document.
 *
 *   Y.Array "order"   beat ids in board order (see yarray.ts for moves)
 *   Y.Map   "beats"   beat id → Y.Map { id, title: Y.Text, description: Y.Text, act, color, sceneIds: Y.Array<string> }
 *
 * Title and description are Y.Text so two writers typing in one card merge; act and colour are
 * last-writer-wins values; linked scenes are sceneIds (stable across heading edits), kept as a Y.Array so
 * concurrent links both survive.
 */
import * as Y from "yjs";
import { newId } from "../ids.js";
import { insertId, moveId, removeId, setText, textOf, uniqueIds } from "./yarray.js";

export const BEATS_ORDER = "order";
export const BEATS_MAP = "beats";

export const ACTS = [1, 2, 3] as const;
export type Act = (typeof ACTS)[number];

export const BEAT_COLORS = ["grey", "red", "orange", "yellow", "green", "teal", "blue", "purple", "pink"] as const;
export type BeatColor = (typeof BEAT_COLORS)[number];

export const BEAT_LIMITS = { title: 200, description: 5000 } as const;

export interface Beat {
  id: string;
  title: string;
  description: string;
  act: Act;
  color: BeatColor;
  sceneIds: string[];
}

export function beatOrder(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(BEATS_ORDER);
}

export function beatMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(BEATS_MAP);
}

function isAct(value: unknown): value is Act {
  return value === 1 || value === 2 || value === 3;
}

function isColor(value: unknown): value is BeatColor {
  return typeof value === "string" && (BEAT_COLORS as readonly string[]).includes(value);
}

/** Reads one beat, repairing what a peer or an old copy may have left out. */
export function readBeat(id: string, entry: unknown): Beat | null {
  if (!(entry instanceof Y.Map)) return null;
  const act = entry.get("act");
  const color = entry.get("color");
  const scenes = entry.get("sceneIds");
  const sceneIds = scenes instanceof Y.Array ? uniqueIds(scenes) : [];
  return {
    id,
    title: textOf(entry.get("title")),
    description: textOf(entry.get("description")),
    act: isAct(act) ? act : 1,
    color: isColor(color) ? color : "grey",
    sceneIds,
  };
}

/** The beats in board order; ids without an entry are skipped. */
export function readBeats(doc: Y.Doc): Beat[] {
  const map = beatMap(doc);
  const beats: Beat[] = [];
  for (const id of uniqueIds(beatOrder(doc))) {
    const beat = readBeat(id, map.get(id));
    if (beat) beats.push(beat);
  }
  return beats;
}

export interface NewBeat {
  title?: string;
  description?: string;
  act?: Act;
  color?: BeatColor;
  sceneIds?: string[];
}

/** Adds a beat at `index` (the end when omitted) and returns its id. */
export function addBeat(doc: Y.Doc, fields: NewBeat = {}, index?: number): string {
  const id = newId();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set("id", id);
    entry.set("title", new Y.Text((fields.title ?? "").slice(0, BEAT_LIMITS.title)));
    entry.set("description", new Y.Text((fields.description ?? "").slice(0, BEAT_LIMITS.description)));
    entry.set("act", fields.act ?? 1);
    entry.set("color", fields.color ?? "grey");
    entry.set("sceneIds", Y.Array.from([...new Set(fields.sceneIds ?? [])]));
    beatMap(doc).set(id, entry);
    insertId(beatOrder(doc), id, index);
  });
  return id;
}

function entryOf(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const entry = beatMap(doc).get(id);
  return entry instanceof Y.Map ? entry : null;
}

function textField(entry: Y.Map<unknown>, key: "title" | "description"): Y.Text {
  const value = entry.get(key);
  if (value instanceof Y.Text) return value;
  const text = new Y.Text(typeof value === "string" ? value : "");
  entry.set(key, text);
  return text;
}

export interface BeatPatch {
  title?: string;
  description?: string;
  act?: Act;
  color?: BeatColor;
}

export function updateBeat(doc: Y.Doc, id: string, patch: BeatPatch): void {
  const entry = entryOf(doc, id);
  if (!entry) return;
  doc.transact(() => {
    if (patch.title !== undefined) setText(textField(entry, "title"), patch.title.slice(0, BEAT_LIMITS.title));
    if (patch.description !== undefined) {
      setText(textField(entry, "description"), patch.description.slice(0, BEAT_LIMITS.description));
    }
    if (patch.act !== undefined && isAct(patch.act)) entry.set("act", patch.act);
    if (patch.color !== undefined && isColor(patch.color)) entry.set("color", patch.color);
  });
}

/** The live Y.Text of a beat's title or description, for binding to an input. */
export function beatText(doc: Y.Doc, id: string, key: "title" | "description"): Y.Text | null {
  const entry = entryOf(doc, id);
  if (!entry) return null;
  let text: Y.Text | null = null;
  doc.transact(() => {
    text = textField(entry, key);
  });
  return text;
}

export function removeBeat(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    removeId(beatOrder(doc), id);
    beatMap(doc).delete(id);
  });
}

export function moveBeat(doc: Y.Doc, id: string, toIndex: number): void {
  moveId(beatOrder(doc), id, toIndex);
}

function sceneList(doc: Y.Doc, id: string): Y.Array<unknown> | null {
  const entry = entryOf(doc, id);
  if (!entry) return null;
  const value = entry.get("sceneIds");
  if (value instanceof Y.Array) return value;
  const list = new Y.Array<unknown>();
  entry.set("sceneIds", list);
  return list;
}

export function linkScene(doc: Y.Doc, beatId: string, sceneId: string): void {
  doc.transact(() => {
    const list = sceneList(doc, beatId);
    if (list) insertId(list, sceneId);
  });
}

export function unlinkScene(doc: Y.Doc, beatId: string, sceneId: string): void {
  doc.transact(() => {
    const list = sceneList(doc, beatId);
    if (list) removeId(list, sceneId);
  });
}

/** Beats linked to each sceneId, for the scene list. */
export function beatsByScene(beats: readonly Beat[]): Map<string, Beat[]> {
  const byScene = new Map<string, Beat[]>();
  for (const beat of beats) {
    for (const sceneId of beat.sceneIds) {
      const list = byScene.get(sceneId) ?? [];
      list.push(beat);
      byScene.set(sceneId, list);
    }
  }
  return byScene;
}

/**
 * A fifteen-beat structure to start an outline from (the shape popularised by Blake Snyder's "Save the
 * Cat"), in our own words. Appended after any existing beats.
 */
export const FIFTEEN_BEAT_TEMPLATE: readonly { title: string; description: string; act: Act; color: BeatColor }[] = [
  { title: "Opening image", description: "A snapshot of the hero's world before the story changes it.", act: 1, color: "blue" },
  { title: "Theme stated", description: "Someone says what the story is really about, usually to the hero.", act: 1, color: "blue" },
  { title: "Set-up", description: "The hero's life, wants, flaws and the people around them.", act: 1, color: "blue" },
  { title: "Catalyst", description: "The event that knocks the hero's life off course.", act: 1, color: "red" },
  { title: "Debate", description: "The hero hesitates: should they go? What will it cost?", act: 1, color: "yellow" },
  { title: "Break into two", description: "The hero chooses to act and enters a new world.", act: 2, color: "red" },
  { title: "B story", description: "A new relationship that carries the theme.", act: 2, color: "pink" },
  { title: "Fun and games", description: "The promise of the premise: the set pieces the audience came for.", act: 2, color: "green" },
  { title: "Midpoint", description: "A false victory or false defeat; the stakes rise.", act: 2, color: "red" },
  { title: "Bad guys close in", description: "Outside pressure and inner doubts tighten.", act: 2, color: "orange" },
  { title: "All is lost", description: "The lowest point; something or someone is lost.", act: 2, color: "purple" },
  { title: "Dark night of the soul", description: "The hero faces what they have been avoiding.", act: 2, color: "purple" },
  { title: "Break into three", description: "The lesson learned gives the hero a new plan.", act: 3, color: "red" },
  { title: "Finale", description: "The hero acts on the plan and proves the change.", act: 3, color: "green" },
  { title: "Final image", description: "The opposite of the opening image: how the world has changed.", act: 3, color: "blue" },
];

export function applyBeatTemplate(doc: Y.Doc): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    for (const beat of FIFTEEN_BEAT_TEMPLATE) ids.push(addBeat(doc, beat));
  });
  return ids;
}
