/**
 * The episode's storyboard: a section per scene of the live script (derived as the script changes), then
 * the shots whose scene was removed. All scene storyboards and shot documents share the page's document
 * pool (one socket). ?scene=<sceneId> scrolls to and highlights one scene.
 */
import { useEffect, useMemo } from "react";
import { useSearchParams } from "react-router";
import { canWrite, storyboardDocumentName, type DerivedScene } from "@aiuteur/shared";
import { ErrorBoundary } from "../app/components/ErrorBoundary";
import type { EpisodeData } from "../app/hooks/useEpisodeData";
import { useConnection } from "../app/hooks/useConnection";
import { useOnline } from "../app/hooks/useOnline";
import { alternativeBranchName, isLocked } from "../locks/lockText";
import { useLockAwareConnection } from "../locks/useLockAwareScope";
import { useLockMirror } from "../locks/useLockMirror";
import { EpisodeViewFrame } from "../scenes/EpisodeViewFrame";
import { viewAccess } from "../scenes/EpisodeViewStatus";
import { OrphanedShots } from "./OrphanedShots";
import { SceneStoryboard } from "./SceneStoryboard";
import { orphanedShots, storyboardScenes } from "./storyboardLayout";
import { useSharedDocument } from "./useSharedDocument";
import { useStoryboardServerData } from "./useStoryboardServerData";

interface Props {
  data: EpisodeData;
  /** The script's scenes, null until the script is open. */
  scenes: readonly DerivedScene[] | null;
}

export function StoryboardView({ data, scenes }: Props) {
  const { projectId, episodeId, role } = data;
  const online = useOnline();
  const [params] = useSearchParams();
  const focusScene = params.get("scene");
  const sections = useMemo(() => (scenes ? storyboardScenes(scenes) : null), [scenes]);
  const sceneIds = useMemo(() => sections?.map((scene) => scene.sceneId) ?? null, [sections]);
  const server = useStoryboardServerData(projectId, episodeId, sceneIds, online);
  const nameOf = (sceneId: string) =>
    server.listed.get(sceneId) ?? (server.listingSettled ? storyboardDocumentName(projectId, sceneId, data.branchId) : null);

  // The first scene's storyboard stands for the page in the header (sync state, presence, scope).
  const first = sections?.[0] ? nameOf(sections[0].sceneId) : null;
  const main = useSharedDocument(first);
  // A locked first storyboard connects read-only because of its lock, not the role: each scene shows
  // its own lock, so that scope must not make the whole page read-only.
  const firstLock = useLockMirror(main?.doc, first);
  const mainConnection = useLockAwareConnection(useConnection(main?.provider ?? null), firstLock);
  const connection = isLocked(firstLock) ? { ...mainConnection, scope: null } : mainConnection;
  const access = viewAccess(role, "storyboard", connection, "this storyboard", data.project.loading);
  const mayEditShots = role !== null && canWrite(role, "shot") && !access.readOnly;
  const orphans = sections && server.episodeShots ? orphanedShots(server.episodeShots, sections) : [];

  const ready = sections !== null;
  useEffect(() => {
    if (!ready || !focusScene) return;
    const section = document.getElementById(`scene-${focusScene}`);
    section?.scrollIntoView({ block: "start" });
  }, [ready, focusScene]);

  return (
    <EpisodeViewFrame
      data={data}
      className="storyboard-page"
      bodyClassName="storyboard-body"
      provider={main?.provider ?? null}
      access={access}
      connection={connection}
      loading={sections === null ? "Opening the storyboard…" : null}
    >
      {sections !== null && (
        <ErrorBoundary what="The storyboard">
          {sections.length === 0 && (
            <p className="muted storyboard-empty" data-testid="storyboard-empty">
              The script has no scenes yet. Write a scene heading (INT. KITCHEN - NIGHT) in the script and its storyboard appears here.
            </p>
          )}
          {sections.map((scene) => {
            const name = nameOf(scene.sceneId);
            return name === null ? (
              <section key={scene.sceneId} className="scene-storyboard" data-testid="scene-storyboard">
                <p className="muted" role="status">
                  Opening scene {scene.number}…
                </p>
              </section>
            ) : (
              <SceneStoryboard
                key={scene.sceneId}
                projectId={projectId}
                episodeId={episodeId}
                scene={scene}
                storyboardName={name}
                episodeShots={server.episodeShots}
                mayArrange={!access.readOnly}
                mayEditShots={mayEditShots}
                online={online}
                highlighted={scene.sceneId === focusScene}
                onShotsCreated={server.refreshShots}
                role={role}
                branchName={alternativeBranchName(data.episode.data?.title ?? "")}
              />
            );
          })}
          {orphans.length > 0 && <OrphanedShots projectId={projectId} episodeId={episodeId} shots={orphans} mayEditShots={mayEditShots} />}
        </ErrorBoundary>
      )}
    </EpisodeViewFrame>
  );
}
