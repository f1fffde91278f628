/**
 * The keyboard map, as data: the help popover lists exactly what the keymap binds.
 * Element shortcuts follow Final Draft's Cmd/Ctrl-Alt-digit pattern.
 */
import type { BlockType } from "@aiuteur/shared";

export const ELEMENT_LABELS: Record<BlockType, string> = {
  sceneHeading: "Scene Heading",
  action: "Action",
  character: "Character",
  parenthetical: "Parenthetical",
  dialogue: "Dialogue",
  transition: "Transition",
  shot: "Shot",
  centered: "Centered",
  lyrics: "Lyrics",
  note: "Note",
  section: "Section",
  synopsis: "Synopsis",
  pageBreak: "Page Break",
};

/** Mod-Alt-<digit> → element. */
export const ELEMENT_SHORTCUTS: ReadonlyArray<readonly [key: string, type: BlockType]> = [
  ["Mod-Alt-1", "sceneHeading"],
  ["Mod-Alt-2", "action"],
  ["Mod-Alt-3", "character"],
  ["Mod-Alt-4", "parenthetical"],
  ["Mod-Alt-5", "dialogue"],
  ["Mod-Alt-6", "transition"],
  ["Mod-Alt-7", "shot"],
  ["Mod-Alt-8", "centered"],
  ["Mod-Alt-9", "note"],
];

export interface ShortcutHelpEntry {
  keys: string;
  does: string;
}

export const OTHER_SHORTCUTS: readonly ShortcutHelpEntry[] = [
  { keys: "Enter", does: "Next element (Character → Dialogue → Character …); in an empty element, back to Action" },
  { keys: "Shift-Enter", does: "Line break inside the element" },
  { keys: "Tab / Shift-Tab", does: "Cycle the element type" },
  { keys: "(", does: "At the start of an empty dialogue: parenthetical" },
  { keys: "Mod-B / Mod-I / Mod-U", does: "Bold / italic / underline" },
  { keys: "Mod-Alt-M", does: "Comment on the selected words; with nothing selected, an inline note" },
  { keys: "Mod-Alt-C", does: "Show or hide the comments" },
  { keys: "Mod-Z / Mod-Shift-Z", does: "Undo / redo your own changes" },
  { keys: "↑ ↓, Enter or Tab, Esc", does: "Pick, accept or close a suggestion" },
  { keys: "Mod-/", does: "Show or hide this list" },
];

/** "Mod-Alt-1" → "Ctrl-Alt-1" or "⌘-⌥-1", for display. */
export function displayKeys(keys: string, mac: boolean): string {
  return mac ? keys.replace(/Mod/g, "⌘").replace(/Alt/g, "⌥").replace(/Shift/g, "⇧") : keys.replace(/Mod/g, "Ctrl");
}

export function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iP(hone|[oa]d)/.test(navigator.platform);
}
