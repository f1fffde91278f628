/** The live Y.Text of a registry entry's description, for binding to a text area (null when there is no entry). */
import * as Y from "yjs";
import { registryMap } from "@aiuteur/shared";

export function entryDescription(doc: Y.Doc, id: string): Y.Text | null {
  const entry = registryMap(doc).get(id);
  if (!(entry instanceof Y.Map)) return null;
  const value = entry.get("description");
  return value instanceof Y.Text ? value : null;
}
