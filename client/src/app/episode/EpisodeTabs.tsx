/**
 * The episode's views, one tab each: the screenplay, the beat board, the scene list (script hub) and the
 * storyboard. Links, so every view has its own URL (deep links, reload, the back button).
 */
import { NavLink } from "react-router";

export const EPISODE_VIEWS = [
  { path: "", label: "Script" },
  { path: "beats", label: "Beats" },
  { path: "scenes", label: "Scenes" },
  { path: "storyboard", label: "Storyboard" },
] as const;

export function episodePath(projectId: string, episodeId: string, view = ""): string {
  const base = `/projects/${encodeURIComponent(projectId)}/episodes/${encodeURIComponent(episodeId)}`;
  return view === "" ? base : `${base}/${view}`;
}

export function shotPath(projectId: string, shotId: string): string {
  return `/projects/${encodeURIComponent(projectId)}/shots/${encodeURIComponent(shotId)}`;
}

export function EpisodeTabs({ projectId, episodeId }: { projectId: string; episodeId: string }) {
  return (
    <nav className="episode-tabs" aria-label="Episode views">
      {EPISODE_VIEWS.map((view) => (
        <NavLink
          key={view.path}
          to={episodePath(projectId, episodeId, view.path)}
          end
          className={({ isActive }) => `episode-tab${isActive ? " active" : ""}`}
          data-testid={`tab-${view.label.toLowerCase()}`}
        >
          {view.label}
        </NavLink>
      ))}
    </nav>
  );
}
