/**
 * A local stand-in for the OpenAI images API (POST /v1/images/generations), following its documented
 * behaviour: Bearer authentication, the sizes each model accepts, response_format only for the DALL·E
 * models (gpt-image models always answer base64 and reject the parameter), errors as {error: {message,
 * type, param, code}}. Tests choose how it answers next.
 */
import { listen, readBody, sendJson } from "./listen.js";
import { samplePng } from "./samplePng.js";

const SIZES: Record<string, string[]> = {
  "gpt-image-1": ["1024x1024", "1536x1024", "1024x1536", "auto"],
  "dall-e-3": ["1024x1024", "1792x1024", "1024x1792"],
  "dall-e-2": ["256x256", "512x512", "1024x1024"],
};

export interface ImagesRequestRecord {
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** How the next requests are answered. */
export type ImagesBehaviour =
  | { kind: "image" }
  /** The bytes are not an image (a broken gateway). */
  | { kind: "not-an-image" }
  | { kind: "error"; status: number; message: string; type?: string; retryAfter?: string }
  /** Answers only after this long (to hit the client's timeout). */
  | { kind: "slow"; ms: number };

export interface OpenAiImagesDouble {
  /** Base URL, as OPENAI_IMAGES_URL takes it (…/v1). */
  url: string;
  apiKey: string;
  requests: ImagesRequestRecord[];
  behave(behaviour: ImagesBehaviour): void;
  close(): Promise<void>;
}

function invalid(message: string, param: string | null, code: string | null = null) {
  return { error: { message, type: "invalid_request_error", param, code } };
}

export async function startOpenAiImagesDouble(apiKey = "sk-test-double"): Promise<OpenAiImagesDouble> {
  const requests: ImagesRequestRecord[] = [];
  let behaviour: ImagesBehaviour = { kind: "image" };
  let origin = "";
  const image = samplePng(96, 64);

  const server = await listen(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    // A dall-e answer without response_format links the image (as the real API does, for 60 minutes).
    if (request.method === "GET" && path === "/files/linked.png") {
      response.writeHead(200, { "content-type": "image/png" });
      response.end(image);
      return;
    }
    const text = await readBody(request);
    if (request.method !== "POST" || path !== "/v1/images/generations") {
      sendJson(response, 404, invalid(`Invalid URL (${request.method} ${path})`, null));
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      sendJson(response, 400, invalid("We could not parse the JSON body of your request.", null));
      return;
    }
    requests.push({ authorization: request.headers.authorization, body });
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      sendJson(response, 401, invalid("Incorrect API key provided.", null, "invalid_api_key"));
      return;
    }
    if (behaviour.kind === "error") {
      const headers: Record<string, string> = behaviour.retryAfter ? { "retry-after": behaviour.retryAfter } : {};
      sendJson(response, behaviour.status, { error: { message: behaviour.message, type: behaviour.type ?? "server_error", param: null, code: null } }, headers);
      return;
    }
    const model = typeof body.model === "string" ? body.model : "dall-e-2";
    const sizes = SIZES[model];
    if (!sizes) {
      sendJson(response, 400, invalid(`The model '${model}' does not exist.`, "model", "model_not_found"));
      return;
    }
    if (typeof body.prompt !== "string" || body.prompt === "") {
      sendJson(response, 400, invalid("Missing required parameter: 'prompt'.", "prompt"));
      return;
    }
    if (body.size !== undefined && !sizes.includes(String(body.size))) {
      sendJson(response, 400, invalid(`Invalid value: '${String(body.size)}'. Supported values are: ${sizes.map((s) => `'${s}'`).join(", ")}.`, "size", "invalid_value"));
      return;
    }
    if (model.startsWith("gpt-image") && body.response_format !== undefined) {
      sendJson(response, 400, invalid("Unknown parameter: 'response_format'.", "response_format", "unknown_parameter"));
      return;
    }
    if (behaviour.kind === "slow") await new Promise((resolve) => setTimeout(resolve, (behaviour as { ms: number }).ms));
    const bytes = behaviour.kind === "not-an-image" ? new TextEncoder().encode("<html>gateway</html>") : image;
    const base64 = model.startsWith("gpt-image") || body.response_format === "b64_json";
    const datum = base64 ? { b64_json: Buffer.from(bytes).toString("base64") } : { url: `${origin}/files/linked.png` };
    if (response.destroyed) return;
    sendJson(response, 200, { created: Math.floor(Date.now() / 1000), data: [datum] });
  });
  origin = server.url;

  return {
    url: `${server.url}/v1`,
    apiKey,
    requests,
    behave: (next) => {
      behaviour = next;
    },
    close: server.close,
  };
}
