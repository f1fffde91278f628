/**
 * The episode's views, one tab each: the screenplay, the beat board, the scene list (script hub), the
 * storyboard and the animatic. Links, so every view has its own URL (deep links, reload, the back button);
 * they keep the story timeline (`?branch=`) the reader is on.
 */
import { useEffect, useRef } from "react";
import { NavLink, useLocation } from "react-router";
import { MAIN_BRANCH } from "@aiuteur/shared";
import { useBranchId, withBranch } from "../../branches/branchContext";

export const EPISODE_VIEWS = [
  { path: "", label: "Script" },
  { path: "beats", label: "Beats" },
  { path: "scenes", label: "Scenes" },
  { path: "storyboard", label: "Storyboard" },
  { path: "animatic", label: "Animatic" },
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
  // On a phone the tabs scroll sideways: keep the open one in view (the last tabs would start cut off).
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const nav = navRef.current;
    const active = nav?.querySelector<HTMLElement>(".episode-tab.active");
    if (!nav || !active) return;
    const tab = active.getBoundingClientRect();
    const bar = nav.getBoundingClientRect();
    if (tab.left < bar.left) nav.scrollLeft += tab.left - bar.left;
    else if (tab.right > bar.right) nav.scrollLeft += tab.right - bar.right;
  }, [pathname]);
  return (
    <nav className="episode-tabs" aria-label="Episode views" ref={navRef}>
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
