/**
 * The shot's comment threads beside the panel, using the shared comments components. A spot or region
 * picked on the panel with the Comment tool opens a composer here; sending creates the anchored thread.
 */
import type * as Y from "yjs";
import { createThread, type Author, type Thread } from "@aiuteur/shared";
import { CommentComposer, CommentsPanel } from "../comments";
import type { CommentAnchor } from "./usePanelInput";

interface Props {
  doc: Y.Doc;
  shotId: string;
  sceneId: string;
  threads: readonly Thread[];
  user: Author;
  members: readonly Author[];
  editable: boolean;
  pending: CommentAnchor | null;
  onPendingDone(threadId: string | null): void;
  activeThreadId: string | null;
  onFocusThread(threadId: string): void;
}

export function ShotComments(props: Props) {
  const { doc, pending, shotId } = props;
  const send = (body: string, mentions: string[]) => {
    if (!pending) return;
    const anchor =
      "w" in pending
        ? { type: "region" as const, shotId, x: pending.x, y: pending.y, w: pending.w, h: pending.h }
        : { type: "point" as const, shotId, x: pending.x, y: pending.y };
    const id = createThread(doc, { anchor, sceneId: props.sceneId, author: props.user, body, mentions });
    props.onPendingDone(id);
  };
  return (
    <CommentsPanel
      doc={doc}
      threads={props.threads}
      user={props.user}
      members={props.members}
      editable={props.editable}
      activeThreadId={props.activeThreadId}
      onFocusThread={props.onFocusThread}
      emptyHint={props.editable ? "No comments yet. Choose Comment (M) and click or drag on the panel." : "No comments on this shot."}
    >
      {pending && props.editable && (
        <div className="shot-new-comment" data-testid="new-panel-comment">
          <p className="muted">{"w" in pending ? "Comment on the marked region" : "Comment on the marked spot"}</p>
          <CommentComposer
            members={props.members}
            onSubmit={send}
            onCancel={() => props.onPendingDone(null)}
            placeholder="Say what should change here… (@ to mention)"
            autoFocus
            testId="panel-comment"
            aria-label="New comment on the panel"
          />
        </div>
      )}
    </CommentsPanel>
  );
}
