/**
 * Reads one episode's script (opened like any collaborative document, so it works offline from the
 * device's copy) and reports the characters and locations it names, again after every script update.
 * Renders nothing: the registry page mounts one per episode.
 */
import { useEffect } from "react";
import type * as Y from "yjs";
import { deriveCharacters, deriveLocations, deriveScenes, readScreenplay, type EpisodeInfo } from "@aiuteur/shared";
import { useCollabDocument, type PresenceIdentity } from "../app/hooks/useCollabDocument";
import { useDocValue } from "../scenes/useDocValue";
import type { EpisodeNames } from "./mergeRegistry";

interface ScriptNames {
  characters: string[];
  locations: string[];
}

function namesOfScript(doc: Y.Doc): ScriptNames {
  const { blocks } = readScreenplay(doc);
  return { characters: deriveCharacters(blocks), locations: deriveLocations(deriveScenes(blocks)) };
}

interface Props {
  episode: EpisodeInfo;
  identity: PresenceIdentity;
  onNames(names: EpisodeNames): void;
}

export function EpisodeNamesSource({ episode, identity, onNames }: Props) {
  const collab = useCollabDocument(episode.documents.script, identity);
  const names = useDocValue(collab?.ready ? collab.doc : null, namesOfScript);
  useEffect(() => {
    if (names) onNames({ episodeId: episode.id, episodeTitle: episode.title, ...names });
  }, [names, episode.id, episode.title, onNames]);
  return null;
}
