/**
 * The script page's header: the episode header (back, title, tabs, sync state, who is here, role) with the
 * script's own controls: the scene navigator toggle and the comments toggle (Mod+Alt+C) in the bar, the
 * title page and the export in the "More" menu on a phone, with whatever `children` the page adds.
 */
import type { ReactNode } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Role } from "@aiuteur/shared";
import { EpisodeHeader } from "../episode/EpisodeHeader";
import { ExportButton } from "./ExportButton";

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
  children?: ReactNode;
}

export function ScriptHeader(props: Props) {
  const actions = (
    <>
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
    </>
  );
  return (
    <EpisodeHeader
      projectId={props.projectId}
      projectTitle={props.projectTitle}
      episodeId={props.episodeId}
      episodeTitle={props.episodeTitle}
      role={props.role}
      provider={props.provider}
      readOnly={props.readOnly}
      // The script keeps its phone layout: the tabs scroll inside the bar rather than taking a row.
      className="script-page-header"
      actions={actions}
    >
      <button type="button" className="button-quiet" onClick={props.onOpenTitlePage} data-testid="open-title-page">
        Title page
      </button>
      <ExportButton projectId={props.projectId} episodeId={props.episodeId} title={props.episodeTitle} onError={props.onExportError} />
      {props.children}
    </EpisodeHeader>
  );
}
