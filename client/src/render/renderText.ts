/** How a render's state reads on screen: the panel's status line and the storyboard card's pill. */
import type { ShotRenderMirror } from "@aiuteur/shared";

export const PROVIDER_NAMES: Record<string, string> = {
  builtin: "the built-in renderer",
  "openai-images": "the OpenAI-compatible images API",
  comfyui: "ComfyUI",
};

export function providerName(provider: string): string {
  return PROVIDER_NAMES[provider] ?? provider;
}

/** Whole percent, never above 99 while still rendering (100 only means done). */
export function progressPercent(mirror: Pick<ShotRenderMirror, "status" | "progress">): number {
  if (mirror.status === "done") return 100;
  return Math.min(99, Math.max(0, Math.round(mirror.progress)));
}

export function renderStatusText(mirror: ShotRenderMirror | null): string {
  if (!mirror) return "No render yet";
  switch (mirror.status) {
    case "queued":
      return "Queued for rendering";
    case "rendering":
      return `Rendering… ${progressPercent(mirror)}%`;
    case "done":
      return "Rendered";
    case "failed":
      return `Render failed${mirror.error ? `: ${mirror.error}` : ""}`;
  }
}

/** The storyboard card's pill; null when there is nothing to say. */
export function renderBadgeText(mirror: ShotRenderMirror | null): string | null {
  if (!mirror) return null;
  switch (mirror.status) {
    case "queued":
      return "queued";
    case "rendering":
      return `rendering ${progressPercent(mirror)}%`;
    case "done":
      return "▶ rendered";
    case "failed":
      return "render failed";
  }
}
