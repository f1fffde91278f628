/**
 * The one screenplay extension list (schema, keyboard, typing rules, collaboration) used by every
 * editor in the client, so the schema the editor writes is always the shared contract.
 */
import type { AnyExtension, Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Dropcursor, Placeholder, UndoRedo } from "@tiptap/extensions";
import type { Node as PMNode } from "@tiptap/pm/model";
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { SCREENPLAY_FRAGMENT, isBlockType } from "@aiuteur/shared";
import { ClipboardLineBreaks } from "./clipboard.js";
import { ScreenplayKeymap } from "./keymap.js";
import { screenplayMarks } from "./marks.js";
import { screenplayNodes } from "./nodes.js";
import { ReadOnlyGuard } from "./readOnly.js";
import { RetiredSceneIds } from "./retiredIds.js";
import { SceneIds } from "./sceneIds.js";
import { SceneNumbers } from "./sceneNumbers.js";
import { SmartTyping } from "./smartTyping.js";
import { ELEMENT_LABELS } from "./shortcuts.js";
import { Suggestions } from "./suggestPlugin.js";
import { UppercaseTyping } from "./uppercase.js";

export const EMPTY_SCRIPT_PLACEHOLDER = "Start with a scene heading: INT. LOCATION – DAY";

/** Anything with a Yjs awareness, such as a HocuspocusProvider (its awareness may be disabled). */
export interface AwarenessProvider {
  readonly awareness: Awareness | null;
}

export interface ScreenplayUser {
  name: string;
  color: string;
}

export interface ScreenplayExtensionOptions {
  /** The script document. Without one the editor is local only, with its own undo history. */
  doc?: Y.Doc | null;
  /** The Y.XmlFragment holding the screenplay; the contract's name unless testing something else. */
  field?: string;
  /** Shares carets and names with collaborators when it has an awareness. */
  provider?: AwarenessProvider | null;
  user?: ScreenplayUser;
  placeholder?: string;
  /** Called on Mod-/ to show or hide the shortcut help. */
  onToggleHelp?: (() => void) | null;
}

function placeholderFor(text: string) {
  return ({ editor, node }: { editor: Editor; node: PMNode }): string => {
    if (editor.isEmpty) return text;
    // Otherwise name the empty element the caret is in, so the writer sees what they are typing.
    const type = node.type.name;
    return isBlockType(type) ? ELEMENT_LABELS[type] : "";
  };
}

export function buildScreenplayExtensions(options: ScreenplayExtensionOptions = {}): AnyExtension[] {
  const extensions: AnyExtension[] = [
    ...screenplayNodes(),
    ...screenplayMarks(),
    ReadOnlyGuard,
    ScreenplayKeymap.configure({ onToggleHelp: options.onToggleHelp ?? null }),
    SmartTyping,
    UppercaseTyping,
    ClipboardLineBreaks,
    SceneIds,
    RetiredSceneIds,
    SceneNumbers,
    Suggestions,
    Dropcursor.configure({ color: "#6b7cff", width: 2 }),
    Placeholder.configure({ placeholder: placeholderFor(options.placeholder ?? EMPTY_SCRIPT_PLACEHOLDER) }),
  ];
  if (!options.doc) {
    extensions.push(UndoRedo);
    return extensions;
  }
  // Collaboration brings its own undo (Yjs UndoManager: only this user's changes), so no UndoRedo.
  extensions.push(Collaboration.configure({ document: options.doc, field: options.field ?? SCREENPLAY_FRAGMENT }));
  if (options.provider?.awareness) {
    extensions.push(
      CollaborationCaret.configure({
        provider: options.provider,
        user: options.user ?? { name: "Anonymous", color: "#888888" },
      }),
    );
  }
  return extensions;
}
