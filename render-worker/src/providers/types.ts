/**
 * An AI frame provider: given the shot's prompt it returns a still that the shot's sketch is drawn over.
 * Providers are chosen per project (RENDER_PROVIDERS) and configured by environment variables only, so a
 * document can never point the worker at another server or carry a key.
 */
import type { RenderProviderId } from "@aiuteur/shared";

export type { RenderProviderId } from "@aiuteur/shared";

export interface FrameRequest {
  prompt: string;
  /** The clip's size; a provider returns the nearest size its API accepts and the frame renderer fits it. */
  width: number;
  height: number;
  /** Aborted when the job is cancelled (the worker is closing). */
  signal?: AbortSignal;
}

export interface RenderProvider {
  id: RenderProviderId;
  /** A still frame (PNG/JPEG bytes) to draw the shot's sketch over; null = use the reference image. */
  generateFrame(request: FrameRequest): Promise<Uint8Array | null>;
}
