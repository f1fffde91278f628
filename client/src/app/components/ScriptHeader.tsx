/**
 * The script page's header: back to the project, the episode title, the caller's role, who is here, the
 * sync state, the comments toggle (Mod+Alt+C) and the export. On a phone only the essentials stay in the bar (back, title, sync); the
 * rest folds into a menu so the page is for the script.
 */
import { useState } from "react";
import { Link } from "react-router";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Role } from "@aiuteur/shared";
import { EpisodeTabs } from "../episode/EpisodeTabs";
import { ExportButton } from "./ExportButton";
import { PresenceList } from "./PresenceList";
import { RoleBadge } from "./RoleBadge";
import { SyncIndicator } from "./SyncIndicator";

interface Props {
  projectId: string;
  projectTitle: string | null;
  episodeId: string;
  episodeTitle: string;
  role: Role | null;
  provider: HocuspocusProvider | null;
  readOnly: boolean;
  navigatorOpen: boolean;
  onToggleNavigator(): void;
  onExportError(message: string | null): void;
  onOpenTitlePage(): void;
  commentsOpen: boolean;
  /** Open comment threads on this script (null while the notes document opens). */
  openComments: number | null;
  onToggleComments(): void;
}

export function ScriptHeader(props: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className={`script-header${menuOpen ? " menu-open" : ""}`}>
      <div className="script-header-main">
        <Link to={`/projects/${props.projectId}`} className="back-link" aria-label={`Back to ${props.projectTitle ?? "the project"}`}>
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
          className="button-quiet navigator-toggle"
          aria-expanded={props.navigatorOpen}
          aria-controls="scene-navigator-panel"
          onClick={props.onToggleNavigator}
        >
          Scenes
        </button>
        <button
          type="button"
          className="button-quiet comments-toggle"
          aria-expanded={props.commentsOpen}
          aria-controls="script-comments-panel"
          aria-keyshortcuts="Control+Alt+C Meta+Alt+C"
          title="Comments (Ctrl+Alt+C)"
          data-testid="comments-toggle"
          onClick={props.onToggleComments}
        >
          <svg className="comments-toggle-icon" aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
            <path d="M3 4h14v9H8.5L5 16v-3H3z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
          </svg>
          <span className="comments-toggle-label">Comments</span>
          {props.openComments !== null && (
            <span className="comments-toggle-count" data-testid="comments-open-count">
              {" "}
              ({props.openComments}
              <span className="comments-toggle-open"> open</span>)
            </span>
          )}
        </button>
        <button
          type="button"
          className="button-quiet menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="script-header-extra"
          aria-label="More"
          onClick={() => setMenuOpen((open) => !open)}
        >
          ⋯
        </button>
      </div>
      <div className="script-header-extra" id="script-header-extra">
        <PresenceList provider={props.provider} />
        {props.role && <RoleBadge role={props.role} />}
        <button type="button" className="button-quiet" onClick={props.onOpenTitlePage} data-testid="open-title-page">
          Title page
        </button>
        <ExportButton
          projectId={props.projectId}
          episodeId={props.episodeId}
          title={props.episodeTitle}
          onError={props.onExportError}
        />
      </div>
    </header>
  );
}
