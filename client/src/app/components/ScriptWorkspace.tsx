/**
 * The editor from client/src/editor plus its scene navigator, placed by the page: a sidebar on wide
 * screens, a drawer on phones (opened from the header's "Scenes" button, closed by Escape, the
 * backdrop, or picking a scene). The editor's own built-in navigator is turned off so there is one.
 * The page may add a comments column (or, on a phone, sheet) that needs the editor: `renderComments`.
 */
import { useEffect, useState, type MouseEvent, type ReactNode } from "react";
import type { Editor } from "@tiptap/react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import { SceneNavigator, ScreenplayEditor } from "../../editor";
import { useMediaQuery } from "../hooks/useMediaQuery";

/** Matches the width below which the editor's stylesheet stops showing a side column. */
export const NARROW_LAYOUT = "(max-width: 900px)";

interface Props {
  doc: Y.Doc;
  provider: HocuspocusProvider | null;
  user: { name: string; color: string };
  editable: boolean;
  navigatorOpen: boolean;
  onCloseNavigator(): void;
  /** Rendered after the page, with the editor once it exists. */
  renderComments?(editor: Editor | null, narrow: boolean): ReactNode;
}

export function ScriptWorkspace({ doc, provider, user, editable, navigatorOpen, onCloseNavigator, renderComments }: Props) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const narrow = useMediaQuery(NARROW_LAYOUT);
  const drawerOpen = narrow && navigatorOpen;

  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onCloseNavigator();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [drawerOpen, onCloseNavigator]);

  // Picking a scene on a phone should show the script, not keep the drawer over it.
  const closeAfterPick = (event: MouseEvent<HTMLElement>) => {
    if (narrow && (event.target as Element).closest("button")) onCloseNavigator();
  };

  return (
    <div className="script-workspace">
      <aside
        id="scene-navigator-panel"
        className={`script-navigator-panel${drawerOpen ? " is-open" : ""}`}
        aria-label="Scenes"
        // A closed drawer is off screen: keep it out of the tab order and the accessibility tree.
        inert={narrow && !navigatorOpen}
        onClick={closeAfterPick}
      >
        <div className="drawer-head">
          <h2>Scenes</h2>
          {narrow && (
            <button type="button" className="button-quiet" onClick={onCloseNavigator}>
              Close
            </button>
          )}
        </div>
        <SceneNavigator editor={editor} className="script-navigator" />
      </aside>
      {drawerOpen && <div className="drawer-backdrop" aria-hidden="true" onClick={onCloseNavigator} />}
      <div className="script-editor-area">
        <ScreenplayEditor
          doc={doc}
          provider={provider}
          user={user}
          editable={editable}
          onReady={setEditor}
          showNavigator={false}
        />
      </div>
      {renderComments?.(editor, narrow)}
    </div>
  );
}
