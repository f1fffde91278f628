/**
 * The line-level Fountain grammar, in one place for both directions: the parser asks "what is this
 * line?", and the writer asks the same question of every line it is about to emit ("would this be
 * read back as what I mean?") and forces or escapes it when the answer is wrong. One copy of the rules
 * means the two directions cannot drift apart.
 */

const ASCII_PUNCT = /^[!-/:-@[-`{-~]$/;

/** Backslash escapes follow Markdown: a backslash before ASCII punctuation makes it literal. */
export function isAsciiPunct(ch: string | undefined): boolean {
  return ch !== undefined && ASCII_PUNCT.test(ch);
}

/** True when text[index] follows an odd run of backslashes, i.e. it is escaped. */
export function isEscaped(text: string, index: number): boolean {
  let slashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === "\\"; i--) slashes++;
  return slashes % 2 === 1;
}

/**
 * A blank line separates paragraphs. A line of exactly two spaces is the spec's deliberate empty line
 * inside dialogue (and, here, inside action and notes), so it is not blank.
 */
export function isBlankLine(line: string): boolean {
  return line !== "  " && line.trim() === "";
}

const SCENE_HEADING = /^(?:int\.?\/ext|ext\.?\/int|i\/e|int|ext|est)[.\s]/i;
const HAS_UPPER = /\p{Lu}/u;
const HAS_LOWER = /[\p{Ll}\p{Lt}]/u;

export function isSceneHeadingText(t: string): boolean {
  return SCENE_HEADING.test(t);
}

/** Uppercase and ending in "TO:" (the spec also wants blank lines around it; callers check that). */
export function isTransitionText(t: string): boolean {
  return t.endsWith("TO:") && t === t.toUpperCase();
}

/** A trailing unescaped "^" marks the second cue of dual dialogue. */
export function splitDual(cue: string): { cue: string; dual: boolean } {
  if (cue.endsWith("^") && !isEscaped(cue, cue.length - 1)) return { cue: cue.slice(0, -1).trimEnd(), dual: true };
  return { cue, dual: false };
}

/**
 * A character cue: the name (before any "(V.O.)"-style extension, which may be lowercase) has at least
 * one letter and no lowercase letters. "Has an uppercase letter" rather than "is unchanged by
 * toUpperCase" keeps lines in caseless scripts (CJK) from all becoming cues.
 */
export function isCharacterCueText(t: string): boolean {
  const { cue } = splitDual(t);
  const paren = cue.indexOf("(");
  const name = (paren >= 0 ? cue.slice(0, paren) : cue).trim();
  return name !== "" && HAS_UPPER.test(name) && !HAS_LOWER.test(name);
}

/**
 * Shots are not a Fountain element. Convention (documented in index.ts): an all-caps line standing
 * alone that begins with one of these camera terms is a shot.
 */
const CAMERA_TERM =
  /^(?:ANGLE ON|CLOSE ON|CLOSE UP|CLOSE-UP|WIDE ON|WIDE SHOT|INSERT|POV|BACK TO SCENE|ESTABLISHING|OVERHEAD|TRACKING|REVERSE ANGLE|EXTREME CLOSE)(?![\p{L}\p{N}])/u;

export function isShotText(t: string): boolean {
  return CAMERA_TERM.test(t) && !HAS_LOWER.test(t);
}

/** "#12A#" at the end of a scene heading; returns the heading without it. */
export function splitSceneNumber(text: string): { text: string; sceneNumber?: string } {
  const match = /#([^#\s]+)#\s*$/.exec(text);
  if (!match || isEscaped(text, match.index)) return { text };
  return { text: text.slice(0, match.index).trimEnd(), sceneNumber: match[1]! };
}

/** "Key: value" or "Key:" — the colon must be followed by a space or the end, so "10:00" is no key. */
export const TITLE_KEY = /^(\p{L}[\p{L}\p{N} _'-]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/u;
const KNOWN_TITLE_KEYS = new Set([
  "title", "credit", "author", "authors", "source", "draft date", "date", "contact", "copyright",
  "notes", "revision", "format", "episode", "series",
]);

/**
 * Whether a first line opens a title page. Beyond the key syntax, an unknown key written in capitals
 * ("FADE IN:", "BOB:") is script text, and headings, transitions and shots are never keys.
 */
export function isTitlePageStart(line: string): boolean {
  const match = TITLE_KEY.exec(line);
  if (!match) return false;
  const t = line.trim();
  if (isSceneHeadingText(t) || isTransitionText(t) || isShotText(t)) return false;
  const key = match[1]!;
  return KNOWN_TITLE_KEYS.has(key.toLowerCase()) || HAS_LOWER.test(key);
}

export type LineKind =
  | "pageBreak"
  | "action"
  | "section"
  | "synopsis"
  | "lyrics"
  | "centered"
  | "transition"
  | "character"
  | "sceneHeading"
  | "note"
  | "shot";

export interface LineContext {
  /** A blank line (or the start of the body, or a boneyard) comes before this line. */
  prevBlank: boolean;
  /** A blank line (or the end, or a boneyard) comes after this line. */
  nextBlank: boolean;
  /** The line is exactly one [[note]], possibly running over several lines (see notes.ts). */
  standaloneNote: boolean;
}

export interface ClassifiedLine {
  kind: LineKind;
  /** Written with an explicit marker (!, @, ., >) rather than recognised from its shape. */
  forced: boolean;
  /** The line's content with the marker removed. */
  text: string;
  /** Section depth (number of #). */
  depth?: number;
}

/** Classifies a non-blank line outside a dialogue block. */
export function classifyLine(line: string, ctx: LineContext): ClassifiedLine {
  const lt = line.trimStart();
  const t = lt.trimEnd();
  const is = (kind: LineKind, text: string, forced = false): ClassifiedLine => ({ kind, forced, text });

  if (/^={3,}$/.test(t)) return is("pageBreak", "");
  if (lt.startsWith("!")) return is("action", lt.slice(1), true);
  if (lt.startsWith("#")) {
    const depth = /^#+/.exec(lt)![0].length;
    return { kind: "section", forced: true, text: lt.slice(depth).trim(), depth };
  }
  if (lt.startsWith("=")) return is("synopsis", lt.slice(1).trim(), true);
  if (lt.startsWith("~")) return is("lyrics", lt.slice(1).trim(), true);
  if (lt.startsWith(">")) {
    if (t.length >= 2 && t.endsWith("<") && !isEscaped(t, t.length - 1)) return is("centered", t.slice(1, -1).trim(), true);
    const rest = lt.slice(1).trim();
    if (rest !== "") return is("transition", rest, true);
  }
  if (lt.startsWith("@") && splitDual(lt.slice(1).trim()).cue !== "") return is("character", lt.slice(1).trim(), true);
  if (ctx.prevBlank) {
    if (/^\.[^.\s]/.test(lt)) return is("sceneHeading", lt.slice(1).trim(), true);
    if (ctx.standaloneNote) return is("note", t);
    if (isSceneHeadingText(t)) return is("sceneHeading", t);
    if (ctx.nextBlank && isTransitionText(t)) return is("transition", t);
    if (!ctx.nextBlank && isCharacterCueText(t)) return is("character", t);
    if (ctx.nextBlank && isShotText(t)) return is("shot", t);
  }
  return is("action", line);
}

export type DialogueLineKind = "parenthetical" | "lyrics" | "dialogue";

/** Inside a dialogue block only parentheticals and lyrics stand out; everything else is spoken. */
export function classifyDialogueLine(line: string): DialogueLineKind {
  const t = line.trim();
  if (t.startsWith("(") && t.endsWith(")") && !isEscaped(t, t.length - 1)) return "parenthetical";
  if (t.startsWith("~")) return "lyrics";
  return "dialogue";
}
