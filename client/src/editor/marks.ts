/**
 * Inline marks of the contract: bold, italic, underline and the inline note (a Fountain [[note]]).
 * Mark names are the Yjs formatting keys of the text, so each is taken from shared's
 * Y_MARK_ATTRIBUTE. The inline note's key is "inlineNote", not its model name "note": ProseMirror
 * refuses a schema where a node and a mark share a name, and `note` is also a block type.
 */
import { Mark } from "@tiptap/core";
import Bold from "@tiptap/extension-bold";
import Italic from "@tiptap/extension-italic";
import Underline from "@tiptap/extension-underline";
import { Y_MARK_ATTRIBUTE } from "@aiuteur/shared";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    inlineNote: {
      /** Toggle the inline-note mark on the selection. */
      toggleInlineNote: () => ReturnType;
    };
  }
}

/**
 * Tiptap's markdown input and paste rules are dropped: they turn `_text_` into italic, but in
 * Fountain `_text_` is underline and `*text*` italic, so writers would get the wrong emphasis.
 */
const noRules = { addInputRules: () => [], addPasteRules: () => [] };

/** The editor's (and Yjs') name for the inline-note mark. */
export const INLINE_NOTE_MARK = Y_MARK_ATTRIBUTE.note;

export const InlineNote = Mark.create({
  name: INLINE_NOTE_MARK,
  // A note is an aside, not emphasis: it should not grow when typing at its edge.
  inclusive: false,
  parseHTML: () => [{ tag: "span[data-inline-note]" }],
  renderHTML: () => ["span", { "data-inline-note": "", class: "sp-inline-note" }, 0],
  addCommands() {
    return { toggleInlineNote: () => ({ commands }) => commands.toggleMark(this.name) };
  },
  addKeyboardShortcuts() {
    // Mod-Alt-M mirrors "insert comment" in word processors.
    return { "Mod-Alt-m": () => this.editor.commands.toggleInlineNote() };
  },
});

export function screenplayMarks() {
  return [Bold.extend(noRules), Italic.extend(noRules), Underline.extend(noRules), InlineNote];
}
