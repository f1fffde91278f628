/**
 * Screenplay block node names: the contract between editor, server, worker and converters.
 * Each is a child of the Y.XmlFragment `screenplay` in an episode's script document.
 */
export const SCREENPLAY_FRAGMENT = "screenplay";

export const BLOCK_TYPES = [
  "sceneHeading",
  "action",
  "character",
  "parenthetical",
  "dialogue",
  "transition",
  "shot",
  "centered",
  "lyrics",
  "note",
  "section",
  "synopsis",
  "pageBreak",
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export function isBlockType(value: unknown): value is BlockType {
  return typeof value === "string" && (BLOCK_TYPES as readonly string[]).includes(value);
}

/**
 * Inline marks on screenplay text. `note` is a Fountain [[inline note]]. In the Yjs document and the editor
 * it is named `inlineNote` (Y_MARK_ATTRIBUTE in ydoc.ts), because ProseMirror forbids a mark and a node
 * (the `note` block) sharing one name.
 */
export const MARK_NAMES = ["bold", "italic", "underline", "note"] as const;
export type MarkName = (typeof MARK_NAMES)[number];

/**
 * Attributes each block type carries (all optional; absent means the default).
 * - sceneHeading.sceneId: stable scene identity (new id on paste or duplicate).
 * - sceneHeading.sceneNumber: a locked scene number such as "12A", or null when numbered automatically.
 * - character.dual: true on the second cue of a dual-dialogue pair (Fountain `^`).
 * - section.depth: 1 for `#`, 2 for `##`, … (Fountain sections).
 * - note.boneyard: true for Fountain /* boneyard *\/ text, kept but not part of the script.
 */
export interface BlockAttrs {
  sceneId?: string;
  sceneNumber?: string | null;
  dual?: boolean;
  depth?: number;
  boneyard?: boolean;
}

/**
 * The element types Tab cycles through. Action comes first and character right after it, as in Final Draft:
 * Enter after action gives a fresh action line, and Tab turns that empty line into a character cue.
 */
export const TAB_CYCLE: readonly BlockType[] = [
  "action",
  "character",
  "parenthetical",
  "dialogue",
  "transition",
  "shot",
  "sceneHeading",
];

/** What Enter at the end of a block makes next, as in Final Draft. */
export const NEXT_ON_ENTER: Record<BlockType, BlockType> = {
  sceneHeading: "action",
  action: "action",
  character: "dialogue",
  parenthetical: "dialogue",
  dialogue: "character",
  transition: "sceneHeading",
  shot: "action",
  centered: "action",
  lyrics: "lyrics",
  note: "action",
  section: "action",
  synopsis: "action",
  pageBreak: "action",
};

/** Block types whose text is written in capitals. */
export const UPPERCASE_BLOCKS: readonly BlockType[] = ["sceneHeading", "character", "transition", "shot"];
