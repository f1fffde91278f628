/**
 * Where a shot sits (episode, scene number and heading, the way the scene list derives them from the live
 * script) and the content hash its render has now: readShotRenderInput + renderContentHash, exactly what
 * the worker is told to render. One cache per pass, so a reconcile of many shots reads each script once.
 */
import {
  readShotFields,
  readShotRenderInput,
  renderContentHash,
  shotDocumentName,
  type DerivedScene,
  type EpisodeInfo,
  type ClipFormat,
  type RenderResolution,
  type ShotFields,
  type ShotInfo,
} from "@aiuteur/shared";
import type * as Y from "yjs";
import type { Services } from "../services.js";
import { liveScenes } from "../storyboard/liveScenes.js";

export interface ShotPlacement {
  shot: ShotInfo;
  episode: EpisodeInfo;
  /** The scene as the live script has it; null for a shot of an orphaned scene (heading deleted). */
  scene: DerivedScene | null;
}

export interface ShotRenderState extends ShotPlacement {
  doc: Y.Doc;
  fields: ShotFields;
  /** The hash of the shot's content now. */
  contentHash: string;
  /** Whether the shot is locked (not invalidated, not unlocked): only locked shots are rendered. */
  locked: boolean;
}

export class PlacementCache {
  private readonly scenes = new Map<string, Promise<DerivedScene[]>>();

  constructor(private readonly services: Services) {}

  scenesOf(episode: EpisodeInfo): Promise<DerivedScene[]> {
    const key = episode.documents.script;
    let scenes = this.scenes.get(key);
    if (!scenes) {
      scenes = liveScenes(this.services, episode).then((live) => live.scenes);
      this.scenes.set(key, scenes);
    }
    return scenes;
  }
}

export async function placeShot(services: Services, projectId: string, branchId: string, shotId: string, cache = new PlacementCache(services)): Promise<ShotPlacement | null> {
  const shot = await services.storyboards.shot(projectId, shotId, branchId);
  if (!shot) return null;
  const episode = await services.episodes.get(projectId, shot.episodeId, branchId);
  if (!episode) return null;
  const scenes = await cache.scenesOf(episode);
  return { shot, episode, scene: scenes.find((scene) => scene.sceneId === shot.sceneId) ?? null };
}

export async function shotRenderState(
  services: Services,
  projectId: string,
  branchId: string,
  shotId: string,
  settings: { renderResolution: RenderResolution; renderFormat: ClipFormat },
  cache = new PlacementCache(services),
): Promise<ShotRenderState | null> {
  const placement = await placeShot(services, projectId, branchId, shotId, cache);
  if (!placement) return null;
  const documentName = shotDocumentName(projectId, shotId, branchId);
  const doc = await services.readDocument(documentName);
  if (!doc) return null;
  const input = readShotRenderInput(doc, {
    shotId,
    sceneNumber: placement.scene?.number ?? "",
    sceneHeading: placement.scene?.heading ?? "",
    resolution: settings.renderResolution,
    format: settings.renderFormat,
  });
  const lock = await services.locks.get(documentName);
  return { ...placement, doc, fields: readShotFields(doc), contentHash: renderContentHash(input), locked: lock?.status === "locked" };
}
