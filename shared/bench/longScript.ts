/**
 * A ~120-page script for benchmarks, built from the longest Fountain file of the shared corpus (read in
 * place from ../shared/data, never copied into the repo), repeated with fresh scene ids until our
 * eighths estimate reaches the target length.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { parseFountain } from "../src/fountain/index.js";
import { newId } from "../src/ids.js";
import type { ScreenplayBlock } from "../src/screenplay/model.js";
import { SCREENPLAY_FRAGMENT } from "../src/screenplay/nodes.js";
import { writeScreenplay } from "../src/screenplay/ydoc.js";
import { deriveScenes } from "../src/story/scenes.js";

// shared/bench/ → shared/ → /work/main → /work, then shared/data/fountain.
const CORPUS_DIR = fileURLToPath(new URL("../../../shared/data/fountain/", import.meta.url));

export interface LongScript {
  source: string;
  doc: Y.Doc;
  blocks: ScreenplayBlock[];
  pages: number;
  scenes: number;
}

function longestFountainFile(): string {
  const files = readdirSync(CORPUS_DIR).filter((name) => name.endsWith(".fountain"));
  if (files.length === 0) throw new Error(`No Fountain files in ${CORPUS_DIR}: the shared corpus must sit beside the repository.`);
  return files.sort((a, b) => statSync(CORPUS_DIR + b).size - statSync(CORPUS_DIR + a).size)[0]!;
}

const pagesOf = (blocks: readonly ScreenplayBlock[]) => deriveScenes(blocks).reduce((sum, s) => sum + s.eighths, 0) / 8;

export function buildLongScript(targetPages = 120): LongScript {
  const source = longestFountainFile();
  const { titlePage, blocks: copy } = parseFountain(readFileSync(CORPUS_DIR + source, "utf8"));
  const copyPages = pagesOf(copy);
  if (copyPages === 0) throw new Error(`${source} has no scenes to repeat.`);
  const blocks: ScreenplayBlock[] = [];
  while (pagesOf(blocks) < targetPages) {
    for (const block of copy) {
      blocks.push(block.type === "sceneHeading" ? { ...block, attrs: { ...block.attrs, sceneId: newId() } } : block);
    }
  }
  const doc = new Y.Doc();
  writeScreenplay(doc, { titlePage, blocks });
  return { source, doc, blocks, pages: pagesOf(blocks), scenes: deriveScenes(blocks).length };
}

/** The Y.XmlText of the action block nearest the middle of the script: where the benchmark types. */
export function middleActionText(doc: Y.Doc): Y.XmlText {
  const elements = doc.getXmlFragment(SCREENPLAY_FRAGMENT).toArray();
  for (let i = Math.floor(elements.length / 2); i < elements.length; i++) {
    const element = elements[i];
    if (element instanceof Y.XmlElement && element.nodeName === "action") {
      const text = element.get(0);
      if (text instanceof Y.XmlText) return text;
    }
  }
  throw new Error("The benchmark script has no action text after its middle.");
}
