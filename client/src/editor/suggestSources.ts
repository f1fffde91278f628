/**
 * What to suggest while typing: CHARACTER names already used as cues, and for scene headings the
 * INT./EXT. prefix, known locations and times of day. Pure functions of the document and the text
 * before the caret.
 */
import type { Node as PMNode } from "@tiptap/pm/model";

export interface SuggestionQuery {
  /** Offset in the element's text where the replaced segment starts. */
  start: number;
  items: string[];
}

const MAX_ITEMS = 8;

/** A cue's name without extensions or markers: "JOHN (V.O.) ^" → "JOHN", "@McCLANE" → "MCCLANE". */
export function cueName(text: string): string {
  return text
    .replace(/\^\s*$/, "")
    .replace(/\([^)]*\)?/g, "")
    .replace(/^@/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
}

/** Names used as cues, most used first; `skipPos` leaves out the cue being typed. */
export function characterNames(doc: PMNode, skipPos = -1): string[] {
  const counts = new Map<string, number>();
  doc.forEach((node, pos) => {
    if (node.type.name !== "character" || pos === skipPos) return;
    const name = cueName(node.textContent);
    if (name !== "") counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

function matching(candidates: Iterable<string>, query: string): string[] {
  const q = query.toUpperCase();
  const out: string[] = [];
  for (const c of candidates) {
    if (c !== q && c.startsWith(q) && !out.includes(c)) out.push(c);
    if (out.length === MAX_ITEMS) break;
  }
  return out;
}

export function characterSuggestions(doc: PMNode, blockPos: number, textBefore: string): SuggestionQuery | null {
  // Once an extension "(V.O.)" or a dual marker is being typed, the name is settled.
  if (textBefore.trim() === "" || /[(^]/.test(textBefore)) return null;
  const items = matching(characterNames(doc, blockPos), textBefore.trimStart());
  return items.length > 0 ? { start: textBefore.length - textBefore.trimStart().length, items } : null;
}

export const HEADING_PREFIXES = ["INT. ", "EXT. ", "INT./EXT. ", "I/E. ", "EST. "];
export const TIMES_OF_DAY = ["DAY", "NIGHT", "CONTINUOUS", "LATER", "MORNING", "AFTERNOON", "EVENING", "MOMENTS LATER", "SAME", "DAWN", "DUSK"];
const PREFIX = /^(INT\.?\/EXT\.?|I\/E\.?|INT\.?|EXT\.?|EST\.?)\s+/i;
/** Location and time are separated by a hyphen or dash with spaces around it. */
const TIME_SEPARATOR = /\s+[-–—]\s+/;

export interface HeadingParts {
  prefix: string;
  location: string;
  time: string | null;
}

export function parseHeading(text: string): HeadingParts | null {
  const prefix = PREFIX.exec(text);
  if (!prefix) return null;
  const rest = text.slice(prefix[0].length);
  const parts = rest.split(TIME_SEPARATOR);
  if (parts.length === 1) return { prefix: prefix[1]!.toUpperCase(), location: rest, time: null };
  const time = parts.pop()!;
  return { prefix: prefix[1]!.toUpperCase(), location: parts.join(" - "), time };
}

function knownHeadingParts(doc: PMNode, skipPos: number): { locations: string[]; times: string[] } {
  const locations = new Set<string>();
  const times = new Set<string>();
  doc.forEach((node, pos) => {
    if (node.type.name !== "sceneHeading" || pos === skipPos) return;
    const parts = parseHeading(node.textContent.toUpperCase());
    if (!parts) return;
    if (parts.location.trim() !== "") locations.add(parts.location.trim());
    if (parts.time !== null && parts.time.trim() !== "") times.add(parts.time.trim());
  });
  return { locations: [...locations].sort(), times: [...times] };
}

export function headingSuggestions(doc: PMNode, blockPos: number, textBefore: string): SuggestionQuery | null {
  if (textBefore.trim() === "") return null;
  const prefix = PREFIX.exec(textBefore);
  if (!prefix) {
    const items = matching(HEADING_PREFIXES, textBefore);
    return items.length > 0 ? { start: 0, items } : null;
  }
  const known = knownHeadingParts(doc, blockPos);
  const rest = textBefore.slice(prefix[0].length);
  const separator = [...rest.matchAll(new RegExp(TIME_SEPARATOR.source, "g"))].pop();
  if (separator === undefined) {
    if (rest === "") return null;
    const items = matching(known.locations, rest);
    return items.length > 0 ? { start: prefix[0].length, items } : null;
  }
  const timeStart = prefix[0].length + separator.index + separator[0].length;
  const time = textBefore.slice(timeStart);
  if (time === "") return null;
  const items = matching([...TIMES_OF_DAY, ...known.times], time);
  return items.length > 0 ? { start: timeStart, items } : null;
}
