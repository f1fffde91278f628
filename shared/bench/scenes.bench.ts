/**
 * Scene-list recomputation on a ~120-page script after one keystroke: what the client does on every
 * keystroke (read the screenplay from the Y.Doc, derive the scenes). Run with `npm run bench -w shared`.
 */
import { bench, describe } from "vitest";
import { readScreenplay } from "../src/screenplay/ydoc.js";
import { deriveScenes } from "../src/story/scenes.js";
import { buildLongScript, middleActionText } from "./longScript.js";

const script = buildLongScript(120);
const typing = middleActionText(script.doc);
console.log(
  `scene-list benchmark: ${script.pages} pages (eighths estimate), ${script.scenes} scenes, ${script.blocks.length} blocks, ` +
    `built from ${script.source}`,
);

let keystrokes = 0;

describe(`scene list on a ${Math.round(script.pages)}-page script`, () => {
  bench("one keystroke → readScreenplay + deriveScenes", () => {
    // Alternate insert and delete so the script stays the same length over thousands of iterations.
    if (keystrokes++ % 2 === 0) typing.insert(3, "x");
    else typing.delete(3, 1);
    const { blocks } = readScreenplay(script.doc);
    if (deriveScenes(blocks).length !== script.scenes) throw new Error("scene count changed while typing");
  });

  bench("deriveScenes alone", () => {
    deriveScenes(script.blocks);
  });
});
