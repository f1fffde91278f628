import { loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProvider, ProviderError } from "./index.js";
import { openAiImageSize } from "./openaiImages.js";
import { retryAfterSeconds } from "./http.js";
import { startOpenAiImagesDouble, type OpenAiImagesDouble } from "./testing/openaiImagesDouble.js";

const PROMPT = "Close-up, low angle, 85mm lens, camera dolly in. Mara slams the drawer shut.";

describe("the OpenAI images provider against a double of the documented API", () => {
  let api: OpenAiImagesDouble;
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ OPENAI_IMAGES_URL: api.url, OPENAI_API_KEY: api.apiKey, ...extra });

  beforeAll(async () => {
    api = await startOpenAiImagesDouble();
  });
  afterAll(() => api.close());
  beforeEach(() => {
    api.requests.length = 0;
    api.behave({ kind: "image" });
  });

  it("asks gpt-image-1 for a landscape frame with the prompt and the key, and returns the PNG it sends", async () => {
    const frame = await createProvider("openai-images", env()).generateFrame({ prompt: PROMPT, width: 1280, height: 720 });
    expect(api.requests).toHaveLength(1);
    const [sent] = api.requests;
    expect(sent!.authorization).toBe(`Bearer ${api.apiKey}`);
    expect(sent!.body).toEqual({ model: "gpt-image-1", prompt: PROMPT, size: "1536x1024", n: 1 });
    const picture = await loadImage(Buffer.from(frame!));
    expect([picture.width, picture.height]).toEqual([96, 64]);
  });

  it("asks dall-e-3 for base64 at its landscape size", async () => {
    const frame = await createProvider("openai-images", env({ OPENAI_IMAGES_MODEL: "dall-e-3" })).generateFrame({ prompt: PROMPT, width: 1920, height: 1080 });
    expect(api.requests[0]!.body).toMatchObject({ model: "dall-e-3", size: "1792x1024", response_format: "b64_json", n: 1 });
    expect((await loadImage(Buffer.from(frame!))).width).toBe(96);
  });

  it("reports the API's own message for a 400 and a 500", async () => {
    api.behave({ kind: "error", status: 400, type: "invalid_request_error", message: "Your request was rejected as a result of our safety system." });
    const provider = createProvider("openai-images", env());
    const rejected = await provider.generateFrame({ prompt: PROMPT, width: 1280, height: 720 }).catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(ProviderError);
    expect((rejected as ProviderError).message).toBe("The OpenAI images API answered 400: Your request was rejected as a result of our safety system.");
    expect((rejected as ProviderError).status).toBe(400);

    api.behave({ kind: "error", status: 500, message: "The server had an error while processing your request." });
    await expect(provider.generateFrame({ prompt: PROMPT, width: 1280, height: 720 })).rejects.toThrow(
      "The OpenAI images API answered 500: The server had an error while processing your request.",
    );
    // No retries of its own: the queue retries the job, so a failing API is asked once per attempt.
    expect(api.requests).toHaveLength(2);
  });

  it("reports a wrong key with the API's message", async () => {
    await expect(createProvider("openai-images", env({ OPENAI_API_KEY: "sk-wrong" })).generateFrame({ prompt: PROMPT, width: 1280, height: 720 })).rejects.toThrow(
      "answered 401: Incorrect API key provided.",
    );
  });

  it("turns a 429 into an error that says when to retry", async () => {
    api.behave({ kind: "error", status: 429, type: "requests", message: "Rate limit reached for images per minute.", retryAfter: "20" });
    const error = await createProvider("openai-images", env()).generateFrame({ prompt: PROMPT, width: 1280, height: 720 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).retryAfterSeconds).toBe(20);
    expect((error as ProviderError).message).toBe("The OpenAI images API is rate limiting requests (it asks to retry after 20 s): Rate limit reached for images per minute.");
  });

  it("gives up after its timeout with a clear message", async () => {
    api.behave({ kind: "slow", ms: 3_000 });
    const started = Date.now();
    await expect(createProvider("openai-images", env({ OPENAI_IMAGES_TIMEOUT_SECONDS: "0.3" })).generateFrame({ prompt: PROMPT, width: 1280, height: 720 })).rejects.toThrow(
      "The OpenAI images API did not answer within 0.3 s",
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("passes the job's cancellation through unchanged", async () => {
    api.behave({ kind: "slow", ms: 3_000 });
    const controller = new AbortController();
    const reason = new Error("worker closing");
    setTimeout(() => controller.abort(reason), 100);
    await expect(createProvider("openai-images", env()).generateFrame({ prompt: PROMPT, width: 1280, height: 720, signal: controller.signal })).rejects.toBe(reason);
  });

  it("refuses an answer that is not an image", async () => {
    api.behave({ kind: "not-an-image" });
    await expect(createProvider("openai-images", env()).generateFrame({ prompt: PROMPT, width: 1280, height: 720 })).rejects.toThrow("not a PNG, JPEG or WebP image");
  });

  it("reports an unreachable server", async () => {
    await expect(createProvider("openai-images", env({ OPENAI_IMAGES_URL: "http://127.0.0.1:1/v1" })).generateFrame({ prompt: PROMPT, width: 1280, height: 720 })).rejects.toThrow(
      "The OpenAI images API could not be reached",
    );
  });
});

describe("openAiImageSize", () => {
  it("picks a size each model accepts, in the frame's shape", () => {
    expect(openAiImageSize("gpt-image-1", 1280, 720)).toBe("1536x1024");
    expect(openAiImageSize("gpt-image-1", 720, 1280)).toBe("1024x1536");
    expect(openAiImageSize("gpt-image-1", 1000, 1000)).toBe("1024x1024");
    expect(openAiImageSize("dall-e-3", 1920, 1080)).toBe("1792x1024");
    expect(openAiImageSize("dall-e-2", 1920, 1080)).toBe("1024x1024");
    // A compatible server with its own model: the frame's size.
    expect(openAiImageSize("sdxl-turbo", 1280, 720)).toBe("1280x720");
  });
});

describe("retryAfterSeconds", () => {
  it("reads seconds and HTTP dates", () => {
    expect(retryAfterSeconds("7")).toBe(7);
    expect(retryAfterSeconds(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds("soon")).toBeNull();
  });
});
