/**
 * Ordered id lists (a storyboard's shots, a beat sheet's beats) are Y.Arrays of id strings. Moving an item
 * is delete + insert of its id, so two people moving the same item at once can leave it twice: readers
 * keep the first occurrence, and writers repair duplicates they see, so every replica converges on one
 * order without losing an item.
 */
import * as Y from "yjs";

/** The ids in order, each once, dropping anything that is not a non-empty string. */
export function uniqueIds(list: Y.Array<unknown>): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const value of list.toArray()) {
    if (typeof value !== "string" || value === "" || seen.has(value)) continue;
    seen.add(value);
    ids.push(value);
  }
  return ids;
}

/** Moves `id` so it sits at `toIndex` of the de-duplicated order; removes any duplicate of it on the way. */
export function moveId(list: Y.Array<unknown>, id: string, toIndex: number): void {
  const doc = list.doc;
  const run = () => {
    for (let i = list.length - 1; i >= 0; i--) if (list.get(i) === id) list.delete(i, 1);
    const others = uniqueIds(list);
    const target = Math.max(0, Math.min(toIndex, others.length));
    // Insert before the item now at `target` (by its raw index, since duplicates of others may remain).
    const before = others[target];
    const raw = before === undefined ? list.length : list.toArray().indexOf(before);
    list.insert(raw, [id]);
  };
  if (doc) doc.transact(run);
  else run();
}

/** Inserts `id` at `index` of the de-duplicated order (the end when omitted), unless it is already there. */
export function insertId(list: Y.Array<unknown>, id: string, index?: number): void {
  if (list.toArray().includes(id)) return;
  const ids = uniqueIds(list);
  const before = index === undefined ? undefined : ids[index];
  list.insert(before === undefined ? list.length : list.toArray().indexOf(before), [id]);
}

/** Removes every occurrence of `id`. */
export function removeId(list: Y.Array<unknown>, id: string): void {
  for (let i = list.length - 1; i >= 0; i--) if (list.get(i) === id) list.delete(i, 1);
}

/** Text fields that several people may type into at once are Y.Text; read either form. */
export function textOf(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === "string" ? value : "";
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Replaces the content of a Y.Text with the smallest edit (common prefix and suffix kept), so concurrent
 *  typing elsewhere in the same field survives. */
export function setText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const max = Math.min(current.length, next.length);
  while (start < max && current[start] === next[start]) start++;
  let end = 0;
  while (end < max - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  // Never cut through a surrogate pair (an emoji, say): Yjs would store the halves as U+FFFD.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  const inserted = next.slice(start, next.length - end);
  const run = () => {
    if (removed > 0) text.delete(start, removed);
    if (inserted !== "") text.insert(start, inserted);
  };
  if (text.doc) text.doc.transact(run);
  else run();
}
