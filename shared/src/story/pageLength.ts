/**
 * Estimating how much of a typeset screenplay page a block fills, to give scenes their length in eighths
 * of a page (the unit schedules and call sheets use).
 *
 * The model is the standard US layout: Courier 12 pt (10 characters per inch, 6 lines per inch) on
 * letter paper, 55 printed lines per page after margins and header. Widths in characters:
 * - action, scene heading, shot, centered text, lyrics: 6.1" of text → 61 characters;
 * - dialogue: 3.5" → 35 characters; parenthetical: 2.5" → 25 characters;
 * - character cue and transition: always one line.
 * A blank line precedes headings, action, shots, character cues, transitions, centered text and lyrics;
 * dialogue and parentheticals follow their cue directly. Notes, sections, synopses and boneyard text are
 * not printed and take no space. Dual dialogue is counted as if stacked (a slight overestimate).
 * Text wraps at word boundaries like a typewriter would; a word longer than the line is cut.
 */
import type { ScreenplayBlock } from "../screenplay/model.js";
import type { BlockType } from "../screenplay/nodes.js";

export const LINES_PER_PAGE = 55;
export const ACTION_WIDTH = 61;
export const DIALOGUE_WIDTH = 35;
export const PARENTHETICAL_WIDTH = 25;

interface Layout {
  /** Characters per line, or 0 for a block printed on exactly one line. */
  width: number;
  blankBefore: boolean;
}

const LAYOUT: Record<BlockType, Layout | null> = {
  sceneHeading: { width: ACTION_WIDTH, blankBefore: true },
  action: { width: ACTION_WIDTH, blankBefore: true },
  shot: { width: ACTION_WIDTH, blankBefore: true },
  centered: { width: ACTION_WIDTH, blankBefore: true },
  lyrics: { width: ACTION_WIDTH, blankBefore: true },
  character: { width: 0, blankBefore: true },
  transition: { width: 0, blankBefore: true },
  parenthetical: { width: PARENTHETICAL_WIDTH, blankBefore: false },
  dialogue: { width: DIALOGUE_WIDTH, blankBefore: false },
  note: null,
  section: null,
  synopsis: null,
  pageBreak: null,
};

/** Lines one paragraph line (no "\n") takes when wrapped at word boundaries to `width` characters. */
function wrappedLines(line: string, width: number): number {
  if (line.length <= width) return 1;
  let lines = 0;
  let start = 0;
  while (line.length - start > width) {
    const space = line.lastIndexOf(" ", start + width);
    // Break after the last space that fits; a single over-long word is cut at the width.
    start = space > start ? space + 1 : start + width;
    lines += 1;
  }
  return lines + 1;
}

/** Printed lines of a block's text (each "\n"-separated line wrapped on its own). */
function textLines(text: string, width: number): number {
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    lines += wrappedLines(end === -1 ? text.slice(start) : text.slice(start, end), width);
    if (end === -1) return lines;
    start = end + 1;
  }
}

/** Printed lines a block takes on the page, including the blank line before it. */
export function blockLines(block: ScreenplayBlock, text: string): number {
  const layout = LAYOUT[block.type];
  if (layout === null || block.attrs?.boneyard) return 0;
  const body = layout.width === 0 ? 1 : textLines(text, layout.width);
  return body + (layout.blankBefore ? 1 : 0);
}

/** Page lines → eighths of a page, never less than one eighth (a scene always has some length). */
export function linesToEighths(lines: number): number {
  return Math.max(1, Math.round((lines * 8) / LINES_PER_PAGE));
}
