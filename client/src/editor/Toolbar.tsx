/** The element-type picker and emphasis buttons above the page. */
import { useEditorState, type Editor } from "@tiptap/react";
import { BLOCK_TYPES, type BlockType } from "@aiuteur/shared";
import { currentElement } from "./elements.js";
import { ELEMENT_LABELS, ELEMENT_SHORTCUTS, displayKeys, isMac } from "./shortcuts.js";

export interface ToolbarProps {
  editor: Editor;
  editable: boolean;
  helpOpen: boolean;
  onToggleHelp(): void;
}

const SHORTCUT_OF = new Map<BlockType, string>(ELEMENT_SHORTCUTS.map(([key, type]) => [type, key]));
const MARKS = [
  { mark: "bold", label: "B", title: "Bold", keys: "Mod-B" },
  { mark: "italic", label: "I", title: "Italic", keys: "Mod-I" },
  { mark: "underline", label: "U", title: "Underline", keys: "Mod-U" },
] as const;

export function Toolbar({ editor, editable, helpOpen, onToggleHelp }: ToolbarProps) {
  const mac = isMac();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      element: currentElement(e.state),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
    }),
  });

  const choose = (type: BlockType) => editor.chain().focus().setElement(type).run();
  const toggle = (mark: (typeof MARKS)[number]["mark"]) => editor.chain().focus().toggleMark(mark).run();

  return (
    <div className="sp-toolbar" role="toolbar" aria-label="Screenplay formatting">
      <select
        className="sp-element-select"
        data-testid="element-type"
        aria-label="Element type"
        value={state.element ?? ""}
        disabled={!editable}
        onChange={(event) => choose(event.target.value as BlockType)}
      >
        {state.element === null && <option value="">—</option>}
        {BLOCK_TYPES.map((type) => {
          const keys = SHORTCUT_OF.get(type);
          return (
            <option key={type} value={type}>
              {ELEMENT_LABELS[type]}
              {keys ? `  (${displayKeys(keys, mac)})` : ""}
            </option>
          );
        })}
      </select>
      {MARKS.map(({ mark, label, title, keys }) => (
        <button
          key={mark}
          type="button"
          className={`sp-tool sp-tool-${mark}`}
          title={`${title} (${displayKeys(keys, mac)})`}
          aria-label={title}
          aria-pressed={state[mark]}
          disabled={!editable}
          // Keep the page's selection: a mouse-down on the button would otherwise take focus.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => toggle(mark)}
        >
          {label}
        </button>
      ))}
      <button
        type="button"
        className="sp-tool sp-tool-help"
        data-testid="shortcut-help-toggle"
        title={`Keyboard shortcuts (${displayKeys("Mod-/", mac)})`}
        aria-label="Keyboard shortcuts"
        aria-expanded={helpOpen}
        onClick={onToggleHelp}
      >
        ?
      </button>
    </div>
  );
}
