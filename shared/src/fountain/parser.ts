/**
 * Fountain text → Screenplay. Pipeline: validate (errors.ts) → title page → cut out boneyards →
 * find multi-line notes → classify lines one by one (syntax.ts) into block drafts → inline markup
 * (inline.ts) per block.
 *
 * Paragraph rules beyond the spec's element list, chosen so every model has one spelling:
 * - Elements may follow each other without a blank line when their markers are unambiguous (a
 *   heading then action, a section then its synopsis, lyrics between action lines).
 * - Each blank line beyond the first between two paragraphs is an empty action block (Fountain keeps
 *   every line break as intent; in the editor an empty action is that empty line).
 * - A line of exactly two spaces is an empty line inside dialogue or action (elsewhere an empty
 *   action line); any other whitespace-only line is blank.
 * - Action keeps its indentation (tabs become four spaces, as the spec says) but not trailing spaces.
 */
import { newId } from "../ids.js";
import type { BlockAttrs, BlockType } from "../screenplay/nodes.js";
import type { Screenplay, ScreenplayBlock } from "../screenplay/model.js";
import { splitBoneyards, type BodyItem } from "./boneyard.js";
import { assertFountainText } from "./errors.js";
import { parseInline } from "./inline.js";
import { trimAroundBreaks } from "./runs.js";
import { noteLineInfo, type NoteLineInfo } from "./notes.js";
import { classifyDialogueLine, classifyLine, isBlankLine, isEscaped, splitDual, splitSceneNumber } from "./syntax.js";
import { parseTitlePage } from "./titlePage.js";

interface Draft {
  type: BlockType;
  lines: string[];
  depth?: number;
}

/**
 * How a line's text is kept in a block of this type: action keeps indentation, everything else is
 * trimmed. Also used for lines that only continue a multi-line note, which still carry markers.
 */
function lineText(type: BlockType, raw: string): string {
  if (type === "action") return raw.replace(/\t/g, "    ").trimEnd();
  let t = raw.trim();
  if (type === "lyrics") t = t.replace(/^~/, "").trim();
  if (type === "centered") {
    t = t.replace(/^>/, "");
    if (t.endsWith("<") && !isEscaped(t, t.length - 1)) t = t.slice(0, -1);
    t = t.trim();
  }
  return t;
}

function finish(draft: Draft): ScreenplayBlock {
  let text = draft.lines.join("\n");
  let attrs: BlockAttrs | undefined;
  if (draft.type === "sceneHeading") {
    const split = splitSceneNumber(text);
    text = split.text;
    attrs = { sceneId: newId() };
    if (split.sceneNumber !== undefined) attrs.sceneNumber = split.sceneNumber;
  } else if (draft.type === "character") {
    const split = splitDual(text);
    text = split.cue;
    if (split.dual) attrs = { dual: true };
  } else if (draft.type === "section") {
    attrs = { depth: draft.depth ?? 1 };
  } else if (draft.type === "note") {
    text = text.replace(/^\[\[/, "").replace(/\]\]$/, "");
  }
  const block: ScreenplayBlock = { type: draft.type, content: trimAroundBreaks(parseInline(text), draft.type === "action") };
  if (attrs) block.attrs = attrs;
  return block;
}

/** Lines and boneyards of the body with each line's note facts. */
function annotate(items: BodyItem[]): Array<BodyItem & { note: NoteLineInfo }> {
  const out: Array<BodyItem & { note: NoteLineInfo }> = [];
  let run: string[] = [];
  const flush = () => {
    const info = noteLineInfo(run);
    run.forEach((text, i) => out.push({ kind: "line", text, note: info[i]! }));
    run = [];
  };
  for (const item of items) {
    if (item.kind === "line") run.push(item.text);
    else {
      flush();
      out.push({ ...item, note: { continuesNote: false, standaloneNote: false } });
    }
  }
  flush();
  return out;
}

function parseBody(body: string): ScreenplayBlock[] {
  const items = annotate(splitBoneyards(body));
  const blocks: ScreenplayBlock[] = [];
  let cur: Draft | null = null;
  let inDialogue = false;
  let prevBlank = true;
  let blankRun = 0;

  const close = () => {
    if (cur) blocks.push(finish(cur));
    cur = null;
  };
  /** Starts a block with an already-extracted first line. */
  const open = (type: BlockType, text: string, depth?: number) => {
    close();
    cur = { type, lines: [text] };
    if (depth !== undefined) cur.depth = depth;
  };
  /** Adds a line to the current block of this type, or starts one. */
  const append = (type: BlockType, text: string) => {
    if (cur?.type === type) cur.lines.push(text);
    else open(type, text);
  };
  const isBlankItem = (i: number) => {
    const item = items[i];
    return item === undefined || item.kind === "boneyard" || isBlankLine(item.text);
  };

  items.forEach((item, i) => {
    const raw = item.text;
    if (item.kind === "line" && item.note.continuesNote && cur) {
      cur.lines.push(lineText(cur.type, raw));
      prevBlank = false;
      return;
    }
    if (item.kind === "line" && isBlankLine(raw)) {
      close();
      inDialogue = false;
      prevBlank = true;
      blankRun++;
      return;
    }
    if (blankRun >= 2 && blocks.length > 0) {
      for (let n = 1; n < blankRun; n++) blocks.push({ type: "action", content: [] });
    }
    blankRun = 0;
    if (item.kind === "boneyard") {
      close();
      blocks.push({ type: "note", content: item.text === "" ? [] : [{ text: item.text }], attrs: { boneyard: true } });
      inDialogue = false;
      prevBlank = true;
      return;
    }
    if (raw === "  " && (inDialogue || cur?.type === "action")) {
      // The spec's "two spaces" line: an intentional empty line inside the paragraph. Anywhere else
      // it falls through to action and reads as an empty action line.
      if (inDialogue) append("dialogue", "");
      else cur!.lines.push("");
      prevBlank = false;
      return;
    }
    if (inDialogue) {
      const kind = classifyDialogueLine(raw);
      if (kind === "parenthetical") open("parenthetical", raw.trim());
      else append(kind, lineText(kind, raw));
      prevBlank = false;
      return;
    }
    const line = classifyLine(raw, { prevBlank, nextBlank: isBlankItem(i + 1), standaloneNote: item.note.standaloneNote });
    switch (line.kind) {
      case "pageBreak":
        close();
        blocks.push({ type: "pageBreak", content: [] });
        break;
      case "action":
        // Forced ("!") lines keep what follows the "!" verbatim; plain lines keep their indentation.
        append("action", lineText("action", line.text));
        break;
      case "lyrics":
      case "centered":
        append(line.kind, line.text);
        break;
      case "note":
        open("note", line.text);
        break;
      case "character":
        open("character", line.text);
        inDialogue = true;
        break;
      default:
        open(line.kind, line.text, line.depth);
    }
    prevBlank = false;
  });
  close();
  return blocks;
}

/** Parses Fountain text; throws FountainError only when the input is not a text file (see errors.ts). */
export function parseFountain(text: string): Screenplay {
  assertFountainText(text);
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = normalized.split("\n");
  const { fields, bodyStart } = parseTitlePage(lines);
  return { titlePage: fields, blocks: parseBody(lines.slice(bodyStart).join("\n")) };
}
