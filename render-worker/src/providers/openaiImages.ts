/**
 * An OpenAI-compatible images API (POST {base}/images/generations): OpenAI itself, Azure-style gateways and
 * the local servers that copy its API.
 *
 *   OPENAI_API_KEY       required; sent as a Bearer token
 *   OPENAI_IMAGES_URL    base URL, default https://api.openai.com/v1
 *   OPENAI_IMAGES_MODEL  default gpt-image-1
 *   OPENAI_IMAGES_SIZE   optional "WIDTHxHEIGHT" for servers whose sizes we do not know
 *   OPENAI_IMAGES_TIMEOUT_SECONDS  default 120
 *
 * The frame comes back base64-encoded in the JSON (gpt-image models always answer so; the DALL·E models
 * are asked to with response_format). No retries here: a failure is the job's, and the queue retries it.
 */
import { answerError, deadlineSignal, failure, isImage, ProviderError, readJson, timeoutFromEnv } from "./http.js";
import type { FrameRequest, RenderProvider } from "./types.js";

export const OPENAI_IMAGES_DEFAULTS = { url: "https://api.openai.com/v1", model: "gpt-image-1", timeoutMs: 120_000 } as const;
const SERVICE = "The OpenAI images API";

export interface OpenAiImagesSettings {
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Overrides the size chosen from the model. */
  size: string | null;
  timeoutMs: number;
}

export function openAiImagesSettings(env: NodeJS.ProcessEnv): OpenAiImagesSettings | null {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return null;
  const size = env.OPENAI_IMAGES_SIZE?.trim();
  return {
    baseUrl: (env.OPENAI_IMAGES_URL?.trim() || OPENAI_IMAGES_DEFAULTS.url).replace(/\/+$/, ""),
    apiKey,
    model: env.OPENAI_IMAGES_MODEL?.trim() || OPENAI_IMAGES_DEFAULTS.model,
    size: size && /^(\d+x\d+|auto)$/.test(size) ? size : null,
    timeoutMs: timeoutFromEnv(env.OPENAI_IMAGES_TIMEOUT_SECONDS, OPENAI_IMAGES_DEFAULTS.timeoutMs),
  };
}

type Orientation = "landscape" | "portrait" | "square";

function orientation(width: number, height: number): Orientation {
  const ratio = width / height;
  return ratio > 1.2 ? "landscape" : ratio < 1 / 1.2 ? "portrait" : "square";
}

/**
 * A size the model accepts for a frame of width × height: the API takes only a few, so the nearest in shape;
 * the frame renderer fits it to the clip. A model we do not know (a compatible server) gets the frame's size.
 */
export function openAiImageSize(model: string, width: number, height: number): string {
  const shape = orientation(width, height);
  if (/^gpt-image/i.test(model)) return { landscape: "1536x1024", portrait: "1024x1536", square: "1024x1024" }[shape];
  if (/^dall-e-3/i.test(model)) return { landscape: "1792x1024", portrait: "1024x1792", square: "1024x1024" }[shape];
  if (/^dall-e-2/i.test(model)) return "1024x1024";
  return `${width}x${height}`;
}

/** The request body: response_format only for the models that take it (gpt-image models reject it). */
export function openAiImagesBody(settings: OpenAiImagesSettings, request: FrameRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: settings.model,
    prompt: request.prompt,
    size: settings.size ?? openAiImageSize(settings.model, request.width, request.height),
    n: 1,
  };
  if (!/^gpt-image/i.test(settings.model)) body.response_format = "b64_json";
  return body;
}

interface ImagesResponse {
  data?: Array<{ b64_json?: unknown; url?: unknown }>;
}

export function createOpenAiImagesProvider(settings: OpenAiImagesSettings): RenderProvider {
  return {
    id: "openai-images",
    async generateFrame(request) {
      const signal = deadlineSignal(settings.timeoutMs, request.signal);
      try {
        const response = await fetch(`${settings.baseUrl}/images/generations`, {
          method: "POST",
          headers: { authorization: `Bearer ${settings.apiKey}`, "content-type": "application/json" },
          body: JSON.stringify(openAiImagesBody(settings, request)),
          signal,
        });
        if (!response.ok) throw await answerError(response, SERVICE);
        const image = ((await readJson(response, SERVICE)) as ImagesResponse).data?.[0];
        let bytes: Uint8Array;
        if (typeof image?.b64_json === "string" && image.b64_json) {
          bytes = new Uint8Array(Buffer.from(image.b64_json, "base64"));
        } else if (typeof image?.url === "string" && image.url) {
          // A compatible server that ignores response_format links the image instead (no key: it is not ours).
          const linked = await fetch(image.url, { signal });
          if (!linked.ok) throw new ProviderError(`${SERVICE}'s image link answered ${linked.status}`, linked.status);
          bytes = new Uint8Array(await linked.arrayBuffer());
        } else {
          throw new ProviderError(`${SERVICE} answered without an image (no data[0].b64_json)`);
        }
        if (!isImage(bytes)) throw new ProviderError(`${SERVICE} returned data that is not a PNG, JPEG or WebP image`);
        return bytes;
      } catch (error) {
        throw failure(error, SERVICE, settings.timeoutMs, request.signal);
      }
    },
  };
}
