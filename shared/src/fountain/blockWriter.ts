/**
 * One screenplay block → its Fountain lines. Every line is checked with the parser's own classifier
 * (syntax.ts) and forced ("!", "@", ".", ">") or escaped ("\") when it would otherwise read back as a
 * different element. `null` means "an empty element": the document writer turns it into an empty line.
 */
import type { ScreenplayBlock, TextRun } from "../screenplay/model.js";
import { escapeTokens, inlineTokens, writeInline } from "./inlineWriter.js";
import { noteLineInfo } from "./notes.js";
import { flattenLineBreaks, makeRun, mergeRuns, runsText, withoutMark } from "./runs.js";
import { classifyDialogueLine, classifyLine, isEscaped, splitSceneNumber } from "./syntax.js";

/** Splits written text into lines; an empty line inside a block is the "two spaces" line. */
function toLines(written: string): string[] {
  return written.split("\n").map((line, i) => (i > 0 && line.trim() === "" ? "  " : line));
}

/** How the first line of a block is read when a blank line precedes it. */
function firstLine(lines: readonly string[]) {
  const info = noteLineInfo(lines);
  return classifyLine(lines[0]!, { prevBlank: true, nextBlank: lines.length === 1, standaloneNote: info[0]!.standaloneNote });
}

/** Written text of a one-line element, trimmed (the parser trims these). */
function oneLine(runs: readonly TextRun[]): string[] {
  return toLines(writeInline(flattenLineBreaks(runs)).trim());
}

export function actionLines(runs: readonly TextRun[]): string[] | null {
  if (runsText(runs) === "") return null;
  const written = writeInline(runs).split("\n");
  // Empty lines: a lone "!" (an empty forced action line) first, the "two spaces" line after that.
  const empty = written.map((line) => line.trim() === "");
  const lines = written.map((line, i) => (empty[i] ? (i === 0 ? "!" : "  ") : line.trimEnd()));
  const info = noteLineInfo(lines);
  return lines.map((line, i) => {
    if (empty[i] || (i > 0 && info[i]!.continuesNote)) return line;
    const read = classifyLine(line, {
      prevBlank: i === 0,
      nextBlank: i === lines.length - 1,
      standaloneNote: info[i]!.standaloneNote,
    });
    return read.kind === "action" && !read.forced ? line : `!${line}`;
  });
}

