/**
 * A plain, editor-independent model of a screenplay: what the Fountain converters read and write and
 * what the Yjs binding turns into the `screenplay` fragment. Line breaks inside a block are "\n".
 */
import type { BlockAttrs, BlockType, MarkName } from "./nodes.js";

export interface TextRun {
  text: string;
  marks?: MarkName[];
}

export interface ScreenplayBlock {
  type: BlockType;
  content: TextRun[];
  attrs?: BlockAttrs;
}

/** One title-page field, such as { key: "Title", value: "BRICK & STEEL" }; multi-line values use "\n". */
export interface TitlePageField {
  key: string;
  value: string;
}

export interface Screenplay {
  titlePage: TitlePageField[];
  blocks: ScreenplayBlock[];
}

export function blockText(block: ScreenplayBlock): string {
  return block.content.map((run) => run.text).join("");
}

export function textBlock(type: BlockType, text: string, attrs?: BlockAttrs): ScreenplayBlock {
  const block: ScreenplayBlock = { type, content: text === "" ? [] : [{ text }] };
  if (attrs) block.attrs = attrs;
  return block;
}
