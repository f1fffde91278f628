/**
 * Editing the title page held in a script document (the `titlePage` Y.Array of {key, value}, see ydoc.ts).
 *
 * A field is replaced as a whole: delete every entry with its key, insert one. Two people saving the same
 * field at the same moment can leave two entries; readers take the first, and the next save of that field
 * folds them back into one.
 */
import * as Y from "yjs";
import type { TitlePageField } from "./model.js";
import { TITLE_PAGE_ARRAY } from "./ydoc.js";

/** The fields screenwriters fill in, in the order a title page lists them (Fountain's key names). */
export const STANDARD_TITLE_FIELDS = ["Title", "Credit", "Author", "Source", "Draft date", "Contact"] as const;

/** Longest value a title-page field may hold, so a paste cannot bloat every copy of the document. */
export const MAX_TITLE_FIELD_LENGTH = 2000;

const sameKey = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function titlePageValue(fields: readonly TitlePageField[], key: string): string {
  return fields.find((field) => sameKey(field.key, key))?.value ?? "";
}

function standardRank(key: string): number {
  const rank = STANDARD_TITLE_FIELDS.findIndex((standard) => sameKey(standard, key));
  return rank < 0 ? STANDARD_TITLE_FIELDS.length : rank;
}

/**
 * Sets one field (an empty value removes it). A new field goes where a title page lists it: before the
 * first existing field that comes after it in the standard order.
 */
export function setTitlePageField(doc: Y.Doc, key: string, value: string): void {
  const array = doc.getArray<unknown>(TITLE_PAGE_ARRAY);
  const clean = value.replace(/\r\n?/g, "\n").trim().slice(0, MAX_TITLE_FIELD_LENGTH);
  doc.transact(() => {
    const entries = array.toArray();
    const keyOf = (entry: unknown) =>
      typeof entry === "object" && entry !== null && typeof (entry as { key?: unknown }).key === "string"
        ? (entry as { key: string }).key
        : "";
    const matching = entries.map((entry, index) => (sameKey(keyOf(entry), key) ? index : -1)).filter((i) => i >= 0);
    const first = matching[0];
    for (const index of [...matching].reverse()) array.delete(index, 1);
    if (clean === "") return;
    let at = first;
    if (at === undefined) {
      const rank = standardRank(key);
      const remaining = array.toArray();
      const after = remaining.findIndex((entry) => standardRank(keyOf(entry)) > rank);
      at = after < 0 ? remaining.length : after;
    }
    array.insert(at, [{ key, value: clean }]);
  });
}