function headingLines(block: ScreenplayBlock): string[] | null {
  const number = String(block.attrs?.sceneNumber ?? "").replace(/[#\s]/g, "");
  let text = writeInline(flattenLineBreaks(block.content)).trim();
  if (text === "" && number === "") return null;
  if (number === "") {
    // Text that ends like "#12#" would be read as a scene number: escape its "#".
    const split = splitSceneNumber(text);
    if (split.sceneNumber !== undefined) {
      const at = text.lastIndexOf(`#${split.sceneNumber}#`);
      text = `${text.slice(0, at)}\\${text.slice(at)}`;
    }
  }
  const lines = toLines(number === "" ? text : `${text} #${number}#`.trimStart());
  const read = firstLine(lines);
  if (read.kind !== "sceneHeading" || read.forced) {
    const first = lines[0]!.trimStart();
    lines[0] = `.${first.startsWith(".") ? "\\" : ""}${first}`;
  }
  return lines;
}

function transitionLines(runs: readonly TextRun[]): string[] | null {
  const lines = oneLine(runs);
  if (lines[0] === "") return null;
  const read = firstLine(lines);
  if (read.kind === "transition" && !read.forced) return lines;
  let first = `> ${lines[0]}`;
  // "> TEXT<" would be centered text.
  if (first.endsWith("<") && !isEscaped(first, first.length - 1)) first = `${first.slice(0, -1)}\\<`;
  return [first, ...lines.slice(1)];
}

function sectionLines(block: ScreenplayBlock): string[] {
  const depth = Number.isInteger(block.attrs?.depth) && block.attrs!.depth! > 0 ? block.attrs!.depth! : 1;
  const [first = "", ...rest] = oneLine(block.content);
  const text = first.startsWith("#") ? `\\${first}` : first;
  return [`${"#".repeat(depth)}${text === "" ? "" : ` ${text}`}`, ...rest];
}

function noteLines(block: ScreenplayBlock): string[] {
  if (block.attrs?.boneyard) {
    // Boneyard text is raw Fountain; only its closer cannot be represented inside it.
    const text = runsText(block.content).replace(/\*\//g, "* /");
    return text === "" ? ["/*", "*/"] : ["/*", ...text.split("\n"), "*/"];
  }
  const tokens = [{ text: "[[", literal: false }, ...inlineTokens(withoutMark(block.content, "note")), { text: "]]", literal: false }];
  return toLines(escapeTokens(tokens));
}

function shotLines(runs: readonly TextRun[]): string[] | null {
  // Shots are shown in capitals, so they are exported in capitals; that is also what lets them be
  // recognised again. A shot that does not begin with a camera term cannot be told apart from action
  // in Fountain and is exported as an action line (documented limitation).
  const upper = mergeRuns(runs.map((run) => makeRun(run.text.toUpperCase(), run.marks)));
  const lines = oneLine(upper);
  if (lines[0] === "") return null;
  if (lines.length === 1 && firstLine(lines).kind === "shot") return lines;
  return actionLines(upper);
}

/** Lines of a block outside a dialogue group (see writer.ts for character cues and their dialogue). */
export function blockLines(block: ScreenplayBlock): string[] | null {
  switch (block.type) {
    case "sceneHeading":
      return headingLines(block);
    case "transition":
      return transitionLines(block.content);
    case "shot":
      return shotLines(block.content);
    case "centered":
      return toLines(writeInline(block.content)).map((line) => (line.trim() === "" ? "> <" : `> ${line} <`));
    case "lyrics":
      return writeInline(block.content)
        .split("\n")
        .map((line) => `~${line}`);
    case "section":
      return sectionLines(block);
    case "synopsis": {
      const [first = "", ...rest] = oneLine(block.content);
      return [first === "" ? "=" : `= ${first}`, ...rest];
    }
    case "note":
      return noteLines(block);
    case "pageBreak":
      return ["==="];
    default:
      // action, and dialogue or parentheticals with no character cue before them.
      return actionLines(block.content);
  }
}

/** A character cue with its parentheticals, dialogue and lyrics, written without blank lines. */
export function dialogueGroupLines(cue: ScreenplayBlock, members: readonly ScreenplayBlock[]): string[] | null {
  let cueText = writeInline(flattenLineBreaks(cue.content)).trim();
  if (cueText === "") return null;
  if (cue.attrs?.dual) cueText += " ^";
  else if (cueText.endsWith("^") && !isEscaped(cueText, cueText.length - 1)) cueText = `${cueText.slice(0, -1)}\\^`;
  const lines = toLines(cueText);
  for (const member of members) {
    if (member.type === "lyrics") {
      lines.push(...writeInline(member.content).split("\n").map((line) => `~${line}`));
      continue;
    }
    const written = toLines(writeInline(member.type === "parenthetical" ? flattenLineBreaks(member.content) : member.content));
    const info = noteLineInfo(written);
    written.forEach((line, i) => {
      let out = line.trim() === "" ? "  " : line.trim();
      // Spoken text shaped like "(…)" or starting with "~" is escaped so it stays dialogue.
      if (member.type === "dialogue" && out !== "  " && !info[i]!.continuesNote && classifyDialogueLine(out) !== "dialogue") {
        out = `\\${out}`;
      }
      lines.push(out);
    });
  }
  const read = firstLine(lines);
  if (read.kind !== "character" || read.forced) lines[0] = `@${lines[0]!.trimStart()}`;
  return lines;
}
