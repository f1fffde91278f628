/**
 * Whether a project's render provider can run on this deployment (its environment variables are set). The
 * render worker owns provider configuration; this server only asks, to tell the user before a render.
 */
import { isProviderConfigured } from "@aiuteur/render-worker";
import type { RenderProviderId } from "@aiuteur/shared";

export function providerConfigured(id: RenderProviderId, env: NodeJS.ProcessEnv = process.env): boolean {
  return isProviderConfigured(id, env);
}
