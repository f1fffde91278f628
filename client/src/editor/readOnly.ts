/**
 * A read-only page (reviewers, viewers, locked scripts) must not change the script locally either:
 * the server ignores a read-only connection's updates, so a local change would silently diverge
 * from everyone else's copy (and persist in IndexedDB).
 * ProseMirror still runs key bindings when the page is not editable, and Collaboration's undo
 * writes to the Y.Doc directly, so editing keys are swallowed first and any local document change
 * that still gets through is refused. Remote changes (from the sync plugin) always apply.
 */
import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { ELEMENT_SHORTCUTS } from "./shortcuts.js";

const EDITING_KEYS = [
  "Enter",
  "Shift-Enter",
  "Mod-Enter",
  "Backspace",
  "Delete",
  "Mod-Backspace",
  "Mod-Delete",
  "Tab",
  "Shift-Tab",
  "Mod-z",
  "Mod-y",
  "Shift-Mod-z",
  "Mod-b",
  "Mod-i",
  "Mod-u",
  "Mod-Alt-m",
  ...ELEMENT_SHORTCUTS.map(([key]) => key),
];

export const ReadOnlyGuard = Extension.create({
  name: "screenplayReadOnly",
  // Ahead of every other key binding, Collaboration's undo (priority 1000) included.
  priority: 1100,

  addKeyboardShortcuts() {
    const swallow = () => !this.editor.isEditable;
    return Object.fromEntries(EDITING_KEYS.map((key) => [key, swallow]));
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey("screenplayReadOnly"),
        filterTransaction: (tr) => editor.isEditable || !tr.docChanged || isChangeOrigin(tr),
      }),
    ];
  },
});
