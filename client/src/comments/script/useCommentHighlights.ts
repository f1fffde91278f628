/**
 * Connects a script editor to its comment threads: installs the highlight plugin, keeps its anchors in
 * step with the threads, remembers the active thread, reports threads whose words were deleted, and
 * opens a thread when its highlight is clicked.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Editor } from "@tiptap/core";
import type { Thread } from "@aiuteur/shared";
import {
  commentHighlights,
  commentHighlightsKey,
  highlightedRanges,
  setActiveHighlight,
  setHighlightedAnchors,
  type HighlightAnchor,
} from "../../editor/comments/commentHighlights";

const NONE: ReadonlySet<string> = new Set();

function usable(editor: Editor | null): editor is Editor {
  return editor !== null && !editor.isDestroyed;
}

export interface CommentHighlights {
  active: string | null;
  setActive(threadId: string | null): void;
  /** Threads whose anchored words no longer exist. */
  missing: ReadonlySet<string>;
  /** Makes the thread active and scrolls its words into view. */
  showThread(threadId: string): void;
}

export function useCommentHighlights(editor: Editor | null, threads: readonly Thread[], onOpenThread: (threadId: string) => void): CommentHighlights {
  const [active, setActive] = useState<string | null>(null);
  const [missing, setMissing] = useState<ReadonlySet<string>>(NONE);
  const onOpenRef = useRef(onOpenThread);
  onOpenRef.current = onOpenThread;

  const anchors = useMemo(
    () =>
      threads.flatMap((thread): HighlightAnchor[] =>
        thread.anchor.type === "text"
          ? [{ threadId: thread.id, ...thread.anchor, resolved: thread.status === "resolved" }]
          : [],
      ),
    [threads],
  );
  const anchorsRef = useRef(anchors);
  anchorsRef.current = anchors;

  useEffect(() => {
    if (!usable(editor)) return;
    editor.registerPlugin(commentHighlights());
    editor.view.dispatch(setHighlightedAnchors(editor.state, anchorsRef.current));
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightsKey);
    };
  }, [editor]);

  useEffect(() => {
    if (usable(editor)) editor.view.dispatch(setHighlightedAnchors(editor.state, anchors));
  }, [editor, anchors]);

  useEffect(() => {
    if (usable(editor)) editor.view.dispatch(setActiveHighlight(editor.state, active));
  }, [editor, active]);

  useEffect(() => {
    if (!usable(editor)) return;
    const update = () => {
      const gone = [...highlightedRanges(editor.state)].filter(([, range]) => range === null).map(([id]) => id);
      setMissing((previous) =>
        previous.size === gone.length && gone.every((id) => previous.has(id)) ? previous : gone.length === 0 ? NONE : new Set(gone),
      );
    };
    update();
    editor.on("transaction", update);
    return () => {
      editor.off("transaction", update);
    };
  }, [editor]);

  useEffect(() => {
    if (!usable(editor)) return;
    const dom = editor.view.dom;
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target.closest("[data-thread-id]") : null;
      const id = target?.getAttribute("data-thread-id");
      // A drag that selected words is not a click on the highlight under the mouse.
      if (!id || !dom.ownerDocument.getSelection()?.isCollapsed) return;
      setActive(id);
      onOpenRef.current(id);
    };
    dom.addEventListener("click", onClick);
    return () => dom.removeEventListener("click", onClick);
  }, [editor]);

  const showThread = useCallback(
    (threadId: string) => {
      setActive(threadId);
      if (!usable(editor)) return;
      const mark = editor.view.dom.querySelector(`.comment-highlight[data-thread-id="${CSS.escape(threadId)}"]`);
      mark?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [editor],
  );

  return { active, setActive, missing, showThread };
}
