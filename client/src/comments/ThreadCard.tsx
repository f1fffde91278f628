/**
 * One comment thread: what it is anchored to, its messages (author, when, body with @mentions marked),
 * and — for people who may write notes — reply, resolve / reopen and delete (the author's own thread).
 */
import { useState, type MouseEvent } from "react";
import type * as Y from "yjs";
import { deleteThread, replyToThread, setThreadStatus, type Author, type Thread, type ThreadMessage } from "@aiuteur/shared";
import { CommentComposer } from "./CommentComposer";
import { splitMentions } from "./mentions";
import { relativeTime } from "./relativeTime";
import "./comments.css";

export interface ThreadCardProps {
  doc: Y.Doc;
  thread: Thread;
  user: Author;
  members: readonly Author[];
  editable: boolean;
  /** Called to show the thread's anchor (the words in the script, the spot on the frame). */
  onFocus?(threadId: string): void;
  active?: boolean;
  /** The anchored text no longer exists (it was deleted); the thread is kept and says so. */
  anchorMissing?: boolean;
}

export function ThreadCard({ doc, thread, user, members, editable, onFocus, active = false, anchorMissing = false }: ThreadCardProps) {
  const [replying, setReplying] = useState(false);
  const resolved = thread.status === "resolved";
  const mine = thread.author === user.id;

  // A click on the card's background shows the anchor; clicks on its controls do their own thing.
  const onCardClick = (event: MouseEvent<HTMLElement>) => {
    if (!onFocus || (event.target as Element).closest("button, textarea, a, input, [role=listbox]")) return;
    onFocus(thread.id);
  };

  return (
    <article
      className={`thread-card${active ? " is-active" : ""}${resolved ? " is-resolved" : ""}`}
      data-testid="thread-card"
      data-thread-id={thread.id}
      data-status={thread.status}
      aria-label={`Comment by ${thread.authorName || "someone"}${resolved ? " (resolved)" : ""}`}
      aria-current={active ? "true" : undefined}
      onClick={onCardClick}
    >
      <AnchorLine thread={thread} anchorMissing={anchorMissing} onFocus={onFocus} />
      <ol className="thread-messages">
        {thread.messages.map((message) => (
          <MessageItem key={message.id} message={message} members={members} />
        ))}
      </ol>
      {resolved && <p className="thread-resolved-note">Resolved</p>}
      {editable && (
        <div className="thread-actions">
          {!replying && !resolved && (
            <button type="button" className="button-quiet" onClick={() => setReplying(true)} data-testid="thread-reply">
              Reply
            </button>
          )}
          {resolved ? (
            <button type="button" className="button-quiet" onClick={() => setThreadStatus(doc, thread.id, "open")} data-testid="thread-reopen">
              Reopen
            </button>
          ) : (
            <button type="button" className="button-quiet" onClick={() => setThreadStatus(doc, thread.id, "resolved")} data-testid="thread-resolve">
              Resolve
            </button>
          )}
          {mine && (
            <button
              type="button"
              className="button-quiet thread-delete"
              data-testid="thread-delete"
              onClick={() => {
                if (window.confirm("Delete this comment thread for everyone?")) deleteThread(doc, thread.id);
              }}
            >
              Delete
            </button>
          )}
        </div>
      )}
      {editable && replying && (
        <CommentComposer
          members={members}
          placeholder="Reply…"
          aria-label="Reply"
          submitLabel="Reply"
          autoFocus
          testId="thread-reply"
          onCancel={() => setReplying(false)}
          onSubmit={(body, mentions) => {
            replyToThread(doc, thread.id, user, body, mentions);
            setReplying(false);
          }}
        />
      )}
    </article>
  );
}

function AnchorLine({ thread, anchorMissing, onFocus }: { thread: Thread; anchorMissing: boolean; onFocus?(id: string): void }) {
  const anchor = thread.anchor;
  if (anchor.type === "text") {
    if (anchorMissing) {
      return (
        <p className="thread-anchor is-missing" data-testid="thread-anchor-missing">
          The commented text was deleted{anchor.quote ? <>: <q>{anchor.quote}</q></> : "."}
        </p>
      );
    }
    const quote = <q className="thread-quote">{anchor.quote || "(text)"}</q>;
    return onFocus ? (
      <button type="button" className="thread-anchor" onClick={() => onFocus(thread.id)} aria-label={`Show “${anchor.quote}” in the script`}>
        {quote}
      </button>
    ) : (
      <p className="thread-anchor">{quote}</p>
    );
  }
  const label = anchor.type === "point" ? "A point on the frame" : "An area of the frame";
  return onFocus ? (
    <button type="button" className="thread-anchor" onClick={() => onFocus(thread.id)}>
      {label}
    </button>
  ) : (
    <p className="thread-anchor">{label}</p>
  );
}

function MessageItem({ message, members }: { message: ThreadMessage; members: readonly Author[] }) {
  return (
    <li className="thread-message" data-testid="thread-message">
      <div className="thread-message-head">
        <span className="thread-author">{message.authorName || "Someone"}</span>
        <time dateTime={new Date(message.createdAt).toISOString()} title={new Date(message.createdAt).toLocaleString()}>
          {relativeTime(message.createdAt)}
        </time>
      </div>
      <p className="thread-body">
        {splitMentions(message.body, members).map((segment, index) =>
          segment.mention ? (
            <span key={index} className="comment-mention" data-testid="comment-mention" data-user-id={segment.userId}>
              {segment.text}
            </span>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </p>
    </li>
  );
}
