/** Editing a script document the way the editor's binding does, and reading it back as text. */
import * as Y from "yjs";
import { blockText, readScreenplay, SCREENPLAY_FRAGMENT } from "@aiuteur/shared";

/** Appends one block holding `text` to the screenplay, in one transaction (one update on the wire). */
export function appendBlock(doc: Y.Doc, text: string, type = "action"): void {
  doc.transact(() => {
    const block = new Y.XmlElement(type);
    block.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment(SCREENPLAY_FRAGMENT);
    fragment.insert(fragment.length, [block]);
  });
}

/** The text of every block that has any (a new script starts with one empty scene heading). */
export function blockTexts(doc: Y.Doc): string[] {
  return readScreenplay(doc)
    .blocks.map(blockText)
    .filter((text) => text !== "");
}
