/**
 * Writes runs back as inline Fountain. Markup is produced as tokens (syntax vs literal text) and
 * literal characters are escaped in one pass that can see what follows them, so only characters that
 * would otherwise be read as syntax get a backslash.
 *
 * Emphasis is written per line by the first encoding that parseEmphasisLine reads back exactly:
 * nested (marks opened outermost-longest, which handles spaces inside marks), then flat (every run
 * closes its marks), then both again with whitespace moved out of the marks' edges (Markdown cannot
 * start or end emphasis with a space), and finally plain text. Runs produced by the parser always
 * take the first or second; the later ones only matter for text edited in the app.
 */
import type { MarkName } from "../screenplay/nodes.js";
import type { TextRun } from "../screenplay/model.js";
import { parseEmphasisLine } from "./inline.js";
import { hasMark, makeRun, mergeRuns, sameRuns, splitLines, withoutMark } from "./runs.js";
import { isAsciiPunct } from "./syntax.js";

export interface Token {
  text: string;
  literal: boolean;
}

const syntax = (text: string): Token => ({ text, literal: false });
const literal = (text: string): Token => ({ text, literal: true });

const DELIMITER: Partial<Record<MarkName, string>> = { underline: "_", bold: "**", italic: "*" };
/** Outermost first when several marks open together. */
const OPEN_ORDER: MarkName[] = ["underline", "bold", "italic"];

function emphasisOf(run: TextRun): MarkName[] {
  return OPEN_ORDER.filter((mark) => hasMark(run, mark));
}

function nested(runs: readonly TextRun[]): Token[] {
  const tokens: Token[] = [];
  const stack: MarkName[] = [];
  const extent = (mark: MarkName, from: number) => {
    let n = 0;
    while (from + n < runs.length && hasMark(runs[from + n]!, mark)) n++;
    return n;
  };
  runs.forEach((run, i) => {
    const want = emphasisOf(run);
    const cut = stack.findIndex((mark) => !want.includes(mark));
    if (cut >= 0) while (stack.length > cut) tokens.push(syntax(DELIMITER[stack.pop()!]!));
    const open = want
      .filter((mark) => !stack.includes(mark))
      .sort((a, b) => extent(b, i) - extent(a, i) || OPEN_ORDER.indexOf(a) - OPEN_ORDER.indexOf(b));
    for (const mark of open) {
      stack.push(mark);
      tokens.push(syntax(DELIMITER[mark]!));
    }
    tokens.push(literal(run.text));
  });
  while (stack.length > 0) tokens.push(syntax(DELIMITER[stack.pop()!]!));
  return tokens;
}

function flat(runs: readonly TextRun[]): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    const marks = emphasisOf(run);
    for (const mark of marks) tokens.push(syntax(DELIMITER[mark]!));
    tokens.push(literal(run.text));
    for (const mark of [...marks].reverse()) tokens.push(syntax(DELIMITER[mark]!));
  }
  return tokens;
}

/** Leading/trailing whitespace of a run keeps only the marks its neighbour on that side shares. */
function trimEdges(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  runs.forEach((run, i) => {
    const marks = emphasisOf(run);
    const shared = (other: TextRun | undefined) => marks.filter((m) => other !== undefined && hasMark(other, m));
    const match = /^(\s*)(.*?)(\s*)$/su.exec(run.text)!;
    out.push(makeRun(match[1]!, shared(runs[i - 1])), makeRun(match[2]!, marks), makeRun(match[3]!, shared(runs[i + 1])));
  });
  return mergeRuns(out);
}

function emphasisLine(runs: TextRun[]): Token[] {
  const target = mergeRuns(runs);
  if (target.every((run) => emphasisOf(run).length === 0)) return target.map((run) => literal(run.text));
  const trimmed = trimEdges(target);
  const attempts: Array<[TextRun[], (r: readonly TextRun[]) => Token[]]> = [
    [target, nested],
    [target, flat],
    [trimmed, nested],
    [trimmed, flat],
  ];
  for (const [candidate, encode] of attempts) {
    const tokens = encode(candidate);
    if (sameRuns(parseEmphasisLine(escapeTokens(tokens)), candidate)) return tokens;
  }
  return [literal(target.map((run) => run.text).join(""))];
}

/** Appends without spreading: a block may have 100k lines, more than a call's argument limit. */
function append(target: Token[], items: readonly Token[]): void {
  for (const item of items) target.push(item);
}

function emphasisTokens(tokens: Token[], runs: readonly TextRun[]): void {
  splitLines(runs).forEach((line, i) => {
    if (i > 0) tokens.push(literal("\n"));
    append(tokens, emphasisLine(line));
  });
}

/** Tokens for a block's runs: note-marked stretches become [[…]], emphasis inside and outside them. */
export function inlineTokens(runs: readonly TextRun[]): Token[] {
  const tokens: Token[] = [];
  const merged = mergeRuns(runs);
  let i = 0;
  while (i < merged.length) {
    const note = hasMark(merged[i]!, "note");
    let end = i;
    while (end < merged.length && hasMark(merged[end]!, "note") === note) end++;
    const segment = withoutMark(merged.slice(i, end), "note");
    if (note) tokens.push(syntax("[["));
    emphasisTokens(tokens, segment);
    if (note) tokens.push(syntax("]]"));
    i = end;
  }
  return tokens;
}

/**
 * Joins tokens, escaping literal characters that would read as syntax: * and _ always; "[" before
 * "[" and "]" before "]" (note brackets); "/" before an emphasis "*" (a boneyard opener); a backslash before
 * punctuation (it would escape it).
 */
export function escapeTokens(tokens: readonly Token[]): string {
  const out: string[] = [];
  tokens.forEach((token, t) => {
    if (!token.literal) {
      out.push(token.text);
      return;
    }
    // Only these characters can need a backslash; most text has none of them.
    if (!/[*_\\[\]/]/.test(token.text)) {
      out.push(token.text);
      return;
    }
    let after = t + 1;
    while (after < tokens.length && tokens[after]!.text === "") after++;
    const following = tokens[after];
    const text = token.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      const next = i + 1 < text.length ? text[i + 1] : following?.text[0];
      const nextIsSyntax = i + 1 >= text.length && following !== undefined && !following.literal;
      let escape = false;
      if (ch === "*" || ch === "_") escape = true;
      else if (ch === "\\") escape = isAsciiPunct(next);
      else if (ch === "[" || ch === "]") escape = next === ch;
      else if (ch === "/") escape = next === "*" && nextIsSyntax;
      out.push(escape ? `\\${ch}` : ch);
    }
  });
  return out.join("");
}

export function writeInline(runs: readonly TextRun[]): string {
  return escapeTokens(inlineTokens(runs));
}
