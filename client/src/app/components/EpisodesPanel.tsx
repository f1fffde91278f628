/** A project's episodes: open, export, create by title, or import a .fountain file. */
import { useState } from "react";
import { Link } from "react-router";
import { canCreateEpisodes, type EpisodeInfo, type ProjectInfo } from "@aiuteur/shared";
import { useBranchId } from "../../branches/branchContext";
import { api, messageOf } from "../api";
import { episodePath } from "../episode/EpisodeTabs";
import { offlineCache } from "../cache";
import { useEpisodeList } from "../hooks/useEpisodeList";
import { ErrorMessage } from "./ErrorMessage";
import { ExportButton } from "./ExportButton";
import { ImportFountainButton } from "./ImportFountainButton";
import { TitleForm } from "./TitleForm";

export function EpisodesPanel({ project, userId }: { project: ProjectInfo; userId: string }) {
  const episodes = useEpisodeList(project.id, userId);
  const [rowError, setRowError] = useState<string | null>(null);
  const added = (episode: EpisodeInfo) => episodes.update((list) => [...(list ?? []), episode]);
  const mayCreate = canCreateEpisodes(project.role);
  const branchId = useBranchId();

  return (
    <section className="panel" aria-labelledby="episodes-heading">
      <h2 id="episodes-heading">Episodes</h2>
      {mayCreate ? (
        <div className="panel-actions">
          <TitleForm noun="episode" create={async (title) => added(await api.createEpisode(project.id, title, undefined, branchId))} />
          <ImportFountainButton projectId={project.id} onImported={added} />
        </div>
      ) : (
        <p className="muted">Owners, directors and writers can add episodes.</p>
      )}
      {episodes.loading && <p className="muted">Loading episodes…</p>}
      <ErrorMessage message={episodes.error ? messageOf(episodes.error) : null} />
      <ErrorMessage message={rowError} />
      {episodes.data && episodes.data.length === 0 && <p className="empty">No episodes yet.</p>}
      {episodes.data && episodes.data.length > 0 && (
        <ul className="card-list">
          {episodes.data.map((episode) => (
            <li key={episode.id} className="card-row">
              <Link
                to={episodePath(project.id, episode.id, "", branchId)}
                className="card-link"
                data-testid="episode-link"
                onClick={() => offlineCache.saveEpisode(userId, project.id, episode)}
              >
                <span>{episode.title}</span>
                <span className="open-hint" aria-hidden="true">
                  Open →
                </span>
              </Link>
              <ExportButton
                projectId={project.id}
                episodeId={episode.id}
                title={episode.title}
                className="button-quiet"
                onError={setRowError}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
