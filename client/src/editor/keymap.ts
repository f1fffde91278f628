/** Screenplay keyboard behaviour and the element commands, as one Tiptap extension. */
import { Extension } from "@tiptap/core";
import type { BlockType } from "@aiuteur/shared";
import { cycleElement, setElement } from "./elements.js";
import { insertLineBreak, screenplayEnter } from "./enter.js";
import { ELEMENT_SHORTCUTS } from "./shortcuts.js";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    screenplay: {
      /** Sets the element type of the current block(s); pageBreak inserts a break. */
      setElement: (type: BlockType) => ReturnType;
      /** Tab (1) / Shift-Tab (-1) through TAB_CYCLE. */
      cycleElement: (direction: 1 | -1) => ReturnType;
      /** Enter with screenplay rules (see enter.ts). */
      screenplayEnter: () => ReturnType;
      /** A "\n" line break inside the element. */
      insertLineBreak: () => ReturnType;
    };
  }
}

export interface ScreenplayKeymapOptions {
  /** Mod-/ : show or hide the shortcut help. */
  onToggleHelp: (() => void) | null;
}

export const ScreenplayKeymap = Extension.create<ScreenplayKeymapOptions>({
  name: "screenplayKeymap",
  // Ahead of Tiptap's core keymap, whose Enter would split the block as a plain paragraph.
  priority: 110,

  addOptions: () => ({ onToggleHelp: null }),

  addCommands() {
    return {
      setElement: (type) => ({ state, dispatch }) => setElement(type)(state, dispatch),
      cycleElement: (direction) => ({ state, dispatch }) => cycleElement(direction)(state, dispatch),
      screenplayEnter: () => ({ state, dispatch }) => screenplayEnter(state, dispatch),
      insertLineBreak: () => ({ state, dispatch }) => insertLineBreak(state, dispatch),
    };
  },

  addKeyboardShortcuts() {
    const commands = () => this.editor.commands;
    const map: Record<string, () => boolean> = {
      Enter: () => commands().screenplayEnter(),
      "Shift-Enter": () => commands().insertLineBreak(),
      // Tab must never move focus out of the page while writing, so it is always handled.
      Tab: () => commands().cycleElement(1) || true,
      "Shift-Tab": () => commands().cycleElement(-1) || true,
      "Mod-/": () => {
        this.options.onToggleHelp?.();
        return this.options.onToggleHelp !== null;
      },
    };
    for (const [key, type] of ELEMENT_SHORTCUTS) map[key] = () => commands().setElement(type);
    return map;
  },
});
