/**
 * Capitals as they are typed in scene headings, CHARACTER cues, transitions and shots.
 *
 * Only text being inserted is upper-cased (typed, composed or pasted), never text already in the
 * document: rewriting existing text from appendTransaction would fight collaborators' concurrent
 * edits of the same line. CSS text-transform shows capitals anyway, so an element whose type was
 * changed keeps its text as typed, the way Final Draft does.
 */
import { Extension } from "@tiptap/core";
import { Fragment, Slice, type Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { UPPERCASE_BLOCKS } from "@aiuteur/shared";

const UPPER = new Set<string>(UPPERCASE_BLOCKS);

export function isUppercaseBlock(typeName: string): boolean {
  return UPPER.has(typeName);
}

function upperText(node: PMNode): PMNode {
  return node.isText ? node.type.schema.text(node.text!.toUpperCase(), node.marks) : node;
}

function upperContent(fragment: Fragment): Fragment {
  const children: PMNode[] = [];
  fragment.forEach((child) => children.push(upperText(child)));
  return Fragment.from(children);
}

/**
 * Upper-cases pasted text that lands in a capitals element: pasted elements of those types, and
 * the open first element of the slice when it merges into a capitals element at the caret.
 */
export function uppercaseSlice(slice: Slice, targetIsUpper: boolean): Slice {
  const blocks: PMNode[] = [];
  let inline = false;
  slice.content.forEach((node, _offset, index) => {
    if (node.isInline) {
      inline = true;
      blocks.push(targetIsUpper ? upperText(node) : node);
      return;
    }
    const mergesIntoTarget = index === 0 && slice.openStart > 0 && targetIsUpper;
    const upper = node.isTextblock && (isUppercaseBlock(node.type.name) || mergesIntoTarget);
    blocks.push(upper ? node.copy(upperContent(node.content)) : node);
  });
  if (!inline && blocks.every((b, i) => b === slice.content.child(i))) return slice;
  return new Slice(Fragment.from(blocks), slice.openStart, slice.openEnd);
}

/** After an IME composition (phones, CJK, dead keys), capitalise the composed word at the caret. */
function capitaliseComposition(view: EditorView, data: string): void {
  if (view.isDestroyed || view.composing || data === "" || data === data.toUpperCase()) return;
  const { $head, empty } = view.state.selection;
  if (!empty || !isUppercaseBlock($head.parent.type.name)) return;
  const before = $head.parent.textBetween(0, $head.parentOffset);
  if (!before.endsWith(data)) return;
  const from = $head.pos - data.length;
  const tr = view.state.tr.insertText(data.toUpperCase(), from, $head.pos);
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, $head.pos)));
}

function handleTextInput(view: EditorView, from: number, to: number, text: string): boolean {
  // Changing text mid-composition breaks the IME; compositionend catches up instead.
  if (view.composing) return false;
  const type = view.state.doc.resolve(from).parent.type.name;
  if (!isUppercaseBlock(type) || text === text.toUpperCase()) return false;
  view.dispatch(view.state.tr.insertText(text.toUpperCase(), from, to));
  return true;
}

export const UppercaseTyping = Extension.create({
  name: "screenplayUppercase",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("screenplayUppercase"),
        props: {
          handleTextInput: (view, from, to, text) => handleTextInput(view, from, to, text),
          transformPasted: (slice, view) =>
            uppercaseSlice(slice, isUppercaseBlock(view.state.selection.$from.parent.type.name)),
          handleDOMEvents: {
            compositionend: (view, event) => {
              const data = (event as CompositionEvent).data ?? "";
              // ProseMirror reads the composed text from the DOM shortly after compositionend.
              setTimeout(() => capitaliseComposition(view, data), 30);
              return false;
            },
          },
        },
      }),
    ];
  },
});
