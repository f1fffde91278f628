/**
 * Boneyard: /* text Fountain ignores *\/. It is cut out before lines are classified, because it may
 * start and end anywhere and span blank lines. An unclosed boneyard runs to the end of the file.
 *
 * - A boneyard that stands on its own lines ("/*" with only whitespace before it on its line, "*\/"
 *   with only whitespace after it) becomes a boneyard item: a `note` block with attrs.boneyard, and
 *   a paragraph break on both sides.
 * - A boneyard inside a line becomes an inline [[note]] with its text kept verbatim (escaped so that
 *   none of it is read as markup). The model has no inline-boneyard mark; a note is the other kind of
 *   hidden text, so the words survive the round trip even though the delimiters change.
 */
import { isEscaped } from "./syntax.js";

export type BodyItem = { kind: "line"; text: string } | { kind: "boneyard"; text: string };

function findOpener(body: string, from: number): number {
  let at = body.indexOf("/*", from);
  while (at >= 0 && isEscaped(body, at)) at = body.indexOf("/*", at + 1);
  return at;
}

/** Boneyard text as the inside of an inline note: literal, and without blank lines (which end notes). */
function asNoteText(inner: string): string {
  const escaped = inner.replace(/[\\*_[\]]/g, (ch) => `\\${ch}`);
  return escaped
    .split("\n")
    .map((line, i) => (i > 0 && line.trim() === "" ? "  " : line))
    .join("\n");
}

function pushLines(items: BodyItem[], text: string): void {
  if (text === "") return;
  for (const line of text.split("\n")) items.push({ kind: "line", text: line });
}

export function splitBoneyards(body: string): BodyItem[] {
  const items: BodyItem[] = [];
  let buffer = "";
  let pos = 0;
  // Positions only move forward, so the line around each boneyard is found incrementally; searching
  // backwards or slicing to the line end each time would be quadratic on one long line.
  let lineStart = 0;
  let nextNewline = body.indexOf("\n");
  const restOfLineIsBlank = /[^\S\n]*(?:\n|$)/y;
  for (let start = findOpener(body, 0); start >= 0; start = findOpener(body, pos)) {
    const closeAt = body.indexOf("*/", start + 2);
    const innerEnd = closeAt < 0 ? body.length : closeAt;
    const end = closeAt < 0 ? body.length : closeAt + 2;
    const inner = body.slice(start + 2, innerEnd);
    while (nextNewline >= 0 && nextNewline < start) {
      lineStart = nextNewline + 1;
      nextNewline = body.indexOf("\n", lineStart);
    }
    // pos > lineStart means an inline boneyard already ended on this line, so text precedes this one.
    const blankBefore = pos <= lineStart && body.slice(lineStart, start).trim() === "";
    restOfLineIsBlank.lastIndex = end;
    const blankAfter = restOfLineIsBlank.test(body);
    if (blankBefore && blankAfter) {
      // The text before ends with the newline that precedes the "/*" line; drop it so no blank
      // line appears that was not in the file.
      buffer += body.slice(pos, lineStart);
      pushLines(items, buffer.endsWith("\n") ? buffer.slice(0, -1) : buffer);
      buffer = "";
      items.push({ kind: "boneyard", text: inner.trim() });
      const lineEnd = body.indexOf("\n", end);
      pos = lineEnd < 0 ? body.length : lineEnd + 1;
    } else {
      // An empty inline boneyard hides nothing; an empty [[]] would be literal text, so drop it.
      buffer += body.slice(pos, start) + (inner === "" ? "" : `[[${asNoteText(inner)}]]`);
      pos = end;
    }
  }
  pushLines(items, buffer + body.slice(pos));
  return items;
}
