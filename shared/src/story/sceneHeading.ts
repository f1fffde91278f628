/**
 * Parsing a scene heading's text into INT/EXT, location and time of day ("INT. KITCHEN - NIGHT").
 * Pure string work on one heading; called once per heading per recomputation.
 */

export type IntExt = "INT" | "EXT" | "INT/EXT";

export interface ParsedHeading {
  intExt: IntExt | null;
  location: string;
  timeOfDay: string;
  /** A trailing Fountain scene number ("#12A#") found in the text, without the hashes. */
  sceneNumber: string | null;
}

/**
 * Recognised prefixes, longest first so "INT./EXT." is not read as "INT". A prefix must be followed by
 * a dot or whitespace (or end the heading) so "INTERVIEW ROOM" is not an interior. EST (establishing
 * shot) is an exterior.
 */
const PREFIX = /^(int\.?\s*\/\s*ext|ext\.?\s*\/\s*int|i\s*\/\s*e|e\s*\/\s*i|int|ext|est)(?:\.\s*|\s+|$)/i;

/** "#12A#" at the end of a heading (Fountain's scene-number syntax). */
const TRAILING_NUMBER = /\s*#([^#\n]*)#\s*$/;

/** Separators between location and time of day: hyphen, en dash, em dash, each with spaces around. */
const SEPARATORS = [" - ", " – ", " — "] as const;

function intExtOf(prefix: string): IntExt {
  const compact = prefix.toUpperCase().replace(/[\s.]/g, "");
  if (compact.includes("/")) return "INT/EXT";
  return compact === "INT" ? "INT" : "EXT";
}

/** Position and length of the last location/time separator, or null. */
function lastSeparator(text: string): { at: number; length: number } | null {
  let best: { at: number; length: number } | null = null;
  for (const separator of SEPARATORS) {
    const at = text.lastIndexOf(separator);
    if (at > 0 && (best === null || at > best.at)) best = { at, length: separator.length };
  }
  return best;
}

/**
 * A heading without a recognised prefix (a forced ".FLASHBACK", or "MONTAGE") has intExt null and its
 * whole text as location: there is no convention to split it on.
 */
export function parseSceneHeading(raw: string): ParsedHeading {
  let text = raw.replace(/\s+/g, " ").trim();
  let sceneNumber: string | null = null;
  const numbered = TRAILING_NUMBER.exec(text);
  if (numbered) {
    sceneNumber = numbered[1]!.trim() || null;
    text = text.slice(0, numbered.index).trim();
  }
  const prefix = PREFIX.exec(text);
  if (!prefix) {
    const forced = text.startsWith(".") && !text.startsWith("..") ? text.slice(1).trim() : text;
    return { intExt: null, location: forced, timeOfDay: "", sceneNumber };
  }
  const rest = text.slice(prefix[0].length).trim();
  const separator = lastSeparator(rest);
  if (!separator) return { intExt: intExtOf(prefix[1]!), location: rest, timeOfDay: "", sceneNumber };
  return {
    intExt: intExtOf(prefix[1]!),
    location: rest.slice(0, separator.at).trim(),
    timeOfDay: rest.slice(separator.at + separator.length).trim(),
    sceneNumber,
  };
}
