/**
 * The project page's way into the story views: the registry of characters and locations, and each
 * episode's beat board, scene list, storyboard and animatic.
 */
import { Link } from "react-router";
import type { EpisodeInfo, ProjectInfo } from "@aiuteur/shared";
import { offlineCache } from "../app/cache";
import { episodePath } from "../app/episode/EpisodeTabs";
import { useBranchId } from "../branches/branchContext";
import { useEpisodeList } from "../app/hooks/useEpisodeList";

const VIEWS = [
  { path: "beats", label: "Beats" },
  { path: "scenes", label: "Scenes" },
  { path: "storyboard", label: "Storyboard" },
  { path: "animatic", label: "Animatic" },
] as const;

/** Beats · Scenes · Storyboard · Animatic links of one episode (also usable in an episode list's rows). */
export function EpisodeViewLinks({ projectId, episode, userId }: { projectId: string; episode: EpisodeInfo; userId: string }) {
  const branchId = useBranchId();
  return (
    <span className="story-episode-views">
      {VIEWS.map((view) => (
        <Link
          key={view.path}
          to={episodePath(projectId, episode.id, view.path, branchId)}
          aria-label={`${view.label} of ${episode.title}`}
          data-testid={`episode-${view.path}-link`}
          // Like the episode link: remember the episode so the view opens offline next time.
          onClick={() => offlineCache.saveEpisode(userId, projectId, episode)}
        >
          {view.label}
        </Link>
      ))}
    </span>
  );
}

export function ProjectStoryPanel({ project, userId }: { project: ProjectInfo; userId: string }) {
  const episodes = useEpisodeList(project.id, userId);
  return (
    <section className="panel story-panel" aria-labelledby="story-heading">
      <h2 id="story-heading">Story</h2>
      <p>
        <Link to={`/projects/${encodeURIComponent(project.id)}/registry`} className="story-registry-link" data-testid="registry-link">
          Characters &amp; locations →
        </Link>
      </p>
      {episodes.data && episodes.data.length > 0 && (
        <ul className="story-episodes">
          {episodes.data.map((episode) => (
            <li key={episode.id} className="story-episode" data-testid="story-episode">
              <span className="story-episode-title">{episode.title}</span>
              <EpisodeViewLinks projectId={project.id} episode={episode} userId={userId} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
