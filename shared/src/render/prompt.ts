/**
 * The prompt an AI image or video provider gets for a shot, assembled from its fields and the project's
 * registry (characters and the location of its scene). Shown to the user before rendering and recorded with
 * the artifact, so what was asked for is never a mystery.
 */
import type { ShotFields } from "../story/shots.js";
import { SHOT_SIZE_NAMES } from "../story/shots.js";

export interface PromptRegistryEntry {
  name: string;
  description: string;
}

export interface ShotPromptContext {
  sceneHeading: string;
  characters: PromptRegistryEntry[];
  location: PromptRegistryEntry | null;
  /** A project-wide style line ("storyboard sketch, black ink") when set. */
  style?: string;
}

const MAX_PROMPT = 2000;

export function assembleShotPrompt(fields: ShotFields, context: ShotPromptContext): string {
  const parts: string[] = [];
  parts.push(`${SHOT_SIZE_NAMES[fields.size]}, ${fields.angle} angle${fields.lens ? `, ${fields.lens} lens` : ""}${fields.movement !== "static" ? `, camera ${fields.movement}` : ""}.`);
  if (context.sceneHeading) parts.push(`Scene: ${context.sceneHeading}.`);
  if (context.location?.description) parts.push(`Location: ${context.location.name}, ${context.location.description}.`);
  if (fields.action.trim()) parts.push(`Action: ${fields.action.trim()}`);
  const people = context.characters.filter((c) => fields.characters.some((n) => n.toUpperCase() === c.name.toUpperCase()));
  for (const c of people) parts.push(`${c.name}${c.description ? `: ${c.description}` : ""}.`);
  const missing = fields.characters.filter((n) => !people.some((c) => c.name.toUpperCase() === n.toUpperCase()));
  if (missing.length) parts.push(`Characters: ${missing.join(", ")}.`);
  parts.push(context.style?.trim() ? context.style.trim() : "Storyboard frame, clean line art, cinematic composition.");
  const prompt = parts.join(" ").replace(/\s+/g, " ").trim();
  return prompt.length > MAX_PROMPT ? `${prompt.slice(0, MAX_PROMPT - 1)}…` : prompt;
}
