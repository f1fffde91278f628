/**
 * GET …/shots/:shotId/render-context: what the worker needs besides the shot document, and what the shot
 * page shows before a render (the prompt an AI provider would get).
 */
import {
  assembleShotPrompt,
  formatDocumentName,
  shotPromptContext,
  readRegistry,
  type ShotRenderContextInfo,
} from "@aiuteur/shared";
import type { Services } from "../services.js";
import { providerConfigured } from "./providerStatus.js";
import { shotRenderState } from "./shotRenderState.js";

export async function renderContext(services: Services, projectId: string, branchId: string, shotId: string): Promise<ShotRenderContextInfo | null> {
  const settings = await services.projects.renderSettings(projectId);
  if (!settings) return null;
  const state = await shotRenderState(services, projectId, branchId, shotId, settings);
  if (!state) return null;
  const registryDoc = await services.readDocument(formatDocumentName({ kind: "project", projectId }));
  const registry = registryDoc ? readRegistry(registryDoc) : [];
  const prompt = assembleShotPrompt(state.fields, shotPromptContext(registry, { heading: state.scene?.heading ?? "", location: state.scene?.location ?? "" }));
  const reference = state.fields.referenceImage;
  return {
    projectId,
    branchId,
    shotId,
    episodeId: state.episode.id,
    sceneId: state.shot.sceneId,
    sceneNumber: state.scene?.number ?? "",
    sceneHeading: state.scene?.heading ?? "",
    resolution: settings.renderResolution,
    format: settings.renderFormat,
    provider: settings.renderProvider,
    providerConfigured: providerConfigured(settings.renderProvider),
    prompt,
    referenceImage: reference ? `/api/projects/${encodeURIComponent(projectId)}/assets/${encodeURIComponent(reference)}` : null,
    contentHash: state.locked ? state.contentHash : null,
  };
}
