/**
 * The render providers, chosen per project and configured by the environment of the process that runs the
 * worker (never by documents). The sync server asks isProviderConfigured to tell the user before a render;
 * the worker asks createProvider, whose error for an unconfigured provider is what the failed shot shows.
 */
import type { RenderProviderId } from "@aiuteur/shared";
import { createBuiltinProvider } from "./builtin.js";
import { comfyUiSettings, createComfyUiProvider } from "./comfyui.js";
import { createOpenAiImagesProvider, openAiImagesSettings } from "./openaiImages.js";
import type { RenderProvider } from "./types.js";

export type { FrameRequest, RenderProvider, RenderProviderId } from "./types.js";
export { ProviderError } from "./http.js";

/** What is missing, per provider, in the words an operator needs. */
const NOT_CONFIGURED: Record<Exclude<RenderProviderId, "builtin">, string> = {
  "openai-images": "The OpenAI images provider is not configured: set OPENAI_API_KEY (and OPENAI_IMAGES_URL for a compatible server)",
  comfyui: "ComfyUI is not configured: set COMFYUI_URL",
};

export function isProviderConfigured(id: RenderProviderId, env: NodeJS.ProcessEnv): boolean {
  switch (id) {
    case "builtin":
      return true;
    case "openai-images":
      return openAiImagesSettings(env) !== null;
    case "comfyui":
      return comfyUiSettings(env) !== null;
  }
}

export function createProvider(id: RenderProviderId, env: NodeJS.ProcessEnv): RenderProvider {
  switch (id) {
    case "builtin":
      return createBuiltinProvider();
    case "openai-images": {
      const settings = openAiImagesSettings(env);
      if (!settings) throw new Error(NOT_CONFIGURED[id]);
      return createOpenAiImagesProvider(settings);
    }
    case "comfyui": {
      const settings = comfyUiSettings(env);
      if (!settings) throw new Error(NOT_CONFIGURED[id]);
      return createComfyUiProvider(settings);
    }
  }
}
