/**
 * Comparing two versions of a ~120-page script: what "compare with now" costs. Run with `npm run bench -w shared`.
 * The common case (a few scenes edited) should cost about one pass over the script; two unrelated
 * scripts of that length are the worst case.
 */
import { bench, describe } from "vitest";
import { textBlock, type ScreenplayBlock } from "../src/screenplay/model.js";
import { diffScreenplays } from "../src/versioning/diff.js";
import { buildLongScript } from "./longScript.js";

const script = buildLongScript(120);
const headings = script.blocks.flatMap((block, index) => (block.type === "sceneHeading" ? [index] : []));

/** The script with an action line added after every `every`-th scene heading. */
function edited(every: number): ScreenplayBlock[] {
  const blocks = [...script.blocks];
  for (let i = headings.length - 1; i >= 0; i -= every) blocks.splice(headings[i]! + 1, 0, textBlock("action", "A new line."));
  return blocks;
}

const oneScene = edited(headings.length);
const tenthOfScenes = edited(10);
const unrelated = buildLongScript(120).blocks.map((block) => (block.type === "action" ? textBlock("action", "Different.") : block));
console.log(`diff benchmark: ${Math.round(script.pages)} pages, ${script.scenes} scenes, ${script.blocks.length} blocks`);

describe(`diffScreenplays on a ${Math.round(script.pages)}-page script`, () => {
  bench("identical", () => {
    diffScreenplays(script.blocks, script.blocks);
  });
  bench("one scene edited", () => {
    diffScreenplays(script.blocks, oneScene);
  });
  bench("every tenth scene edited", () => {
    diffScreenplays(script.blocks, tenthOfScenes);
  });
  bench("every action rewritten, fresh scene ids (matched by heading)", () => {
    diffScreenplays(script.blocks, unrelated);
  });
});
