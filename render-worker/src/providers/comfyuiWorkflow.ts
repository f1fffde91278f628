/**
 * ComfyUI workflows in the API format ({nodeId: {class_type, inputs}}): the built-in text-to-image graph,
 * a custom one from COMFYUI_WORKFLOW, and filling either with the shot's prompt and frame size.
 */
import { readFile } from "node:fs/promises";

export interface ComfyNode {
  class_type: string;
  inputs: Record<string, unknown>;
  [key: string]: unknown;
}
export type ComfyWorkflow = Record<string, ComfyNode>;

/** Where a custom workflow wants the shot's prompt. */
export const PROMPT_PLACEHOLDER = "{{prompt}}";
/** ComfyUI's own example checkpoint, used when COMFYUI_CHECKPOINT is not set. */
export const DEFAULT_CHECKPOINT = "v1-5-pruned-emaonly.safetensors";
const NEGATIVE_PROMPT = "text, watermark, signature, blurry, deformed, lowres";

/** A minimal Stable Diffusion text-to-image graph: checkpoint → prompts → empty latent → sampler → decode → save. */
export function defaultWorkflow(checkpoint: string): ComfyWorkflow {
  return {
    "1": { class_type: "CheckpointLoaderSimple", inputs: { ckpt_name: checkpoint } },
    "2": { class_type: "CLIPTextEncode", inputs: { text: PROMPT_PLACEHOLDER, clip: ["1", 1] } },
    "3": { class_type: "CLIPTextEncode", inputs: { text: NEGATIVE_PROMPT, clip: ["1", 1] } },
    "4": { class_type: "EmptyLatentImage", inputs: { width: 512, height: 512, batch_size: 1 } },
    "5": {
      class_type: "KSampler",
      inputs: {
        seed: 0,
        steps: 20,
        cfg: 7,
        sampler_name: "euler",
        scheduler: "normal",
        denoise: 1,
        model: ["1", 0],
        positive: ["2", 0],
        negative: ["3", 0],
        latent_image: ["4", 0],
      },
    },
    "6": { class_type: "VAEDecode", inputs: { samples: ["5", 0], vae: ["1", 2] } },
    "7": { class_type: "SaveImage", inputs: { images: ["6", 0], filename_prefix: "aiuteur" } },
  };
}

/** Checks the shape of an API-format workflow (the UI's "Save" format, with "nodes" and "links", is not it). */
export function parseWorkflow(value: unknown, source: string): ComfyWorkflow {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${source} is not a ComfyUI workflow object`);
  if ("nodes" in value && "links" in value) {
    throw new Error(`${source} is in ComfyUI's UI format; export it with "Save (API Format)" instead`);
  }
  const nodes = Object.entries(value as Record<string, unknown>);
  if (nodes.length === 0) throw new Error(`${source} has no nodes`);
  for (const [id, node] of nodes) {
    const { class_type, inputs } = (node ?? {}) as Partial<ComfyNode>;
    if (typeof class_type !== "string" || typeof inputs !== "object" || inputs === null) {
      throw new Error(`${source}: node ${id} has no class_type and inputs, so it is not in ComfyUI's API format`);
    }
  }
  return value as ComfyWorkflow;
}

export async function loadWorkflowFile(path: string): Promise<ComfyWorkflow> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`COMFYUI_WORKFLOW ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseWorkflow(JSON.parse(text) as unknown, `COMFYUI_WORKFLOW ${path}`);
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error(`COMFYUI_WORKFLOW ${path} is not valid JSON: ${error.message}`);
    throw error;
  }
}

/** Latent sizes are multiples of 8 (the VAE's scale); at least 64. */
export function latentSide(pixels: number): number {
  return Math.max(64, Math.round(pixels / 8) * 8);
}

/** A stable seed from the prompt: the same shot content asks for the same picture. */
export function promptSeed(prompt: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < prompt.length; i += 1) hash = Math.imul(hash ^ prompt.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function isLink(value: unknown): value is [string, number] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === "string";
}

/** Replaces the placeholder in every string input; returns how many it replaced. */
function substitutePrompt(workflow: ComfyWorkflow, prompt: string): number {
  let count = 0;
  for (const node of Object.values(workflow)) {
    for (const [name, value] of Object.entries(node.inputs)) {
      if (typeof value === "string" && value.includes(PROMPT_PLACEHOLDER)) {
        node.inputs[name] = value.split(PROMPT_PLACEHOLDER).join(prompt);
        count += 1;
      }
    }
  }
  return count;
}

/** Without a placeholder: the CLIPTextEncode wired to a sampler's "positive" input gets the prompt. */
function setPositivePrompt(workflow: ComfyWorkflow, prompt: string): boolean {
  let found = false;
  for (const node of Object.values(workflow)) {
    const positive = node.inputs.positive;
    if (!isLink(positive)) continue;
    const encoder = workflow[positive[0]];
    if (encoder?.class_type === "CLIPTextEncode") {
      encoder.inputs.text = prompt;
      found = true;
    }
  }
  return found;
}

/**
 * A copy of the workflow asking for this frame: the prompt in, the size on every empty latent image, and,
 * for the built-in graph, a seed from the prompt.
 */
export function prepareWorkflow(workflow: ComfyWorkflow, frame: { prompt: string; width: number; height: number }, options: { seedFromPrompt: boolean }): ComfyWorkflow {
  const copy = structuredClone(workflow);
  if (substitutePrompt(copy, frame.prompt) === 0 && !setPositivePrompt(copy, frame.prompt)) {
    throw new Error(`the ComfyUI workflow has no "${PROMPT_PLACEHOLDER}" placeholder and no CLIPTextEncode on a sampler's positive input`);
  }
  for (const node of Object.values(copy)) {
    if (/^Empty.*LatentImage$/.test(node.class_type) && "width" in node.inputs && "height" in node.inputs) {
      node.inputs.width = latentSide(frame.width);
      node.inputs.height = latentSide(frame.height);
    }
    if (options.seedFromPrompt && node.class_type === "KSampler") node.inputs.seed = promptSeed(frame.prompt);
  }
  return copy;
}
