/**
 * Canonical text runs: marks in MARK_NAMES order without duplicates, no empty runs, neighbours with the
 * same marks merged, and no `marks` key when there are none. Everything that produces runs (Fountain
 * parser, Y reader) normalises through here, so equal screenplays compare equal.
 */
import { MARK_NAMES, type MarkName } from "../screenplay/nodes.js";
import type { TextRun } from "../screenplay/model.js";

const ORDER = new Map<string, number>(MARK_NAMES.map((name, index) => [name, index]));

export function isMarkName(value: unknown): value is MarkName {
  return typeof value === "string" && ORDER.has(value);
}

export function normalizeMarks(marks: Iterable<unknown> | undefined): MarkName[] {
  if (!marks) return [];
  if (Array.isArray(marks) && marks.length <= 1) return marks.length === 1 && isMarkName(marks[0]) ? [marks[0]] : [];
  const set = new Set<MarkName>();
  for (const mark of marks) if (isMarkName(mark)) set.add(mark);
  return [...set].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);
}

export function makeRun(text: string, marks?: Iterable<unknown>): TextRun {
  const normal = normalizeMarks(marks);
  return normal.length > 0 ? { text, marks: normal } : { text };
}

function markKey(run: TextRun): string {
  return run.marks === undefined || run.marks.length === 0 ? "" : normalizeMarks(run.marks).join(",");
}

export function mergeRuns(runs: readonly TextRun[]): TextRun[] {
  const parts: string[][] = [];
  const marks: MarkName[][] = [];
  let lastKey: string | null = null;
  for (const run of runs) {
    if (typeof run.text !== "string" || run.text === "") continue;
    const key = markKey(run);
    if (key === lastKey) parts[parts.length - 1]!.push(run.text);
    else {
      parts.push([run.text]);
      marks.push(normalizeMarks(run.marks));
      lastKey = key;
    }
  }
  return parts.map((texts, i) => makeRun(texts.join(""), marks[i]));
}

export function runsText(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join("");
}

export function hasMark(run: TextRun, mark: MarkName): boolean {
  return run.marks?.includes(mark) ?? false;
}

export function withoutMark(runs: readonly TextRun[], mark: MarkName): TextRun[] {
  return mergeRuns(runs.map((run) => makeRun(run.text, run.marks?.filter((m) => m !== mark))));
}

export function sameRuns(a: readonly TextRun[], b: readonly TextRun[]): boolean {
  const x = mergeRuns(a);
  const y = mergeRuns(b);
  return x.length === y.length && x.every((run, i) => run.text === y[i]!.text && markKey(run) === markKey(y[i]!));
}

/** Splits runs at "\n" into lines of runs (an empty line is an empty array). */
export function splitLines(runs: readonly TextRun[]): TextRun[][] {
  const lines: TextRun[][] = [[]];
  for (const run of runs) {
    run.text.split("\n").forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== "") lines[lines.length - 1]!.push(makeRun(part, run.marks));
    });
  }
  return lines;
}

/**
 * For elements that are one line in Fountain (heading, cue, transition…): line breaks become spaces,
 * except inside a note, which may legitimately run over lines.
 */
export function flattenLineBreaks(runs: readonly TextRun[]): TextRun[] {
  return mergeRuns(runs.map((run) => (hasMark(run, "note") ? run : makeRun(run.text.replace(/\n/g, " "), run.marks))));
}

/**
 * Removes spaces and tabs before each line break (and after it, unless indentation is kept). Lines
 * are trimmed when read, so whitespace there only survives when two notes meet across a break; this
 * keeps the model to what the text can say.
 */
export function trimAroundBreaks(runs: readonly TextRun[], keepIndent: boolean): TextRun[] {
  const text = runsText(runs);
  if (!text.includes("\n")) return mergeRuns(runs);
  const pattern = keepIndent ? /[ \t]+(?=\n)/g : /[ \t]+(?=\n)|(?<=\n)[ \t]+/g;
  const drop = new Set<number>();
  for (const match of text.matchAll(pattern)) {
    for (let i = match.index; i < match.index + match[0].length; i++) drop.add(i);
  }
  if (drop.size === 0) return mergeRuns(runs);
  const out: TextRun[] = [];
  let offset = 0;
  for (const run of runs) {
    let kept = "";
    for (let i = 0; i < run.text.length; i++) if (!drop.has(offset + i)) kept += run.text[i];
    out.push(makeRun(kept, run.marks));
    offset += run.text.length;
  }
  return mergeRuns(out);
}
