/**
 * Dialogue subtitles: the shot's lines as "CHARACTER: text", spread evenly across the shot (the same rule
 * the animatic timeline uses, so the player's subtitles match the burned-in ones).
 */
import type { DialogueLine } from "@aiuteur/shared";

export function subtitleText(line: DialogueLine): string {
  return `${line.character.toUpperCase()}: ${line.text}`;
}

/** The index of the line shown at `seconds` into a shot of `duration`, or -1 when there is no dialogue. */
export function subtitleIndexAt(lineCount: number, duration: number, seconds: number): number {
  if (lineCount === 0 || duration <= 0) return -1;
  return Math.min(lineCount - 1, Math.max(0, Math.floor((seconds / duration) * lineCount)));
}
