/**
 * Scene identity. A scene heading's sceneId names its storyboard document, so:
 * - a new heading gets a fresh id (elements.ts, enter.ts, and the repair below for any other path);
 * - a copied heading gets a fresh id when pasted, a cut-and-pasted or dragged heading keeps its id
 *   (the scene moved; its storyboard follows);
 * - if a local edit still leaves two headings with one id, the heading that had the id before the
 *   edit keeps it (unless a cut left it an empty line) and the others get fresh ids.
 * Repairs run only after this user's own edits: every client repairing a remote change would race
 * to give the same heading different ids.
 */
import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { Fragment, Slice, type Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Mapping } from "@tiptap/pm/transform";
import { newId } from "@aiuteur/shared";
import { changesElements } from "./structure.js";

/**
 * Ids of headings cut in this tab, not yet pasted. Module-wide on purpose: a cut in one episode's
 * editor and a paste in another's is a move too.
 */
const recentlyCut = new Set<string>();

function sceneIdOf(node: PMNode): string | null {
  const id: unknown = node.attrs.sceneId;
  return node.type.name === "sceneHeading" && typeof id === "string" && id !== "" ? id : null;
}

function collectIds(fragment: Fragment, into: Set<string>, writtenOnly = false): Set<string> {
  fragment.forEach((node) => {
    const id = sceneIdOf(node);
    if (id !== null && (!writtenOnly || node.content.size > 0)) into.add(id);
  });
  return into;
}

/** Gives every heading in a pasted slice a fresh id unless it is a heading this tab just cut. */
export function renewPastedIds(slice: Slice, docIds: ReadonlySet<string>): Slice {
  let changed = false;
  const blocks: PMNode[] = [];
  slice.content.forEach((node) => {
    if (node.type.name !== "sceneHeading") return void blocks.push(node);
    const id = sceneIdOf(node);
    if (id !== null && recentlyCut.has(id) && !docIds.has(id)) {
      recentlyCut.delete(id);
      return void blocks.push(node);
    }
    changed = true;
    // A copy is a new scene: it gets no locked scene number either.
    blocks.push(node.type.create({ ...node.attrs, sceneId: newId(), sceneNumber: null }, node.content, node.marks));
  });
  return changed ? new Slice(Fragment.from(blocks), slice.openStart, slice.openEnd) : slice;
}

/** Where each id was before the edit, mapped into the new document. */
function originalPositions(before: PMNode, mapping: Mapping): Map<string, number> {
  const positions = new Map<string, number>();
  before.forEach((node, offset) => {
    const id = sceneIdOf(node);
    if (id === null || positions.has(id)) return;
    const mapped = mapping.mapResult(offset, 1);
    if (!mapped.deleted) positions.set(id, mapped.pos);
  });
  return positions;
}

/** A transaction giving fresh ids to headings with no id or a duplicated id, or null if none. */
export function repairSceneIds(before: PMNode, after: EditorState, mapping: Mapping): Transaction | null {
  const original = originalPositions(before, mapping);
  const headings: Array<{ pos: number; id: string | null; written: boolean }> = [];
  after.doc.forEach((node, offset) => {
    if (node.type.name === "sceneHeading") headings.push({ pos: offset, id: sceneIdOf(node), written: node.content.size > 0 });
  });
  // Who keeps a contested id: the heading that had it before the edit if it still has words (a
  // copy was pasted), else the first written one (a cut left an empty line; the pasted scene
  // is the scene), else the first.
  const owner = new Map<string, number>();
  const rank = (h: (typeof headings)[number]) => (h.written ? (original.get(h.id!) === h.pos ? 0 : 1) : 2);
  const best = new Map<string, (typeof headings)[number]>();
  for (const h of headings) {
    if (h.id === null) continue;
    const current = best.get(h.id);
    if (!current || rank(h) < rank(current)) best.set(h.id, h);
  }
  for (const [id, h] of best) owner.set(id, h.pos);
  let tr: Transaction | null = null;
  for (const { pos, id } of headings) {
    if (id !== null && owner.get(id) === pos) continue;
    tr ??= after.tr;
    tr.setNodeAttribute(pos, "sceneId", newId());
  }
  return tr;
}

export const SceneIds = Extension.create({
  name: "sceneIds",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("sceneIds"),
        props: {
          handleDOMEvents: {
            cut: (view) => {
              collectIds(view.state.selection.content().content, recentlyCut);
              return false;
            },
          },
          transformPasted: (slice, view) => {
            if (view.dragging?.move) return slice; // dragged within the page: a move
            // Cutting a heading line usually leaves its empty node behind, still holding the id;
            // only written headings count as the scene still being here.
            return renewPastedIds(slice, collectIds(view.state.doc.content, new Set(), true));
          },
        },
        appendTransaction: (transactions, oldState, newState) => {
          // Typing inside elements cannot add, copy or re-attribute a heading: skip the pass.
          if (!transactions.some((tr) => tr.docChanged && !isChangeOrigin(tr) && changesElements(tr))) return null;
          const mapping = new Mapping();
          for (const tr of transactions) mapping.appendMapping(tr.mapping);
          return repairSceneIds(oldState.doc, newState, mapping);
        },
      }),
    ];
  },
});
