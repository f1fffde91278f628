/**
 * [[Notes]] may run over several lines (never over a blank line), so they are found before lines are
 * classified: a line that starts inside a note belongs to the element the note started in, whatever it
 * looks like. The same pairing is used on a block's text when marking inline note runs, and by the
 * writer to check the lines it emits.
 */
import { isAsciiPunct, isBlankLine } from "./syntax.js";

/** Offsets of a note's "[[" and of its "]]". */
export interface NoteSpan {
  open: number;
  close: number;
}

function findCloser(text: string, from: number): number {
  for (let i = from; i < text.length - 1; i++) {
    if (text[i] === "\\" && isAsciiPunct(text[i + 1])) {
      i++;
      continue;
    }
    if (text[i] === "]" && text[i + 1] === "]") return i;
  }
  return -1;
}

/** Pairs each unescaped "[[" with the next unescaped "]]"; an unclosed or empty "[[" is plain text. */
export function findNoteSpans(text: string): NoteSpan[] {
  const spans: NoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === "\\" && isAsciiPunct(text[i + 1])) {
      i += 2;
    } else if (text[i] === "[" && text[i + 1] === "[") {
      const close = findCloser(text, i + 2);
      // No "]]" after this point means no later "[[" can close either; stopping keeps this linear.
      if (close < 0) {
        break;
      } else if (close === i + 2) {
        // "[[]]" holds nothing a note run could keep, so it stays literal text.
        i += 2;
      } else {
        spans.push({ open: i, close });
        i = close + 2;
      }
    } else {
      i++;
    }
  }
  return spans;
}

export interface NoteLineInfo {
  /** The line starts inside a note opened on an earlier line. */
  continuesNote: boolean;
  /** The line (after leading whitespace) is a note whose "]]" ends a line: a note element. */
  standaloneNote: boolean;
}

/** Note facts for each line; blank lines end a paragraph, and notes never cross paragraphs. */
export function noteLineInfo(lines: readonly string[]): NoteLineInfo[] {
  const info: NoteLineInfo[] = lines.map(() => ({ continuesNote: false, standaloneNote: false }));
  let start = 0;
  while (start < lines.length) {
    if (isBlankLine(lines[start]!)) {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && !isBlankLine(lines[end]!)) end++;
    const paragraph = lines.slice(start, end);
    const text = paragraph.join("\n");
    const spans = findNoteSpans(text);
    // Spans and lines are both in order, so one pointer keeps this linear in the paragraph's size.
    let next = 0;
    let offset = 0;
    for (let i = start; i < end; i++) {
      const line = lines[i]!;
      const firstChar = offset + (line.length - line.trimStart().length);
      while (next < spans.length && spans[next]!.close < offset) next++;
      for (let j = next; j < spans.length && spans[j]!.open <= firstChar; j++) {
        const span = spans[j]!;
        if (span.open < offset && offset <= span.close) info[i]!.continuesNote = true;
        if (span.open === firstChar) {
          const closerLineEnd = text.indexOf("\n", span.close);
          const after = text.slice(span.close + 2, closerLineEnd < 0 ? text.length : closerLineEnd);
          if (after.trim() === "") info[i]!.standaloneNote = true;
        }
      }
      offset += line.length + 1;
    }
    start = end;
  }
  return info;
}
