/**
 * The prompt an AI image or video provider gets for a shot, assembled from its fields and the project's
 * registry (characters and the location of its scene). Shown to the user before rendering and recorded with
 * the artifact, so what was asked for is never a mystery.
 *
 * Order matters: image models weigh the start of a prompt most (Stable Diffusion's text encoder even stops
 * after 77 tokens), so the framing and the action come first, then who is in it, then where, then the style.
 * Each part is capped on its own, so a long action or description cannot push the characters or the style
 * out of the prompt, and the whole stays under the shortest limit of the supported APIs.
 */
import type { ShotFields } from "../story/shots.js";
import { SHOT_SIZE_NAMES } from "../story/shots.js";
import { normaliseName, type RegistryEntry } from "../story/registry.js";

export interface PromptRegistryEntry {
  name: string;
  description: string;
}

export interface ShotPromptContext {
  sceneHeading: string;
  /** Registry characters; only those the shot lists are used, so passing every character is fine. */
  characters: PromptRegistryEntry[];
  location: PromptRegistryEntry | null;
  /** A project-wide style line ("storyboard sketch, black ink") when set. */
  style?: string;
}

/** The whole prompt: dall-e-2 accepts 1000 characters, the smallest limit of the providers we call. */
export const MAX_SHOT_PROMPT = 1000;
const MAX_ACTION = 400;
const MAX_DESCRIPTION = 200;
const MAX_STYLE = 160;
export const DEFAULT_PROMPT_STYLE = "Storyboard frame, clean line art, cinematic composition.";

/** `text` single-spaced and cut at a word boundary to at most `max` characters, an ellipsis marking the cut. */
export function clipPromptText(text: string, max: number): string {
  const single = text.replace(/\s+/g, " ").trim();
  if (single.length <= max) return single;
  const cut = single.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  // Cutting at the last space keeps words whole unless that would throw most of the text away.
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, "")}…`;
}

/** A sentence ends with one full stop (or the punctuation the writer used). */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function framing(fields: ShotFields): string {
  const parts = [SHOT_SIZE_NAMES[fields.size], `${fields.angle} angle`];
  const lens = fields.lens.trim();
  if (lens) parts.push(`${clipPromptText(lens, 40)} lens`);
  parts.push(fields.movement === "static" ? "static camera" : `camera ${fields.movement}`);
  return sentence(parts.join(", "));
}

export function assembleShotPrompt(fields: ShotFields, context: ShotPromptContext): string {
  const parts: string[] = [framing(fields)];
  const action = clipPromptText(fields.action, MAX_ACTION);
  if (action) parts.push(sentence(action));

  // The shot's characters in the order the shot lists them, described by their registry entries.
  const byName = new Map(context.characters.map((c) => [normaliseName(c.name), c]));
  const unknown: string[] = [];
  for (const name of fields.characters) {
    const entry = byName.get(normaliseName(name));
    const description = entry ? clipPromptText(entry.description, MAX_DESCRIPTION) : "";
    if (description) parts.push(sentence(`${entry!.name}: ${description}`));
    else unknown.push(entry?.name ?? name);
  }
  if (unknown.length) parts.push(sentence(`Characters: ${unknown.join(", ")}`));

  const heading = clipPromptText(context.sceneHeading, 120);
  if (heading) parts.push(sentence(`Scene: ${heading}`));
  const location = context.location;
  const place = location ? clipPromptText(location.description, MAX_DESCRIPTION) : "";
  if (location && place) parts.push(sentence(`Location: ${location.name}, ${place}`));

  const style = clipPromptText(context.style ?? "", MAX_STYLE);
  const ending = style ? sentence(style) : DEFAULT_PROMPT_STYLE;
  // The style is kept whatever else had to be cut: it decides what the frame looks like.
  const body = clipPromptText(parts.join(" "), MAX_SHOT_PROMPT - ending.length - 1);
  return `${body} ${ending}`;
}

/**
 * The prompt context of a shot from the project's registry: every character entry (assembleShotPrompt
 * picks the shot's own), and the entry of the scene's location (a name without an entry is in the heading).
 */
export function shotPromptContext(
  registry: readonly RegistryEntry[],
  scene: { heading: string; location: string },
  style?: string,
): ShotPromptContext {
  const place = normaliseName(scene.location);
  const location = place ? registry.find((e) => e.kind === "location" && normaliseName(e.name) === place) : undefined;
  const context: ShotPromptContext = {
    sceneHeading: scene.heading,
    characters: registry.filter((e) => e.kind === "character").map(({ name, description }) => ({ name, description })),
    location: location ? { name: location.name, description: location.description } : null,
  };
  if (style !== undefined) context.style = style;
  return context;
}
