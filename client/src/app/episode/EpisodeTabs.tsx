/**
 * The episode's views, one tab each: the screenplay, the beat board, the scene list (script hub) and the
 * storyboard. Links, so every view has its own URL (deep links, reload, the back button); they keep the
 * story timeline (`?branch=`) the reader is on.
 */
import { NavLink } from "react-router";
import { MAIN_BRANCH } from "@aiuteur/shared";
import { useBranchId, withBranch } from "../../branches/branchContext";

export const EPISODE_VIEWS = [
  { path: "", label: "Script" },
  { path: "beats", label: "Beats" },
  { path: "scenes", label: "Scenes" },
  { path: "storyboard", label: "Storyboard" },
] as const;

export function episodePath(projectId: string, episodeId: string, view = "", branchId = MAIN_BRANCH): string {
  const base = `/projects/${encodeURIComponent(projectId)}/episodes/${encodeURIComponent(episodeId)}`;
  return withBranch(view === "" ? base : `${base}/${view}`, branchId);
}

export function shotPath(projectId: string, shotId: string, branchId = MAIN_BRANCH): string {
  return withBranch(`/projects/${encodeURIComponent(projectId)}/shots/${encodeURIComponent(shotId)}`, branchId);
}

export function projectPath(projectId: string, branchId = MAIN_BRANCH): string {
  return withBranch(`/projects/${encodeURIComponent(projectId)}`, branchId);
}

export function EpisodeTabs({ projectId, episodeId }: { projectId: string; episodeId: string }) {
  const branchId = useBranchId();
  return (
    <nav className="episode-tabs" aria-label="Episode views">
      {EPISODE_VIEWS.map((view) => (
        <NavLink
          key={view.path}
          to={episodePath(projectId, episodeId, view.path, branchId)}
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
