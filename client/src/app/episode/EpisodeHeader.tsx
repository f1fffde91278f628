/**
 * The header of every episode view (script, beats, scenes, storyboard): back to the project, the episode
 * title, the view tabs, the sync state, and who is here with the caller's role. On a phone the presence
 * list and role fold into a "More" menu, with `children` (view-specific actions) kept in that menu too;
 * `actions` (such as the script's Scenes and Comments toggles) stay in the bar.
 */
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Role } from "@aiuteur/shared";
import { PresenceList } from "../components/PresenceList";
import { RoleBadge } from "../components/RoleBadge";
import { SyncIndicator } from "../components/SyncIndicator";
import { BranchSwitcher } from "../../branches/BranchSwitcher";
import { useBranchId } from "../../branches/branchContext";
import { EpisodeTabs, projectPath } from "./EpisodeTabs";
import "./EpisodeHeader.css";

interface Props {
  projectId: string;
  projectTitle: string | null;
  episodeId: string;
  episodeTitle: string;
  role: Role | null;
  /** The provider of the view's main document, for presence and the sync state. */
  provider: HocuspocusProvider | null;
  readOnly: boolean;
  /** Buttons kept in the bar next to the sync state, even on a phone. */
  actions?: ReactNode;
  /** Layout class; "episode-header" puts the view tabs on a row of their own on a phone. */
  className?: string;
  children?: ReactNode;
}

export function EpisodeHeader(props: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  const branchId = useBranchId();
  return (
    <header className={`script-header ${props.className ?? "episode-header"}${menuOpen ? " menu-open" : ""}`}>
      <div className="script-header-main">
        <Link
          to={projectPath(props.projectId, branchId)}
          className="back-link"
          aria-label={`Back to ${props.projectTitle ?? "the project"}`}
        >
          <span aria-hidden="true">←</span>
          <span className="back-text">{props.projectTitle ?? "Project"}</span>
        </Link>
        <h1 className="script-title" title={props.episodeTitle}>
          {props.episodeTitle}
        </h1>
        <EpisodeTabs projectId={props.projectId} episodeId={props.episodeId} />
        <SyncIndicator provider={props.provider} readOnly={props.readOnly} />
        {props.actions}
        <button
          type="button"
          className="button-quiet menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="episode-header-extra"
          aria-label="More"
          onClick={() => setMenuOpen((open) => !open)}
        >
          ⋯
        </button>
      </div>
      <BranchSwitcher projectId={props.projectId} episodeId={props.episodeId} role={props.role} />
      <div className="script-header-extra" id="episode-header-extra">
        <PresenceList provider={props.provider} />
        {props.role && <RoleBadge role={props.role} />}
        {props.children}
      </div>
    </header>
  );
}
