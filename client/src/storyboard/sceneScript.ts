/**
 * A scene's dialogue and characters as the shot form offers them: the lines spoken in the scene (cue,
 * parenthetical, dialogue) in script order, and the scene's characters.
 */
import { blockText, cueName, type DerivedScene, type DialogueLine, type ScreenplayBlock } from "@aiuteur/shared";

export interface SceneScript {
  scene: DerivedScene | null;
  lines: DialogueLine[];
  characters: string[];
}

export function sceneDialogue(blocks: readonly ScreenplayBlock[], scene: DerivedScene): DialogueLine[] {
  const lines: DialogueLine[] = [];
  let speaker = "";
  let parenthetical: string | null = null;
  for (let index = scene.startIndex + 1; index < Math.min(scene.endIndex, blocks.length); index += 1) {
    const block = blocks[index]!;
    const text = blockText(block);
    if (block.type === "character") {
      speaker = cueName(text);
      parenthetical = null;
    } else if (block.type === "parenthetical") {
      parenthetical = text.trim();
    } else if (block.type === "dialogue" && text.trim() !== "") {
      const line: DialogueLine = { character: speaker, text };
      if (parenthetical) line.parenthetical = parenthetical;
      lines.push(line);
      parenthetical = null;
    }
  }
  return lines;
}

export function sameLine(a: DialogueLine, b: DialogueLine): boolean {
  return a.character === b.character && a.text === b.text && (a.parenthetical ?? "") === (b.parenthetical ?? "");
}
