/**
 * Screenplay → Fountain text. Blocks are separated by one blank line, except that a character cue and
 * the parentheticals, dialogue and lyrics after it form one paragraph. For every model the parser
 * produces, parseFountain(writeFountain(x)) equals x (apart from fresh sceneIds), so writing is a
 * fixed point after one round.
 */
import type { BlockType } from "../screenplay/nodes.js";
import type { Screenplay, ScreenplayBlock } from "../screenplay/model.js";
import { blockLines, dialogueGroupLines } from "./blockWriter.js";
import { isTitlePageStart } from "./syntax.js";
import { writeTitlePage } from "./titlePage.js";

interface Chunk {
  /** null: an empty element, written as an empty line. */
  lines: string[] | null;
  cue: boolean;
}

const DIALOGUE_MEMBERS = new Set<BlockType>(["parenthetical", "dialogue", "lyrics"]);

function dialogueMembers(blocks: readonly ScreenplayBlock[], from: number): ScreenplayBlock[] {
  const members: ScreenplayBlock[] = [];
  for (let i = from; i < blocks.length; i++) {
    const block = blocks[i]!;
    const previous = members[members.length - 1];
    // Two dialogue (or lyrics) blocks in a row would merge into one when read back, so the second
    // one starts a new paragraph instead.
    if (!DIALOGUE_MEMBERS.has(block.type)) break;
    if (previous && previous.type === block.type && block.type !== "parenthetical") break;
    members.push(block);
  }
  return members;
}

function bodyChunks(blocks: readonly ScreenplayBlock[]): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    if (block.type === "character") {
      const members = dialogueMembers(blocks, i + 1);
      const lines = dialogueGroupLines(block, members);
      chunks.push({ lines, cue: lines !== null });
      // An empty cue is an empty line; what followed it is written on its own.
      i += lines === null ? 1 : 1 + members.length;
      continue;
    }
    chunks.push({ lines: blockLines(block), cue: false });
    i++;
  }
  return chunks;
}

/** Without a title page, a first line like "Notes: call Bob" would be read as one; force it. */
function guardTitleLookalike(chunks: Chunk[]): void {
  const first = chunks.find((chunk) => chunk.lines !== null);
  if (!first?.lines || !isTitlePageStart(first.lines[0]!)) return;
  first.lines[0] = `${first.cue ? "@" : "!"}${first.lines[0]}`;
}

function joinChunks(chunks: readonly Chunk[]): string {
  const texts = chunks.map((chunk) => chunk.lines?.join("\n") ?? null);
  // Leading and trailing blank lines are not read as anything, so empty elements at the edges are
  // written as a lone "!" (an empty forced action line) instead.
  if (texts[0] === null) texts[0] = "!";
  if (texts.length > 1 && texts[texts.length - 1] === null) texts[texts.length - 1] = "!";
  let out = "";
  let extraBlankLines = 0;
  for (const text of texts) {
    if (text === null) {
      extraBlankLines++;
      continue;
    }
    if (out !== "") out += `\n\n${"\n".repeat(extraBlankLines)}`;
    out += text;
    extraBlankLines = 0;
  }
  return out;
}

export function writeFountain(screenplay: Screenplay): string {
  const titleLines = writeTitlePage(screenplay.titlePage ?? []);
  const chunks = bodyChunks(screenplay.blocks ?? []);
  if (titleLines.length === 0) guardTitleLookalike(chunks);
  const parts: string[] = [];
  if (titleLines.length > 0) parts.push(titleLines.join("\n"));
  const body = joinChunks(chunks);
  if (body !== "") parts.push(body);
  return parts.length === 0 ? "" : `${parts.join("\n\n")}\n`;
}
