/**
 * "/projects/:projectId/episodes/:episodeId/scenes": the script hub. The scenes are derived live from
 * the script document (recomputed on each script update, never stored), the linked beats from the beats
 * document; filtering is by any text, character or location.
 */
import { useMemo, useState } from "react";
import { useParams } from "react-router";
import { beatsByScene } from "@aiuteur/shared";
import { useBeats } from "../../beats/useBeats";
import { useSceneShotLocks } from "../../locks/useSceneShotLocks";
import { SceneTable } from "../../scenes/SceneTable";
import "../../scenes/episodeView.css";
import "../../scenes/scenes.css";
import { EpisodeViewFrame } from "../../scenes/EpisodeViewFrame";
import { episodeGate, viewAccess } from "../../scenes/EpisodeViewStatus";
import { filterSceneRows, sceneRows, sceneTotals } from "../../scenes/sceneRows";
import { useScriptScenes } from "../../scenes/useScriptScenes";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { useCollabDocument } from "../hooks/useCollabDocument";
import { useConnection } from "../hooks/useConnection";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useEpisodeData } from "../hooks/useEpisodeData";

export function ScenesPage() {
  const { projectId = "", episodeId = "" } = useParams();
  const data = useEpisodeData(projectId, episodeId);
  const documents = data.episode.data?.documents;
  const scriptCollab = useCollabDocument(documents?.script ?? null, data.identity);
  const beatsCollab = useCollabDocument(documents?.beats ?? null, data.identity);
  const connection = useConnection(scriptCollab?.provider ?? null);
  const scenes = useScriptScenes(scriptCollab?.ready ? scriptCollab.doc : null);
  const beats = useBeats(beatsCollab?.ready ? beatsCollab.doc : null);
  const [query, setQuery] = useState("");
  const shotLocks = useSceneShotLocks(projectId, episodeId, data.branchId);

  const rows = useMemo(() => (scenes ? sceneRows(scenes, beatsByScene(beats ?? [])) : null), [scenes, beats]);
  const visible = useMemo(() => (rows ? filterSceneRows(rows, query) : null), [rows, query]);

  const title = data.episode.data?.title;
  useDocumentTitle(title ? `Scenes — ${title}` : null);

  const gate = episodeGate({ data, what: "Scene list" });
  if (gate) return gate;
  // The list is derived, never edited here: only connection problems are worth a banner.
  const access = { ...viewAccess(data.role, "script", connection, "this script", data.project.loading), banner: null };

  return (
    <EpisodeViewFrame
      data={data}
      className="scenes-page"
      provider={scriptCollab?.provider ?? null}
      access={access}
      connection={connection}
      loading={rows === null || visible === null ? "Reading the script…" : null}
    >
      {rows !== null && visible !== null && (
        <ErrorBoundary what="The scene list" key={scriptCollab?.documentName}>
          <div className="scenes-toolbar">
            <h2 className="scenes-heading">Scenes</h2>
            <input
              type="search"
              className="scenes-filter"
              placeholder="Filter by text, character or location"
              aria-label="Filter scenes by text, character or location"
              data-testid="scene-filter"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          {rows.length === 0 ? (
            <p className="scenes-empty" data-testid="scenes-empty">
              No scenes yet. Scenes appear here as soon as the script has a scene heading (such as “INT. KITCHEN - NIGHT”).
            </p>
          ) : (
            <>
              {visible.length === 0 && (
                <p className="scenes-empty" role="status">
                  No scene matches “{query}”.
                </p>
              )}
              <SceneTable
                projectId={projectId}
                episodeId={episodeId}
                rows={visible}
                totals={sceneTotals(visible)}
                allTotals={sceneTotals(rows)}
                shotLocks={shotLocks}
              />
            </>
          )}
        </ErrorBoundary>
      )}
    </EpisodeViewFrame>
  );
}
