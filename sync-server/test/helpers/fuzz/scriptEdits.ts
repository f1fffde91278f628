/**
 * Random screenplay edits for the convergence fuzz. Two kinds of blocks: marker blocks ("M…"), written once
 * and never touched again, so a marker missing at the end is a lost edit and not a seeded delete; and scratch
 * blocks ("~…"), which the fuzz inserts into, deletes from, formats and removes. Scratch edits never touch
 * offset 0, so the "~" that identifies a scratch block survives any concurrent edit.
 */
import * as Y from "yjs";
import { SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import type { Prng } from "./prng.js";

const SCRATCH = "~";
const LETTERS = "abcdefghijklmnopqrstuvwxyz ";

function fragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(SCREENPLAY_FRAGMENT);
}

function blockTextNode(block: unknown): Y.XmlText | null {
  if (!(block instanceof Y.XmlElement)) return null;
  const first = block.get(0);
  return first instanceof Y.XmlText ? first : null;
}

function scratchBlocks(doc: Y.Doc): { index: number; text: Y.XmlText }[] {
  const found: { index: number; text: Y.XmlText }[] = [];
  fragment(doc)
    .toArray()
    .forEach((block, index) => {
      const text = blockTextNode(block);
      if (text && text.toString().startsWith(SCRATCH)) found.push({ index, text });
    });
  return found;
}

function insertBlock(doc: Y.Doc, at: number, content: string): void {
  doc.transact(() => {
    const block = new Y.XmlElement("action");
    block.insert(0, [new Y.XmlText(content)]);
    fragment(doc).insert(at, [block]);
  });
}

function randomWord(prng: Prng): string {
  let word = "";
  for (let i = 1 + prng.int(6); i > 0; i--) word += prng.pick([...LETTERS]);
  return word;
}

export function insertMarkerBlock(doc: Y.Doc, prng: Prng, marker: string): void {
  insertBlock(doc, prng.int(fragment(doc).length + 1), marker);
}

/** One random scratch edit; returns its name for the failure log. */
export function randomScratchEdit(doc: Y.Doc, prng: Prng): string {
  const scratch = scratchBlocks(doc);
  const roll = prng.next();
  if (scratch.length === 0 || roll < 0.25) {
    insertBlock(doc, prng.int(fragment(doc).length + 1), SCRATCH + randomWord(prng));
    return "insert scratch block";
  }
  const { index, text } = prng.pick(scratch);
  const length = text.length;
  if (roll < 0.6) {
    text.insert(1 + prng.int(length), randomWord(prng));
    return "insert text";
  }
  if (roll < 0.8 && length > 1) {
    const from = 1 + prng.int(length - 1);
    text.delete(from, 1 + prng.int(length - from));
    return "delete text";
  }
  if (roll < 0.92 && length > 1) {
    const from = 1 + prng.int(length - 1);
    const mark = prng.pick(["bold", "italic", "underline"]);
    text.format(from, 1 + prng.int(length - from), { [mark]: prng.next() < 0.7 ? {} : null });
    return "format text";
  }
  fragment(doc).delete(index, 1);
  return "delete scratch block";
}

/** The markers present in a replica. */
export function markersIn(doc: Y.Doc, prefix: string): Set<string> {
  const found = new Set<string>();
  for (const block of fragment(doc).toArray()) {
    const text = blockTextNode(block)?.toString();
    if (text?.startsWith(prefix)) found.add(text);
  }
  return found;
}

/** The whole screenplay as comparable data: block types, texts and formatting runs. */
export function screenplayContent(doc: Y.Doc): unknown {
  return fragment(doc)
    .toArray()
    .map((block) => ({
      type: block instanceof Y.XmlElement ? block.nodeName : "?",
      delta: blockTextNode(block)?.toDelta() ?? null,
    }));
}
