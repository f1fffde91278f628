/**
 * Script comment anchors: a ProseMirror range ⇄ two Y.RelativePositions in the script's Y.XmlFragment.
 *
 * Relative positions point at Yjs items (characters), not offsets, so an anchor stays on its words when
 * text above or around it changes. The start sticks to the first commented character and the end to the
 * last one, so typing at either edge does not grow the range.
 *
 * Resolving walks from the Yjs text up to its block and takes the block's position from the current
 * ProseMirror document (y-tiptap's binding maps every Yjs element to its ProseMirror node). When the
 * commented characters, or the block that held them, were deleted the anchor resolves to null: the thread
 * stays, its highlight goes.
 *
 * One edit moves words without the writer meaning to: splitting a block (Enter) can make y-tiptap delete
 * the tail of the old Yjs element and insert it as new characters in a new one. The anchor's characters
 * are then deleted and it collapses where the split happened; when the quoted words sit in a block right
 * there, the anchor follows them (the same recovery y-tiptap uses for carets).
 */
import * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState } from "@tiptap/pm/state";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import { decodeRelativePosition, encodeRelativePosition } from "@aiuteur/shared";

export interface TextRange {
  from: number;
  to: number;
}

/** Yjs type → ProseMirror node (or the text nodes of a Y.XmlText), as kept by y-tiptap's binding. */
// Any Yjs type: AbstractType<unknown> would reject Y.XmlText, whose event handler type is narrower.
type AnyType = Y.AbstractType<any>;
type Mapping = Map<AnyType, PMNode | PMNode[]>;

interface SyncBinding {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  mapping: Mapping;
}

interface SyncPluginState {
  doc?: Y.Doc;
  binding?: { type: Y.XmlFragment; mapping: Mapping } | null;
}

function bindingOf(state: EditorState): SyncBinding | null {
  const sync = ySyncPluginKey.getState(state) as SyncPluginState | undefined;
  if (!sync?.doc || !sync.binding) return null;
  return { doc: sync.doc, fragment: sync.binding.type, mapping: sync.binding.mapping };
}

/** The encoded start and end of a text anchor for the range, or null when the editor has no Y.Doc. */
export function anchorForRange(state: EditorState, range: TextRange): { start: string; end: string } | null {
  const binding = bindingOf(state);
  if (!binding || range.from >= range.to) return null;
  const { doc, fragment, mapping } = binding;
  let start = absolutePositionToRelativePosition(range.from, fragment, mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(range.to, fragment, mapping) as Y.RelativePosition;
  // y-tiptap ties a text position to the character on its left; the start belongs to the one on its right.
  const absolute = Y.createAbsolutePositionFromRelativePosition(start, doc);
  if (absolute && absolute.type instanceof Y.XmlText) {
    start = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
  }
  return { start: encodeRelativePosition(start), end: encodeRelativePosition(end) };
}

/** Positions of the top-level blocks of the document, by node identity (built once per resolution pass). */
export function blockPositions(doc: PMNode): Map<PMNode, number> {
  const positions = new Map<PMNode, number>();
  doc.forEach((node, offset) => positions.set(node, offset));
  return positions;
}

function isDeleted(type: AnyType, root: Y.XmlFragment): boolean {
  let current: AnyType | null = type;
  while (current && current !== root) {
    const item: Y.Item | null = current._item;
    if (!item || item.deleted) return true;
    current = item.parent as AnyType | null;
  }
  return current !== root;
}

/** Size, in ProseMirror positions, of the children of `parent` before `child`. */
function offsetBefore(parent: AnyType, child: AnyType, mapping: Mapping): number | null {
  let offset = 0;
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const type = item.content.type as AnyType;
    if (type === child) return offset;
    if (type instanceof Y.XmlText) offset += type.length;
    else {
      const node = mapping.get(type);
      if (!node || Array.isArray(node)) return null;
      offset += node.nodeSize;
    }
  }
  return null;
}

/** Start position (opening token) of an element in the ProseMirror document. */
function elementStart(element: AnyType, binding: SyncBinding, blocks: Map<PMNode, number>): number | null {
  const parent = element._item?.parent as AnyType | undefined;
  if (!parent) return null;
  if (parent === binding.fragment) {
    const node = binding.mapping.get(element);
    if (!node || Array.isArray(node)) return null;
    return blocks.get(node) ?? null;
  }
  const parentStart = elementStart(parent, binding, blocks);
  const before = offsetBefore(parent, element, binding.mapping);
  return parentStart === null || before === null ? null : parentStart + 1 + before;
}

function resolvePosition(
  relative: Y.RelativePosition,
  state: EditorState,
  binding: SyncBinding,
  blocks: Map<PMNode, number>,
): number | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (!absolute) return null;
  const text = absolute.type;
  if (!(text instanceof Y.XmlText)) {
    // A position between blocks (rare for a selection of words): y-tiptap's own resolution.
    return relativePositionToAbsolutePosition(binding.doc, binding.fragment, relative, binding.mapping);
  }
  if (isDeleted(text, binding.fragment)) return null;
  const element = text._item?.parent as AnyType | undefined;
  if (!element) return null;
  const start = elementStart(element, binding, blocks);
  const before = offsetBefore(element, text, binding.mapping);
  if (start === null || before === null) return null;
  const position = start + 1 + before + absolute.index;
  return position <= state.doc.content.size ? position : null;
}

/**
 * The current range of a text anchor, or null when its text was deleted (or is not in this document).
 * Pass `blocks` from blockPositions(state.doc) when resolving many anchors against one state.
 */
export function resolveAnchor(
  state: EditorState,
  anchor: { start: string; end: string; quote?: string },
  blocks: Map<PMNode, number> = blockPositions(state.doc),
): TextRange | null {
  const binding = bindingOf(state);
  if (!binding || binding.mapping.size === 0) return null;
  const start = decodeRelativePosition(anchor.start);
  const end = decodeRelativePosition(anchor.end);
  if (!start || !end) return null;
  const from = resolvePosition(start, state, binding, blocks);
  const to = resolvePosition(end, state, binding, blocks);
  if (from !== null && to !== null && from < to) return { from, to };
  const collapsedAt = from ?? to;
  return collapsedAt !== null && anchor.quote ? quoteNear(state.doc, anchor.quote, collapsedAt) : null;
}

/** Blocks either side of a collapsed anchor searched for its quote (a split moves text one block on). */
const QUOTE_SEARCH_BLOCKS = 2;

function quoteNear(doc: PMNode, quote: string, position: number): TextRange | null {
  if (quote.trim() === "" || quote.includes("\n")) return null;
  const index = doc.resolve(Math.min(position, doc.content.size)).index(0);
  let best: TextRange | null = null;
  let bestDistance = Infinity;
  for (let i = Math.max(0, index - QUOTE_SEARCH_BLOCKS); i <= Math.min(doc.childCount - 1, index + QUOTE_SEARCH_BLOCKS); i++) {
    let blockStart = 0;
    for (let j = 0; j < i; j++) blockStart += doc.child(j).nodeSize;
    const text = doc.child(i).textContent;
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
      const from = blockStart + 1 + at;
      const distance = Math.abs(from - position);
      if (distance < bestDistance) {
        best = { from, to: from + quote.length };
        bestDistance = distance;
      }
    }
  }
  return best;
}
