/**
 * Highlights the words every open script comment is anchored to, as ProseMirror inline decorations.
 *
 * Ranges are resolved from the Yjs anchors whenever the threads change and whenever a change arrives
 * through Yjs (a collaborator's edit, an undo): y-tiptap rebuilds the document then, and its mapping is
 * current. Local typing maps the ranges through the transaction instead, which moves them the same way
 * and costs nothing per keystroke.
 *
 * Added to a running editor with `editor.registerPlugin(commentHighlights(...))`, so the editor's own
 * extension list stays the shared schema contract.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { blockPositions, resolveAnchor, type TextRange } from "./anchors.js";

export interface HighlightAnchor {
  threadId: string;
  start: string;
  end: string;
  /** The commented words, to find them again after a split moved them (see anchors.ts). */
  quote?: string;
  /** Resolved threads are tracked (to know whether their text still exists) but not highlighted. */
  resolved?: boolean;
}

interface HighlightState {
  anchors: readonly HighlightAnchor[];
  active: string | null;
  /** Thread id → its current range, or null when the commented text was deleted. */
  ranges: ReadonlyMap<string, TextRange | null>;
  decorations: DecorationSet;
}

interface HighlightMeta {
  anchors?: readonly HighlightAnchor[];
  active?: string | null;
}

export const commentHighlightsKey = new PluginKey<HighlightState>("scriptCommentHighlights");

function resolveAll(state: EditorState, anchors: readonly HighlightAnchor[]): Map<string, TextRange | null> {
  const blocks = blockPositions(state.doc);
  const ranges = new Map<string, TextRange | null>();
  for (const anchor of anchors) ranges.set(anchor.threadId, resolveAnchor(state, anchor, blocks));
  return ranges;
}

function decorate(
  state: EditorState,
  anchors: readonly HighlightAnchor[],
  ranges: ReadonlyMap<string, TextRange | null>,
  active: string | null,
): DecorationSet {
  const decorations: Decoration[] = [];
  const size = state.doc.content.size;
  for (const { threadId, resolved } of anchors) {
    const range = ranges.get(threadId);
    if (resolved || !range || range.to > size) continue;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: threadId === active ? "comment-highlight is-active" : "comment-highlight",
          "data-thread-id": threadId,
        },
        { inclusiveStart: false, inclusiveEnd: false },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function mapRanges(tr: Transaction, ranges: ReadonlyMap<string, TextRange | null>): Map<string, TextRange | null> {
  const mapped = new Map<string, TextRange | null>();
  for (const [threadId, range] of ranges) {
    if (!range) {
      mapped.set(threadId, null);
      continue;
    }
    const from = tr.mapping.map(range.from, 1);
    const to = tr.mapping.map(range.to, -1);
    mapped.set(threadId, from < to ? { from, to } : null);
  }
  return mapped;
}

function isYjsChange(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

export function commentHighlights(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: (_, state) => ({ anchors: [], active: null, ranges: new Map(), decorations: DecorationSet.create(state.doc, []) }),
      apply(tr, value, _oldState, newState) {
        const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
        const anchors = meta?.anchors ?? value.anchors;
        const active = meta?.active !== undefined ? meta.active : value.active;
        let ranges = value.ranges;
        if (meta?.anchors || isYjsChange(tr)) ranges = resolveAll(newState, anchors);
        else if (tr.docChanged) ranges = mapRanges(tr, ranges);
        else if (meta?.active === undefined) return value;
        return { anchors, active, ranges, decorations: decorate(newState, anchors, ranges, active) };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? null,
    },
  });
}

/** Transaction that replaces the anchors (and optionally the active thread) the plugin highlights. */
export function setHighlightedAnchors(state: EditorState, anchors: readonly HighlightAnchor[], active?: string | null): Transaction {
  const meta: HighlightMeta = active === undefined ? { anchors } : { anchors, active };
  return state.tr.setMeta(commentHighlightsKey, meta).setMeta("addToHistory", false);
}

export function setActiveHighlight(state: EditorState, active: string | null): Transaction {
  return state.tr.setMeta(commentHighlightsKey, { active } satisfies HighlightMeta).setMeta("addToHistory", false);
}

/** The current range of each highlighted thread (null: its text was deleted). */
export function highlightedRanges(state: EditorState): ReadonlyMap<string, TextRange | null> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}
