/**
 * The header of an episode view other than the script (beats, scenes, storyboard): back to the project,
 * the episode title, the view tabs, the sync state, and who is here with the caller's role. It uses the
 * script header's styles so every episode view looks the same; on a phone the presence list and role fold
 * into a "More" menu, with `children` (view-specific actions) kept in that menu too.
 */
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Role } from "@aiuteur/shared";
import { PresenceList } from "../components/PresenceList";
import { RoleBadge } from "../components/RoleBadge";
import { SyncIndicator } from "../components/SyncIndicator";
import { EpisodeTabs } from "./EpisodeTabs";
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
  children?: ReactNode;
}

export function EpisodeHeader(props: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className={`script-header episode-header${menuOpen ? " menu-open" : ""}`}>
      <div className="script-header-main">
        <Link
          to={`/projects/${encodeURIComponent(props.projectId)}`}
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
      <div className="script-header-extra" id="episode-header-extra">
        <PresenceList provider={props.provider} />
        {props.role && <RoleBadge role={props.role} />}
        {props.children}
      </div>
    </header>
  );
}
