/**
 * Autocomplete while typing a CHARACTER cue or a scene heading. The plugin state says what to
 * offer (recomputed from the document, never stored in it); SuggestionList.tsx draws it.
 * Keys: Up/Down pick, Enter/Tab accept, Escape closes until the text changes.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { characterSuggestions, headingSuggestions } from "./suggestSources.js";

export type SuggestionKind = "character" | "sceneHeading";

export interface SuggestState {
  kind: SuggestionKind;
  /** Document range the accepted item replaces. */
  from: number;
  to: number;
  items: string[];
  index: number;
}

interface PluginValue {
  active: SuggestState | null;
  /** "from:text" of a suggestion Escape closed, so it stays closed until the text changes. */
  dismissed: string | null;
}

type Action = { move: 1 | -1 } | { dismiss: true };

export const suggestKey = new PluginKey<PluginValue>("screenplaySuggest");

function compute(state: EditorState): Omit<SuggestState, "index"> | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const { $head } = selection;
  const block = $head.parent;
  const kind = block.type.name;
  if ((kind !== "character" && kind !== "sceneHeading") || $head.depth !== 1) return null;
  // Only at the end of the element: mid-line edits are corrections, not new names.
  if ($head.parentOffset !== block.content.size) return null;
  const text = block.textContent;
  const blockPos = $head.before();
  const query =
    kind === "character" ? characterSuggestions(state.doc, blockPos, text) : headingSuggestions(state.doc, blockPos, text);
  if (!query) return null;
  return { kind, from: blockPos + 1 + query.start, to: $head.pos, items: query.items };
}

function keyOf(s: Omit<SuggestState, "index">, state: EditorState): string {
  return `${s.from}:${state.doc.textBetween(s.from, s.to)}`;
}

function apply(tr: Transaction, value: PluginValue, state: EditorState): PluginValue {
  const action = tr.getMeta(suggestKey) as Action | undefined;
  if (action && "move" in action && value.active) {
    const { items, index } = value.active;
    return { ...value, active: { ...value.active, index: (index + action.move + items.length) % items.length } };
  }
  if (!tr.docChanged && !tr.selectionSet && !action) return value;
  const next = compute(state);
  if (!next) return { active: null, dismissed: null };
  const key = keyOf(next, state);
  if ((action && "dismiss" in action) || value.dismissed === key) return { active: null, dismissed: key };
  const sameList = value.active !== null && value.active.items.join("\n") === next.items.join("\n");
  return { active: { ...next, index: sameList ? value.active!.index : 0 }, dismissed: null };
}

export function suggestionState(state: EditorState): SuggestState | null {
  return suggestKey.getState(state)?.active ?? null;
}

/** Replaces the typed segment with the chosen item. */
export function acceptSuggestion(view: EditorView, index?: number): boolean {
  const active = suggestionState(view.state);
  if (!active) return false;
  const item = active.items[index ?? active.index];
  if (item === undefined) return false;
  view.dispatch(view.state.tr.insertText(item, active.from, active.to).scrollIntoView());
  return true;
}

export function moveSuggestion(view: EditorView, move: 1 | -1): boolean {
  if (!suggestionState(view.state)) return false;
  view.dispatch(view.state.tr.setMeta(suggestKey, { move } satisfies Action));
  return true;
}

export function dismissSuggestion(view: EditorView): boolean {
  if (!suggestionState(view.state)) return false;
  view.dispatch(view.state.tr.setMeta(suggestKey, { dismiss: true } satisfies Action));
  return true;
}

export const Suggestions = Extension.create({
  name: "screenplaySuggest",
  // Before the screenplay keymap, so Enter and Tab accept a suggestion instead of moving on.
  priority: 150,

  addProseMirrorPlugins() {
    return [
      new Plugin<PluginValue>({
        key: suggestKey,
        state: {
          init: () => ({ active: null, dismissed: null }),
          apply: (tr, value, _old, state) => apply(tr, value, state),
        },
        props: {
          handleKeyDown: (view, event) => {
            if (!view.editable || !suggestionState(view.state)) return false;
            if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return false;
            switch (event.key) {
              case "ArrowDown":
                return moveSuggestion(view, 1);
              case "ArrowUp":
                return moveSuggestion(view, -1);
              case "Enter":
              case "Tab":
                return !event.shiftKey && acceptSuggestion(view);
              case "Escape":
                return dismissSuggestion(view);
              default:
                return false;
            }
          },
        },
      }),
    ];
  },
});
