/**
 * A scene heading turned into another element and back (Tab pressed once too often, then
 * Shift-Tab) is the same scene: it gets its sceneId and locked number back, so its storyboard stays
 * attached. Each editor remembers the ids of headings it retyped away, at the line's content start
 * (which stays put when the line is retyped), until the line is deleted.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";

interface Retired {
  /** Content start of the line (node position + 1). */
  at: number;
  sceneId: string;
  sceneNumber: string | null;
}

/** Retirements recorded in a transaction, with the step count at that moment. */
interface Pending extends Retired {
  step: number;
}

const retiredKey = new PluginKey<Retired[]>("retiredSceneIds");
/** Enough for any undo-by-hand; older entries are forgotten. */
const MAX_REMEMBERED = 50;

/** Records, in `tr`, that the heading at `pos` is being retyped away. Call after retyping it. */
export function retireHeading(tr: Transaction, pos: number, attrs: Record<string, unknown>): void {
  const sceneId = attrs.sceneId;
  if (typeof sceneId !== "string" || sceneId === "") return;
  const sceneNumber = typeof attrs.sceneNumber === "string" ? attrs.sceneNumber : null;
  const pending = (tr.getMeta(retiredKey) as Pending[] | undefined) ?? [];
  tr.setMeta(retiredKey, [...pending, { at: pos + 1, sceneId, sceneNumber, step: tr.steps.length }]);
}

/** The attributes of the heading that was retyped away at `pos`, if its id is not in use again. */
export function reclaimHeading(state: EditorState, pos: number): Record<string, unknown> | null {
  const entry = retiredKey.getState(state)?.find((r) => r.at === pos + 1);
  if (!entry) return null;
  let inUse = false;
  state.doc.forEach((node) => {
    inUse ||= node.type.name === "sceneHeading" && node.attrs.sceneId === entry.sceneId;
  });
  return inUse ? null : { sceneId: entry.sceneId, sceneNumber: entry.sceneNumber };
}

export const RetiredSceneIds = Extension.create({
  name: "retiredSceneIds",

  addProseMirrorPlugins() {
    return [
      new Plugin<Retired[]>({
        key: retiredKey,
        state: {
          init: () => [],
          apply: (tr, list) => {
            const pending = (tr.getMeta(retiredKey) as Pending[] | undefined) ?? [];
            if (!tr.docChanged && pending.length === 0) return list;
            // Retyping a line replaces the token before its content start, so only a deletion
            // across the position (the line itself removed) forgets the entry.
            const next: Retired[] = [];
            for (const entry of list) {
              const mapped = tr.mapping.mapResult(entry.at, -1);
              if (!mapped.deletedAcross) next.push({ ...entry, at: mapped.pos });
            }
            for (const { step, ...entry } of pending) {
              const mapped = tr.mapping.slice(step).mapResult(entry.at, -1);
              if (!mapped.deletedAcross) next.push({ ...entry, at: mapped.pos });
            }
            return next.slice(-MAX_REMEMBERED);
          },
        },
      }),
    ];
  },
});
