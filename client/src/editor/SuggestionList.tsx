/** The autocomplete dropdown under the caret (state in suggestPlugin.ts). */
import { useEditorState, type Editor } from "@tiptap/react";
import type { RefObject } from "react";
import { acceptSuggestion, suggestionState } from "./suggestPlugin.js";

export interface SuggestionListProps {
  editor: Editor;
  /** The positioned element the list is placed in (the page frame). */
  frame: RefObject<HTMLElement | null>;
}

function caretOffset(editor: Editor, pos: number, frame: HTMLElement | null): { top: number; left: number } {
  try {
    const caret = editor.view.coordsAtPos(pos);
    const box = frame?.getBoundingClientRect() ?? { top: 0, left: 0 };
    return { top: caret.bottom - box.top + 2, left: caret.left - box.left };
  } catch {
    return { top: 0, left: 0 }; // no layout (tests, hidden page): place it at the frame's corner
  }
}

export function SuggestionList({ editor, frame }: SuggestionListProps) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => (e.isEditable && e.isFocused ? suggestionState(e.state) : null),
  });
  if (!active) return null;
  const { top, left } = caretOffset(editor, active.from, frame.current);
  return (
    <ul
      className="sp-suggestions"
      role="listbox"
      aria-label={active.kind === "character" ? "Character names" : "Scene heading"}
      data-testid={active.kind === "character" ? "character-suggestions" : "heading-suggestions"}
      style={{ top, left }}
    >
      {active.items.map((item, index) => (
        <li
          key={item}
          role="option"
          aria-selected={index === active.index}
          className="sp-suggestion"
          // mousedown, not click: the page must keep focus and its caret.
          onMouseDown={(event) => {
            event.preventDefault();
            acceptSuggestion(editor.view, index);
          }}
        >
          {item}
        </li>
      ))}
    </ul>
  );
}
