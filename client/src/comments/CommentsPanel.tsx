/**
 * The list of comment threads with its filters: Open / Resolved / All (with counts) and, when scenes are
 * given, one scene. Clicking a thread asks the page to show its anchor. The page decides where the panel
 * sits (a side column, a bottom sheet) and may put a new-comment composer above the list.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import type { Author, Thread } from "@aiuteur/shared";
import { STATUS_FILTERS, countThreads, filterThreads, type StatusFilter, type ThreadFilter } from "./filters";
import { ThreadCard } from "./ThreadCard";
import "./comments.css";

export interface PanelScene {
  sceneId: string;
  /** "3. INT. KITCHEN - NIGHT" */
  label: string;
}

export interface CommentsPanelProps {
  doc: Y.Doc;
  threads: readonly Thread[];
  user: Author;
  members: readonly Author[];
  editable: boolean;
  /** Offer a scene filter over these scenes. */
  scenes?: readonly PanelScene[];
  activeThreadId?: string | null;
  onFocusThread?(threadId: string): void;
  /** Threads whose anchored text no longer exists. */
  missingAnchors?: ReadonlySet<string>;
  /** Shown above the list (e.g. the composer for a new comment). */
  children?: ReactNode;
  /** What to say when there are no threads at all. */
  emptyHint?: string;
  initialFilter?: Partial<ThreadFilter>;
}

const STATUS_LABELS: Record<StatusFilter, string> = { open: "Open", resolved: "Resolved", all: "All" };

export function CommentsPanel(props: CommentsPanelProps) {
  const { doc, threads, user, members, editable, scenes, activeThreadId = null, onFocusThread, missingAnchors } = props;
  const [filter, setFilter] = useState<ThreadFilter>({ status: "open", sceneId: null, ...props.initialFilter });
  const counts = useMemo(() => countThreads(threads, filter.sceneId), [threads, filter.sceneId]);
  const visible = useMemo(() => filterThreads(threads, filter), [threads, filter]);
  const list = useRef<HTMLOListElement>(null);

  // A thread opened from its anchor must be visible: widen the filter if it hides it, then scroll to it.
  const active = activeThreadId ? threads.find((t) => t.id === activeThreadId) : undefined;
  const activeHidden = active !== undefined && !visible.includes(active);
  useEffect(() => {
    if (activeHidden && active) setFilter({ status: active.status, sceneId: null });
  }, [activeHidden, active]);
  useEffect(() => {
    if (!activeThreadId) return;
    const card = list.current?.querySelector(`[data-thread-id="${CSS.escape(activeThreadId)}"]`);
    card?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [activeThreadId, visible]);

  const sceneKnown = filter.sceneId === null || scenes?.some((s) => s.sceneId === filter.sceneId);
  return (
    <section className="comments-panel" aria-label="Comments" data-testid="comments-panel">
      <div className="comments-filters">
        <div className="comments-status-filter" role="group" aria-label="Show comments">
          {STATUS_FILTERS.map((status) => (
            <button
              key={status}
              type="button"
              className="button-quiet"
              aria-pressed={filter.status === status}
              data-testid={`comments-filter-${status}`}
              onClick={() => setFilter((f) => ({ ...f, status }))}
            >
              {STATUS_LABELS[status]} <span className="comments-count">{counts[status]}</span>
            </button>
          ))}
        </div>
        {scenes && scenes.length > 0 && (
          <select
            className="comments-scene-filter"
            aria-label="Scene"
            data-testid="comments-filter-scene"
            value={sceneKnown ? (filter.sceneId ?? "") : ""}
            onChange={(event) => setFilter((f) => ({ ...f, sceneId: event.target.value === "" ? null : event.target.value }))}
          >
            <option value="">All scenes</option>
            {scenes.map((scene) => (
              <option key={scene.sceneId} value={scene.sceneId}>
                {scene.label}
              </option>
            ))}
          </select>
        )}
      </div>
      {props.children}
      {visible.length === 0 ? (
        <p className="comments-empty muted" data-testid="comments-empty">
          {emptyText(filter, threads.length, props.emptyHint)}
        </p>
      ) : (
        <ol className="comments-list" ref={list}>
          {visible.map((thread) => (
            <li key={thread.id}>
              <ThreadCard
                doc={doc}
                thread={thread}
                user={user}
                members={members}
                editable={editable}
                onFocus={onFocusThread}
                active={thread.id === activeThreadId}
                anchorMissing={missingAnchors?.has(thread.id) ?? false}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function emptyText(filter: ThreadFilter, total: number, hint: string | undefined): string {
  if (total === 0) return hint ?? "No comments yet.";
  const where = filter.sceneId === null ? "" : " in this scene";
  if (filter.status === "open") return `No open comments${where}. Everything is resolved.`;
  if (filter.status === "resolved") return `No resolved comments${where}.`;
  return `No comments${where}.`;
}
