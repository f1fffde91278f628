/**
 * Most transactions are typing: text changes inside one element. Plugins that derive data from the
 * element structure (scene list, numbers, ids) can skip their whole-document pass for those.
 */
import type { Transaction } from "@tiptap/pm/state";
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from "@tiptap/pm/transform";

/** True unless every step only edits text or marks inside a single existing element. */
export function changesElements(tr: Transaction): boolean {
  return tr.steps.some((step, index) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return false;
    if (!(step instanceof ReplaceStep)) return true;
    let blockLevel = false;
    step.slice.content.forEach((node) => {
      blockLevel ||= !node.isInline;
    });
    if (blockLevel || step.slice.openStart !== 0 || step.slice.openEnd !== 0) return true;
    const doc = tr.docs[index]!;
    const $from = doc.resolve(step.from);
    const $to = doc.resolve(step.to);
    return $from.depth !== 1 || $from.parent !== $to.parent;
  });
}
