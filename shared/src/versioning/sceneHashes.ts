/**
 * A fingerprint of each scene's text, so the server can tell which scenes of a script changed since it was
 * locked (the baselines) without keeping the old text: a locked shot of a changed scene is invalidated.
 *
 * A scene is the run of top-level blocks from its heading to the next heading, the heading included, with
 * the same identity rules as the scene list (deriveScenes): a heading without its own id (missing or
 * duplicated) starts a scene that has no entry here. Each block contributes its type and its text, so
 * turning an action line into dialogue counts as a change too; formatting marks do not.
 */
import type * as Y from "yjs";
import { blockText, type ScreenplayBlock } from "../screenplay/model.js";
import { readScreenplay } from "../screenplay/ydoc.js";
import { deriveScenes } from "../story/scenes.js";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a (32 bits) over the UTF-16 code units, prefixed with the length: stable across runtimes and
 * versions, cheap for a long script, and two texts of equal length colliding is a one in four billion chance.
 */
export function textHash(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return `${text.length.toString(36)}-${(hash >>> 0).toString(16).padStart(8, "0")}`;
}

/** The text one scene is fingerprinted by: each block's type and text, one block a line. */
function sceneText(blocks: readonly ScreenplayBlock[]): string {
  return blocks.map((block) => `${block.type}\u0000${blockText(block)}`).join("\n");
}

/** sceneId → hash of that scene's text, for every scene that has its own id, in script order. */
export function sceneTextHashesOfBlocks(blocks: readonly ScreenplayBlock[]): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const scene of deriveScenes(blocks)) {
    if (scene.sceneId === "") continue;
    hashes.set(scene.sceneId, textHash(sceneText(blocks.slice(scene.startIndex, scene.endIndex))));
  }
  return hashes;
}

/** sceneId → hash of that scene's text in a script document (its `screenplay` fragment). */
export function sceneTextHashes(doc: Y.Doc): Map<string, string> {
  return sceneTextHashesOfBlocks(readScreenplay(doc).blocks);
}
