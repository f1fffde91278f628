/** A project's episodes: open, export, create by title, or import a .fountain file. */
import { useState } from "react";
import { Link } from "react-router";
import { canCreateEpisodes, type EpisodeInfo, type ProjectInfo } from "@aiuteur/shared";
import { api, messageOf } from "../api";
import { offlineCache } from "../cache";
import { useCachedResource } from "../hooks/useCachedResource";
import { ErrorMessage } from "./ErrorMessage";
import { ExportButton } from "./ExportButton";
import { ImportFountainButton } from "./ImportFountainButton";
import { TitleForm } from "./TitleForm";

export function EpisodesPanel({ project, userId }: { project: ProjectInfo; userId: string }) {
  const episodes = useCachedResource(
    `episodes:${userId}:${project.id}`,
    (signal) => api.listEpisodes(project.id, signal),
    {
      read: () => offlineCache.episodes(userId, project.id),
      write: (list) => offlineCache.saveEpisodes(userId, project.id, list),
    },
  );
  const [rowError, setRowError] = useState<string | null>(null);
  const added = (episode: EpisodeInfo) => episodes.update((list) => [...(list ?? []), episode]);
  const mayCreate = canCreateEpisodes(project.role);

  return (
    <section className="panel" aria-labelledby="episodes-heading">
      <h2 id="episodes-heading">Episodes</h2>
      {mayCreate ? (
        <div className="panel-actions">
          <TitleForm noun="episode" create={async (title) => added(await api.createEpisode(project.id, title))} />
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
                to={`/projects/${project.id}/episodes/${episode.id}`}
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
