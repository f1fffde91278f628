/**
 * The screenplay page: toolbar, scene navigator and the white page, bound to the script's Y.Doc.
 * The page that owns the Y.Doc and provider renders this; it may hide the built-in navigator and
 * place <SceneNavigator editor={…}/> itself (the editor arrives through onReady).
 */
import "@fontsource/courier-prime/400.css";
import "@fontsource/courier-prime/700.css";
import "@fontsource/courier-prime/400-italic.css";
import "@fontsource/courier-prime/700-italic.css";
import "./screenplay.css";
import "./chrome.css";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { buildScreenplayExtensions, type ScreenplayUser } from "./extensions.js";
import { SceneNavigator } from "./SceneNavigator.js";
import { ShortcutHelp } from "./ShortcutHelp.js";
import { SuggestionList } from "./SuggestionList.js";
import { Toolbar } from "./Toolbar.js";

export interface ScreenplayEditorProps {
  doc: Y.Doc;
  /** Carets and names of collaborators are shared through it; null while offline or not yet connected. */
  provider: HocuspocusProvider | null;
  user: ScreenplayUser;
  /** False for read-only connections (reviewers, viewers, locked scripts). */
  editable: boolean;
  onReady?(editor: Editor): void;
  /** Show the built-in scene navigator beside the page (default true). */
  showNavigator?: boolean;
  className?: string;
}

export function ScreenplayEditor(props: ScreenplayEditorProps) {
  const { doc, provider, user, editable, onReady, showNavigator = true, className } = props;
  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  const frame = useRef<HTMLDivElement>(null);
  const userRef = useRef(user);
  userRef.current = user;

  // Built once per document and provider: the editor is re-created when either changes (a provider
  // arriving after the offline copy loaded brings carets), not on every render.
  const extensions = useMemo(
    () => buildScreenplayExtensions({ doc, provider, user: userRef.current, onToggleHelp: toggleHelp }),
    [doc, provider, toggleHelp],
  );
  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: true,
      editorProps: {
        attributes: {
          class: "sp-page",
          "data-testid": "screenplay-page",
          "aria-label": "Screenplay",
          spellcheck: "true",
        },
      },
    },
    [extensions],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    if (editor.extensionManager.extensions.some((e) => e.name === "collaborationCaret")) {
      editor.commands.updateUser({ name: user.name, color: user.color });
    }
  }, [editor, user.name, user.color]);

  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  useEffect(() => {
    onReadyRef.current?.(editor);
  }, [editor]);

  const closeHelp = useCallback(() => {
    setHelpOpen(false);
    editor.commands.focus();
  }, [editor]);

  return (
    <div className={`sp-editor ${editable ? "" : "sp-readonly"} ${className ?? ""}`} data-testid="screenplay-editor">
      <Toolbar editor={editor} editable={editable} helpOpen={helpOpen} onToggleHelp={toggleHelp} />
      {helpOpen && <ShortcutHelp onClose={closeHelp} />}
      <div className="sp-body">
        {showNavigator && <SceneNavigator editor={editor} className="sp-side" />}
        <div className="sp-desk">
          <div className="sp-page-frame" ref={frame}>
            <EditorContent editor={editor} />
            <SuggestionList editor={editor} frame={frame} />
          </div>
        </div>
      </div>
    </div>
  );
}
