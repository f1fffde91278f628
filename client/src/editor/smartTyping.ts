/**
 * Typing that changes the element, as screenwriting programs do:
 * - the first words typed into an empty script make a scene heading (the placeholder's promise);
 * - "INT." / "EXT." / "EST." / "I/E." / "INT./EXT." typed at the start of an action line makes it a
 *   scene heading (Fountain's rule, which WriterDuet and Highland users expect);
 * - "(" at the start of an empty dialogue line makes a parenthetical with its ")" ready;
 * - ")" typed in front of that ")" steps over it.
 */
import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { Plugin, PluginKey, TextSelection, type EditorState } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { newId } from "@aiuteur/shared";

const HEADING_PREFIX = /^(int|ext|est|i\/e|int\.?\/ext|int\/ext)\.$/i;

/** True until this editor makes its first change: the script in front of the writer is new. */
const untouchedKey = new PluginKey<boolean>("screenplayUntouched");

function isPristineScript(state: EditorState): boolean {
  const { doc } = state;
  return untouchedKey.getState(state) === true && doc.childCount === 1 && doc.firstChild!.type.name === "action" && doc.firstChild!.content.size === 0;
}

/** Makes the block at `start` a new scene heading whose text from its start to `to` becomes `text`. */
function toHeading(view: EditorView, start: number, to: number, text: string): true {
  const heading = view.state.schema.nodes.sceneHeading!;
  const tr = view.state.tr.setNodeMarkup(start, heading, { sceneId: newId() });
  tr.insertText(text.toUpperCase(), start + 1, to);
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, start + 1 + text.length)).scrollIntoView());
  return true;
}

function handleTextInput(view: EditorView, from: number, to: number, text: string): boolean {
  if (view.composing) return false;
  const { state } = view;
  const $from = state.doc.resolve(from);
  const block = $from.parent;
  const type = block.type.name;
  if ($from.depth !== 1) return false;
  const start = $from.before();

  if (isPristineScript(state)) return toHeading(view, start, to, text);

  if (type === "action" && from === to && $from.parentOffset === block.content.size) {
    const typed = block.textBetween(0, $from.parentOffset) + text;
    if (HEADING_PREFIX.test(typed)) return toHeading(view, start, to, typed);
  }

  if (text === "(" && type === "dialogue" && block.content.size === 0) {
    const tr = state.tr.setNodeMarkup(start, state.schema.nodes.parenthetical!).insertText("()", start + 1);
    view.dispatch(tr.setSelection(TextSelection.create(tr.doc, start + 2)));
    return true;
  }

  const next = block.textBetween($from.parentOffset, Math.min($from.parentOffset + 1, block.content.size));
  if (text === ")" && type === "parenthetical" && from === to && next === ")") {
    view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, from + 1)));
    return true;
  }
  return false;
}

export const SmartTyping = Extension.create({
  name: "screenplaySmartTyping",
  // Ahead of the capitals rule: these replace the typed text themselves.
  priority: 105,

  addProseMirrorPlugins() {
    return [
      new Plugin<boolean>({
        key: untouchedKey,
        state: {
          init: () => true,
          apply: (tr, untouched) => untouched && !(tr.docChanged && !isChangeOrigin(tr)),
        },
        props: { handleTextInput: (view, from, to, text) => handleTextInput(view, from, to, text) },
      }),
    ];
  },
});
