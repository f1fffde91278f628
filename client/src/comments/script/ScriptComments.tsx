/**
 * Comments on the script: the highlights in the editor, the floating "Comment" button by selected words
 * (and Mod+Alt+M), the new-comment composer and the comments panel — a column beside the page on a wide
 * screen, a bottom sheet over the lower part of the script on a phone.
 */
import { useCallback, useEffect, useState } from "react";
import type { Editor } from "@tiptap/core";
import type * as Y from "yjs";
import { THREAD_LIMITS, createThread, type Author, type Thread } from "@aiuteur/shared";
import { deriveScenes, sceneAt } from "../../editor";
import { anchorForRange } from "../../editor/comments/anchors";
import { isMac } from "../../editor/shortcuts";
import type { CommentableSelection } from "../../editor/comments/selection";
import { CommentComposer } from "../CommentComposer";
import { CommentsPanel, type PanelScene } from "../CommentsPanel";
import { useCommentHighlights } from "./useCommentHighlights";
import { useCommentSelection } from "./useCommentSelection";
import "../comments.css";

export interface ScriptCommentsProps {
  editor: Editor | null;
  /** The episode's notes document; null while it opens. */
  notesDoc: Y.Doc | null;
  threads: readonly Thread[];
  user: Author;
  members: readonly Author[];
  /** May write notes (role and connection). */
  editable: boolean;
  open: boolean;
  onOpen(): void;
  onClose(): void;
  /** Phone layout: the panel is a bottom sheet. */
  narrow: boolean;
  /** Why comments cannot be loaded or saved right now (null when all is well). */
  problem?: string | null;
}

interface PendingComment {
  start: string;
  end: string;
  quote: string;
  sceneId: string;
}

export function ScriptComments(props: ScriptCommentsProps) {
  const { editor, notesDoc, threads, user, members, editable, open, onOpen, onClose, narrow } = props;
  const [pending, setPending] = useState<PendingComment | null>(null);
  const highlights = useCommentHighlights(editor, threads, onOpen);
  const scenes = useSceneChoices(editor);

  const startComment = useCallback(
    (selection: CommentableSelection) => {
      if (!editor) return;
      const anchor = anchorForRange(editor.state, selection);
      if (!anchor) return;
      const sceneId = sceneAt(deriveScenes(editor), selection.from)?.sceneId ?? "";
      setPending({ ...anchor, quote: selection.quote.slice(0, THREAD_LIMITS.quote), sceneId });
      onOpen();
    },
    [editor, onOpen],
  );
  const selected = useCommentSelection(editor, editable && notesDoc !== null, startComment);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && narrow && !event.defaultPrevented) onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, narrow, onClose]);

  const submit = (body: string, mentions: string[]) => {
    if (!notesDoc || !pending) return;
    const { start, end, quote, sceneId } = pending;
    const id = createThread(notesDoc, { anchor: { type: "text", start, end, quote }, sceneId, author: user, body, mentions });
    setPending(null);
    highlights.setActive(id);
    // The words now carry a highlight; a Comment button still floating by them would invite a duplicate.
    editor?.view.dom.ownerDocument.getSelection()?.collapseToEnd();
  };

  const button = selected && !pending ? <CommentButton rect={selected.rect} onClick={() => startComment(selected.selection)} /> : null;
  return (
    <>
      {button}
      <aside
        id="script-comments-panel"
        className={`script-comments${narrow ? " is-sheet" : ""}${open ? " is-open" : ""}`}
        aria-label="Comments"
        hidden={!open}
      >
        <div className="drawer-head">
          <h2>Comments</h2>
          <button type="button" className="button-quiet" onClick={onClose} data-testid="comments-close" aria-label="Close comments">
            Close
          </button>
        </div>
        {props.problem && (
          <p className="comments-problem" role="alert" data-testid="comments-problem">
            {props.problem}
          </p>
        )}
        {notesDoc ? (
          <CommentsPanel
            doc={notesDoc}
            threads={threads}
            user={user}
            members={members}
            editable={editable}
            scenes={scenes}
            activeThreadId={highlights.active}
            onFocusThread={highlights.showThread}
            missingAnchors={highlights.missing}
            emptyHint={editable ? "No comments yet. Select words in the script and press Comment." : "No comments yet."}
          >
            {pending && (
              <div className="new-comment" data-testid="new-comment">
                <q className="thread-quote">{pending.quote}</q>
                <CommentComposer
                  members={members}
                  placeholder="Add a comment…"
                  aria-label="New comment"
                  autoFocus
                  testId="new-comment"
                  onCancel={() => setPending(null)}
                  onSubmit={submit}
                />
              </div>
            )}
          </CommentsPanel>
        ) : (
          <p className="comments-empty muted" role="status">
            Opening comments…
          </p>
        )}
      </aside>
    </>
  );
}

function CommentButton({ rect, onClick }: { rect: { bottom: number; left: number; right: number }; onClick(): void }) {
  // Below the selection: above it is where phones show their own copy/paste menu.
  const left = Math.min(Math.max(8, (rect.left + rect.right) / 2 - 48), window.innerWidth - 112);
  const top = Math.min(rect.bottom + 8, window.innerHeight - 48);
  return (
    <button
      type="button"
      className="comment-float"
      style={{ top, left }}
      data-testid="comment-selection"
      aria-label="Comment on the selected words"
      title={`Comment (${isMac() ? "⌘⌥M" : "Ctrl+Alt+M"})`}
      // Keep the selection: the click must not move focus or the caret.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      Comment
    </button>
  );
}

/** The script's scenes as filter choices, re-derived when the headings change. */
function useSceneChoices(editor: Editor | null): PanelScene[] {
  const [scenes, setScenes] = useState<PanelScene[]>([]);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    let key = "";
    const update = () => {
      const next = deriveScenes(editor)
        .filter((scene) => scene.sceneId !== null)
        .map((scene) => ({ sceneId: scene.sceneId!, label: `${scene.number}. ${scene.heading || "(no heading)"}` }));
      const nextKey = next.map((s) => `${s.sceneId}\u0000${s.label}`).join("\u0001");
      if (nextKey !== key) {
        key = nextKey;
        setScenes(next);
      }
    };
    update();
    editor.on("update", update);
    return () => {
      editor.off("update", update);
    };
  }, [editor]);
  return scenes;
}
