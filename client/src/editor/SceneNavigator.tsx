/**
 * The scene list down the side of the page: number and heading of every scene, the current one
 * marked; a click scrolls to the scene and puts the caret in its heading.
 */
import "./chrome.css";
import { useEditorState, type Editor } from "@tiptap/react";
import { scenesOf } from "./sceneNumbers.js";
import { deriveScenes, sceneAt } from "./scenes.js";

export interface SceneNavigatorProps {
  /** Null while the page has no editor yet: the list is empty. */
  editor: Editor | null;
  className?: string;
}

interface NavigatorView {
  scenes: Array<{ number: string; heading: string; sceneId: string | null; index: number }>;
  current: number | null;
}

const EMPTY: NavigatorView = { scenes: [], current: null };

/** Moves the caret to the start of the scene's heading and brings the heading to the top. */
export function goToScene(editor: Editor, index: number): boolean {
  const scene = deriveScenes(editor.state.doc).find((s) => s.index === index);
  if (!scene) return false;
  editor.chain().focus().setTextSelection(scene.pos + 1).run();
  const dom = editor.view.nodeDOM(scene.pos);
  if (dom instanceof HTMLElement && typeof dom.scrollIntoView === "function") {
    dom.scrollIntoView({ block: "start", behavior: "smooth" });
  }
  return true;
}

export function SceneNavigator({ editor, className }: SceneNavigatorProps) {
  // Positions are left out of the selected view so typing inside a scene does not re-render the list.
  const view =
    useEditorState({
      editor,
      selector: ({ editor: e }): NavigatorView => {
        if (!e) return EMPTY;
        const scenes = scenesOf(e.state);
        return {
          scenes: scenes.map(({ number, heading, sceneId, index }) => ({ number, heading, sceneId, index })),
          current: sceneAt(scenes, e.state.selection.from)?.index ?? null,
        };
      },
    }) ?? EMPTY;

  return (
    <nav className={`sp-navigator ${className ?? ""}`} aria-label="Scenes">
      <ol className="sp-navigator-list" data-testid="scene-navigator">
        {view.scenes.map((scene) => (
          <li key={`${scene.sceneId ?? ""}:${scene.index}`}>
            <button
              type="button"
              className="sp-navigator-item"
              data-testid="scene-nav-item"
              data-scene-id={scene.sceneId ?? undefined}
              aria-current={scene.index === view.current ? "location" : undefined}
              onClick={() => editor && goToScene(editor, scene.index)}
            >
              <span className="sp-navigator-number">{scene.number}</span>
              <span className="sp-navigator-heading">{scene.heading || "(untitled scene)"}</span>
            </button>
          </li>
        ))}
      </ol>
      {view.scenes.length === 0 && <p className="sp-navigator-empty">No scenes yet</p>}
    </nav>
  );
}
