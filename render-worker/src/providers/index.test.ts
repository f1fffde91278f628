import { describe, expect, it } from "vitest";
import { RENDER_PROVIDERS } from "@aiuteur/shared";
import { createProvider, isProviderConfigured } from "./index.js";

describe("provider configuration", () => {
  it("needs nothing for the built-in renderer, whose frame is the reference image", async () => {
    expect(isProviderConfigured("builtin", {})).toBe(true);
    expect(await createProvider("builtin", {}).generateFrame({ prompt: "x", width: 1280, height: 720 })).toBeNull();
  });

  it("tells an unconfigured HTTP provider apart and refuses to create it with the setting to add", () => {
    expect(isProviderConfigured("comfyui", {})).toBe(false);
    expect(isProviderConfigured("comfyui", { COMFYUI_URL: "  " })).toBe(false);
    expect(() => createProvider("comfyui", {})).toThrow("ComfyUI is not configured: set COMFYUI_URL");
    expect(isProviderConfigured("openai-images", { OPENAI_IMAGES_URL: "http://127.0.0.1:9/v1" })).toBe(false);
    expect(() => createProvider("openai-images", {})).toThrow("The OpenAI images provider is not configured: set OPENAI_API_KEY");
  });

  it("creates every provider once it is configured", () => {
    const env = { COMFYUI_URL: "http://127.0.0.1:8188", OPENAI_API_KEY: "sk-x" };
    for (const id of RENDER_PROVIDERS) {
      expect(isProviderConfigured(id, env)).toBe(true);
      expect(createProvider(id, env).id).toBe(id);
    }
  });
});
