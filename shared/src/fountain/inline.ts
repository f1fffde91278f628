/**
 * Inline Fountain: [[notes]], *italic*, **bold**, ***bold italic***, _underline_ and backslash escapes.
 *
 * Emphasis follows Markdown's delimiter-run rules, simplified: a run of * or _ can open when the next
 * character is not whitespace and close when the previous one is not; "_" additionally may not open
 * or close inside a word (Markdown's intraword rule, so snake_case_names stay text). Emphasis never
 * crosses a line break or a note boundary; notes may span lines. Unmatched delimiters are literal.
 */
import type { MarkName } from "../screenplay/nodes.js";
import type { TextRun } from "../screenplay/model.js";
import { findNoteSpans } from "./notes.js";
import { makeRun, mergeRuns } from "./runs.js";
import { isAsciiPunct } from "./syntax.js";

interface TextCell {
  kind: "text";
  text: string;
}
interface DelimCell {
  kind: "delim";
  ch: "*" | "_";
  count: number;
  canOpen: boolean;
  canClose: boolean;
}
type Cell = TextCell | DelimCell;

const WHITESPACE = /\s/u;
const ALNUM = /[\p{L}\p{N}]/u;

function tokenize(line: string): Cell[] {
  const cells: Cell[] = [];
  const pushText = (text: string) => {
    const last = cells[cells.length - 1];
    if (last?.kind === "text") last.text += text;
    else cells.push({ kind: "text", text });
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === "\\" && isAsciiPunct(line[i + 1])) {
      pushText(line[i + 1]!);
      i += 2;
    } else if (ch === "*" || ch === "_") {
      let end = i;
      while (line[end] === ch) end++;
      const prev = line[i - 1];
      const next = line[end];
      let canOpen = next !== undefined && !WHITESPACE.test(next);
      let canClose = prev !== undefined && !WHITESPACE.test(prev);
      if (ch === "_") {
        canOpen &&= prev === undefined || !ALNUM.test(prev);
        canClose &&= next === undefined || !ALNUM.test(next);
      }
      cells.push({ kind: "delim", ch, count: end - i, canOpen, canClose });
      i = end;
    } else {
      pushText(ch);
      i++;
    }
  }
  return cells;
}

const PAIR_MARKS: Record<number, MarkName[]> = { 1: ["italic"], 2: ["bold"], 3: ["bold", "italic"] };
const MARKS_IN_PLAY: MarkName[] = ["bold", "italic", "underline"];

/** Parses emphasis on one line (no notes, no line breaks) into runs. */
export function parseEmphasisLine(line: string): TextRun[] {
  // Most lines have no markup at all; skip the delimiter machinery (and its allocations) for them.
  if (!/[*_\\]/.test(line)) return line === "" ? [] : [{ text: line }];
  const cells = tokenize(line);
  // One opener stack per delimiter character keeps matching linear; when a pair closes, openers of
  // the other character inside it can no longer match (Markdown drops them) and are popped.
  const stacks: Record<"*" | "_", number[]> = { "*": [], _: [] };
  // Per mark, a difference array over cells: +1 where a pair's inside starts, -1 after it ends.
  const diff = new Map<MarkName, number[]>(MARKS_IN_PLAY.map((m) => [m, new Array<number>(cells.length + 1).fill(0)]));

  cells.forEach((cell, index) => {
    if (cell.kind !== "delim") return;
    if (cell.canClose) {
      const own = stacks[cell.ch];
      const other = stacks[cell.ch === "*" ? "_" : "*"];
      while (cell.count > 0 && own.length > 0) {
        const openerIndex = own[own.length - 1]!;
        const opener = cells[openerIndex] as DelimCell;
        const use =
          cell.ch === "_" ? 1 : opener.count >= 3 && cell.count >= 3 ? 3 : opener.count >= 2 && cell.count >= 2 ? 2 : 1;
        for (const mark of cell.ch === "_" ? (["underline"] as MarkName[]) : PAIR_MARKS[use]!) {
          const d = diff.get(mark)!;
          d[openerIndex + 1]! += 1;
          d[index]! -= 1;
        }
        opener.count -= use;
        cell.count -= use;
        if (opener.count === 0) own.pop();
        while (other.length > 0 && other[other.length - 1]! > openerIndex) other.pop();
      }
    }
    if (cell.count > 0 && cell.canOpen) stacks[cell.ch].push(index);
  });

  const runs: TextRun[] = [];
  const depth = new Map<MarkName, number>(MARKS_IN_PLAY.map((m) => [m, 0]));
  cells.forEach((cell, index) => {
    for (const mark of MARKS_IN_PLAY) depth.set(mark, depth.get(mark)! + diff.get(mark)![index]!);
    const text = cell.kind === "text" ? cell.text : cell.ch.repeat(cell.count);
    if (text === "") return;
    runs.push(makeRun(text, MARKS_IN_PLAY.filter((mark) => depth.get(mark)! > 0)));
  });
  return mergeRuns(runs);
}

/** Collects runs, merging neighbours with the same marks as it goes (a block can have 100k lines). */
class RunBuilder {
  private readonly runs: Array<{ parts: string[]; marks: MarkName[]; key: string }> = [];

  push(text: string, marks: readonly MarkName[]): void {
    if (text === "") return;
    const key = marks.join(",");
    const last = this.runs[this.runs.length - 1];
    if (last && last.key === key) last.parts.push(text);
    else this.runs.push({ parts: [text], marks: [...marks], key });
  }

  build(): TextRun[] {
    return this.runs.map((run) => makeRun(run.parts.join(""), run.marks));
  }
}

function pushSegment(out: RunBuilder, segment: string, note: boolean): void {
  segment.split("\n").forEach((line, i) => {
    if (i > 0) out.push("\n", note ? ["note"] : []);
    // parseEmphasisLine yields marks in MARK_NAMES order and "note" is last in it, so appending keeps order.
    for (const run of parseEmphasisLine(line)) out.push(run.text, note ? [...(run.marks ?? []), "note"] : (run.marks ?? []));
  });
}

/** Parses a block's text (markers already removed, lines joined with "\n") into runs. */
export function parseInline(text: string): TextRun[] {
  const out = new RunBuilder();
  let pos = 0;
  for (const span of findNoteSpans(text)) {
    pushSegment(out, text.slice(pos, span.open), false);
    pushSegment(out, text.slice(span.open + 2, span.close), true);
    pos = span.close + 2;
  }
  pushSegment(out, text.slice(pos), false);
  return out.build();
}
