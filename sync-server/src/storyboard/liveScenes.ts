/** An episode's scenes, derived from its live script (never stored), as the REST API lists them. */
import {
  deriveScenes,
  isId,
  MAIN_BRANCH,
  notesDocumentName,
  readScreenplay,
  storyboardDocumentName,
  type DerivedScene,
  type EpisodeInfo,
  type SceneListItem,
  type ScreenplayBlock,
} from "@aiuteur/shared";
import { notFound } from "../http/errors.js";
import type { Services } from "../services.js";

export interface LiveScenes {
  blocks: ScreenplayBlock[];
  /** Scenes that have their own well-formed id; a duplicate or missing id has no storyboard yet. */
  scenes: DerivedScene[];
}

export async function liveScenes(services: Services, episode: EpisodeInfo): Promise<LiveScenes> {
  const doc = await services.readDocument(episode.documents.script);
  if (!doc) throw notFound("This episode has no script document.");
  const { blocks } = readScreenplay(doc);
  return { blocks, scenes: deriveScenes(blocks).filter((scene) => isId(scene.sceneId)) };
}

/** A scene as listed on `branchId`: its storyboard and notes documents are that branch's. */
export function sceneListItem(projectId: string, scene: DerivedScene, branchId = MAIN_BRANCH): SceneListItem {
  return {
    sceneId: scene.sceneId,
    number: scene.number,
    heading: scene.heading,
    intExt: scene.intExt,
    location: scene.location,
    timeOfDay: scene.timeOfDay,
    eighths: scene.eighths,
    characters: scene.characters,
    documents: {
      storyboard: storyboardDocumentName(projectId, scene.sceneId, branchId),
      notes: notesDocumentName(projectId, "storyboard", scene.sceneId, branchId),
    },
  };
}
