/**
 * "Suggest shots": a deterministic first breakdown of a scene that the director then edits. Not a model
 * call; the same script always gives the same shots.
 *
 * Rule, in script order:
 * - every non-empty action (or shot) paragraph becomes one shot with that paragraph as its action;
 * - every dialogue exchange (a run of consecutive character / parenthetical / dialogue blocks, any
 *   number of speakers, ended by any other printed block) becomes one shot with its lines;
 * - notes, sections, synopses and page breaks are not printed: they neither make shots nor end an exchange;
 *   transitions, centered text and lyrics end an exchange but make no shot.
 * Size: the scene's first shot is a WS (establishing); then dialogue with one speaker MCU, with two or
 * more OTS; action MS. Duration: screen time at about a page a minute from the same line estimate as
 * the scene length (pageLength.ts), rounded to half a second, between 1 second and DURATION_LIMITS.max.
 */
import { blockText, type ScreenplayBlock } from "../screenplay/model.js";
import { buildNameMatcher, cueName } from "./characterNames.js";
import { blockLines, LINES_PER_PAGE } from "./pageLength.js";
import type { DerivedScene } from "./scenes.js";
import { deriveCharacters } from "./scenes.js";
import { DURATION_LIMITS, SHOT_LIMITS, type DialogueLine, type ShotSize } from "./shots.js";

export interface SuggestedShot {
  /** The action paragraph, or "" for a dialogue exchange. */
  action: string;
  dialogue: DialogueLine[];
  /** Speakers, then names in the action, upper-case, each once. */
  characters: string[];
  size: ShotSize;
  /** Seconds. */
  duration: number;
}

export const MIN_SUGGESTED_DURATION = 1;
const SECONDS_PER_PAGE = 60;

/** Screen time for a number of printed lines, rounded to 0.5 s and kept within the limits. */
export function estimatedDuration(lines: number): number {
  const seconds = Math.round(((lines * SECONDS_PER_PAGE) / LINES_PER_PAGE) * 2) / 2;
  return Math.min(DURATION_LIMITS.max, Math.max(MIN_SUGGESTED_DURATION, seconds));
}

const DIALOGUE_TYPES = new Set(["character", "parenthetical", "dialogue"]);
const ACTION_TYPES = new Set(["action", "shot"]);
const UNPRINTED_TYPES = new Set(["note", "section", "synopsis", "pageBreak"]);

interface Exchange {
  lines: DialogueLine[];
  speakers: string[];
  pageLines: number;
  speaker: string;
  parenthetical: string | null;
}

function emptyExchange(): Exchange {
  return { lines: [], speakers: [], pageLines: 0, speaker: "", parenthetical: null };
}

export function suggestShots(blocks: readonly ScreenplayBlock[], scene: DerivedScene): SuggestedShot[] {
  const matcher = buildNameMatcher(deriveCharacters(blocks));
  const shots: SuggestedShot[] = [];
  let exchange: Exchange | null = null;

  const push = (shot: Omit<SuggestedShot, "size">, speakers: number) => {
    const size: ShotSize = shots.length === 0 ? "WS" : speakers === 0 ? "MS" : speakers === 1 ? "MCU" : "OTS";
    shots.push({ ...shot, characters: shot.characters.slice(0, SHOT_LIMITS.characters), size });
  };
  const flush = (done: Exchange | null): null => {
    if (done && done.lines.length > 0) {
      const { lines, speakers, pageLines } = done;
      push({ action: "", dialogue: lines, characters: speakers, duration: estimatedDuration(pageLines) }, speakers.length);
    }
    return null;
  };

  const end = Math.min(scene.endIndex, blocks.length);
  for (let index = scene.startIndex + 1; index < end; index += 1) {
    const block = blocks[index]!;
    if (UNPRINTED_TYPES.has(block.type) || block.attrs?.boneyard) continue;
    const text = blockText(block);
    if (!DIALOGUE_TYPES.has(block.type)) {
      exchange = flush(exchange);
      if (ACTION_TYPES.has(block.type) && text.trim() !== "") {
        const action = text.trim().slice(0, SHOT_LIMITS.action);
        const characters = [...matcher.namesIn(action)];
        push({ action, dialogue: [], characters, duration: estimatedDuration(blockLines(block, text)) }, 0);
      }
      continue;
    }
    // A shot holds at most SHOT_LIMITS.dialogue lines: a longer exchange continues in the next shot.
    if (exchange && exchange.lines.length >= SHOT_LIMITS.dialogue) {
      const speaker: string = exchange.speaker;
      flush(exchange);
      exchange = { ...emptyExchange(), speaker, speakers: speaker ? [speaker] : [] };
    }
    const current: Exchange = (exchange ??= emptyExchange());
    current.pageLines += blockLines(block, text);
    if (block.type === "character") {
      current.speaker = cueName(text);
      current.parenthetical = null;
      if (current.speaker !== "" && !current.speakers.includes(current.speaker)) current.speakers.push(current.speaker);
    } else if (block.type === "parenthetical") {
      current.parenthetical = text.trim();
    } else {
      const line: DialogueLine = { character: current.speaker, text };
      if (current.parenthetical) line.parenthetical = current.parenthetical;
      current.parenthetical = null;
      current.lines.push(line);
    }
  }
  flush(exchange);
  return shots;
}
